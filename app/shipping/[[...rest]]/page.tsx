import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InfoPage, InfoSection } from "@/components/info-page";
import { formatMoney } from "@/lib/catalog/format";
import { deliveryTime, getShippingTable } from "@/lib/shipping";
import { infoPageTitle } from "@/lib/site-pages";

// The shipping methods come from the table checkout charges from, so this page
// reads the database. An optional catch-all with no paths at build makes it a
// page rendered on its first request and then kept as static HTML (as the
// catalog pages are, docs/decisions/0014): the build still needs no database,
// and the catalog tag the seed records when it writes the table outdates it.
// Nothing here reads the request.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { rest: string[] }[] {
  return [];
}

const title = infoPageTitle("/shipping");
export const metadata: Metadata = { title, alternates: { canonical: "/shipping" } };

export default async function ShippingPage({ params }: { params: Promise<{ rest?: string[] }> }) {
  if ((await params).rest?.length) notFound();
  const methods = await getShippingTable();
  return (
    <InfoPage title={title} intro="How we send orders, how long they take and what delivery costs.">
      <InfoSection id="methods" title="Delivery methods and prices">
        <p>You choose the method at checkout. The price is added to your order total before you pay.</p>
        <ul className="space-y-3" data-testid="shipping-methods">
          {methods.map((m) => (
            <li key={m.code} className="rounded-lg border border-line bg-white p-4">
              <h3 className="font-semibold">{m.name}</h3>
              <p>
                {deliveryTime(m)}, {m.priceCents === 0 ? "free" : formatMoney(m.priceCents)}
                {m.freeOverCents !== null && <>; free on orders of {formatMoney(m.freeOverCents)} or more</>}
              </p>
              <p className="text-sm text-muted">{m.description}</p>
            </li>
          ))}
        </ul>
        <p>
          The free-delivery amount counts what you pay for the goods, after any promo code. Working days are Monday to Friday. Every parcel is tracked: the link
          comes by email when it leaves us.
        </p>
      </InfoSection>
      <InfoSection id="packing" title="How we pack">
        <p>
          Needle cartridges travel in their own sealed sterile packs, inside the box. Please check each seal when your order arrives; if one is torn or crushed,
          do not use that cartridge and <Link href="/contact">tell us</Link>.
        </p>
      </InfoSection>
      <InfoSection id="following" title="Following an order">
        <p>
          Your confirmation email has a link to your order. Without it, <Link href="/track">track an order</Link> with its number and your email address; if you
          have an account, your orders are under <Link href="/account">your account</Link>.
        </p>
      </InfoSection>
    </InfoPage>
  );
}
