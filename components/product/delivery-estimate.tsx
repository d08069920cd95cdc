import Link from "next/link";
import { deliveryEstimates, getShippingTable } from "@/lib/shipping";

/**
 * Delivery times and prices for this product, from the shipping table
 * checkout charges from. Static text in working days, never a date: the
 * product page is cached HTML served for days (docs/decisions/0014).
 */
export async function DeliveryEstimate({ prices }: { prices: number[] }) {
  const estimates = deliveryEstimates(await getShippingTable(), prices);
  if (estimates.length === 0) return null;
  return (
    <section aria-labelledby="delivery-heading" className="mt-6 rounded-lg border border-line bg-white p-4 text-sm" data-testid="delivery-estimate">
      <h2 id="delivery-heading" className="font-semibold">
        Delivery
      </h2>
      <ul className="mt-2 space-y-1">
        {estimates.map((e) => (
          <li key={e.code}>
            <span className="font-medium">{e.name}:</span> {e.time}, {e.price}
            {e.note && <span className="text-muted"> ({e.note})</span>}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-muted">
        Working days are Monday to Friday.{" "}
        <Link href="/shipping" className="underline">
          Shipping and delivery
        </Link>
      </p>
    </section>
  );
}
