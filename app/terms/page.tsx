import type { Metadata } from "next";
import Link from "next/link";
import { InfoPage, InfoSection } from "@/components/info-page";
import { infoPageTitle } from "@/lib/site-pages";

const title = infoPageTitle("/terms");
export const metadata: Metadata = { title, alternates: { canonical: "/terms" } };

export default function TermsPage() {
  return (
    <InfoPage title={title} intro="The terms you buy from us on, kept short.">
      <InfoSection id="what-we-sell" title="What we sell">
        <p>
          We sell cosmetic microneedling supplies: pen kits, single-use needle cartridges, aftercare and safety items. They are not medical devices and our
          instructions are not medical advice. Some products are for trained professionals only; their pages say so, and checkout will not sell them to anyone
          else.
        </p>
      </InfoSection>
      <InfoSection id="your-part" title="Your part">
        <p>
          Pen kits and cartridges are for adults. Before you buy them, checkout asks you to confirm that you are 18 or over and have read who must not use them.
          Follow the instructions that come with each product, stay within the home depths they give, use each cartridge once and put it in a sharps container
          straight after.
        </p>
      </InfoSection>
      <InfoSection id="prices" title="Prices and payment">
        <p>
          Prices are in US dollars and include everything but delivery, which checkout shows before you pay (see{" "}
          <Link href="/shipping">shipping and delivery</Link>). Stock is held for you for 30 minutes once checkout starts. Your order is confirmed when the
          payment succeeds; if we cannot fill it, we refund it in full.
        </p>
      </InfoSection>
      <InfoSection id="returns" title="Returns and faults">
        <p>
          Sealed items can be returned within 30 days of delivery, and faulty ones are always ours to put right: the <Link href="/returns">returns page</Link>{" "}
          explains what we take back and why opened cartridges cannot come back.
        </p>
      </InfoSection>
      <InfoSection id="privacy" title="Your data">
        <p>
          What we keep and why is on the <Link href="/privacy">privacy page</Link>.
        </p>
      </InfoSection>
    </InfoPage>
  );
}
