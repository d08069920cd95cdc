import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GuideContents, GuideSections } from "@/components/guide/guide-document";
import { formatDate, formatMoney } from "@/lib/catalog/format";
import { db } from "@/lib/db";
import { label } from "@/lib/orders/status";
import { loadOrderByToken } from "@/lib/orders/view";

export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** The confirmation page, reached only through the unguessable link in its URL. */
export default async function OrderPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const order = await loadOrderByToken(db(), token);
  if (!order) notFound();
  const waiting = order.status === "AWAITING_PAYMENT";
  const docs = new Map<string, { doc: NonNullable<(typeof order.items)[number]["instructions"]>; items: typeof order.items }>();
  for (const item of order.items) {
    if (!item.instructions) continue;
    const key = JSON.stringify(item.instructions);
    const entry = docs.get(key) ?? { doc: item.instructions, items: [] };
    entry.items.push(item);
    docs.set(key, entry);
  }

  return (
    <article className="space-y-8">
      {/* Until payment is confirmed the page refreshes itself; no script needed. */}
      {waiting && <meta httpEquiv="refresh" content="4" />}
      <header>
        <p className="text-sm text-muted">Order {order.number} · placed {formatDate(order.createdAt)}</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight" data-testid="order-heading">
          {order.status === "PAID" || order.status === "PACKED" || order.status === "SHIPPED" || order.status === "DELIVERED"
            ? "Thank you, your order is confirmed"
            : waiting
              ? "We are confirming your payment"
              : order.status === "CANCELLED"
                ? "This order was not completed"
                : "This order was refunded"}
        </h1>
        <p className="mt-2" role="status" aria-live="polite" data-testid="order-status">
          Status: <strong>{label(order.status)}</strong>
          {waiting && " — this page updates by itself as soon as the payment is confirmed."}
          {order.status === "CANCELLED" && order.cancelReason && ` — ${order.cancelReason} Nothing was charged, and the items went back on sale.`}
        </p>
        {order.paymentProvider === "DEMO" && <p className="mt-1 text-sm text-warn">Paid with simulated demo payments: no money moved.</p>}
        {(order.status === "PAID" || order.status === "PACKED") && (
          <p className="mt-1 text-sm text-muted">We have emailed a copy of this page, with the instruction booklets attached, to {order.email}.</p>
        )}
      </header>

      <section aria-labelledby="summary-heading" className="rounded-lg border border-line bg-white p-4">
        <h2 id="summary-heading" className="text-xl font-semibold">Order summary</h2>
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Items in this order</caption>
          <thead>
            <tr className="text-left text-muted">
              <th scope="col" className="py-1">Item</th>
              <th scope="col" className="py-1">SKU</th>
              <th scope="col" className="py-1 text-right">Qty</th>
              <th scope="col" className="py-1 text-right">Price</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {order.items.map((i) => (
              <tr key={i.id}>
                <th scope="row" className="py-2 text-left font-medium">{i.name} <span className="font-normal text-muted">({i.variantLabel})</span></th>
                <td className="py-2">{i.sku}</td>
                <td className="py-2 text-right">{i.quantity}</td>
                <td className="py-2 text-right">{formatMoney(i.lineTotalCents, order.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="mt-3 space-y-1 border-t border-line pt-3 text-sm">
          <div className="flex justify-between"><dt>Subtotal</dt><dd>{formatMoney(order.subtotalCents, order.currency)}</dd></div>
          {order.discountCents > 0 && <div className="flex justify-between"><dt>Discount ({order.promoCode})</dt><dd>−{formatMoney(order.discountCents, order.currency)}</dd></div>}
          <div className="flex justify-between"><dt>Shipping ({order.shippingMethodName})</dt><dd>{order.shippingCents === 0 ? "Free" : formatMoney(order.shippingCents, order.currency)}</dd></div>
          <div className="flex justify-between text-base font-semibold"><dt>Total</dt><dd data-testid="order-total">{formatMoney(order.totalCents, order.currency)}</dd></div>
        </dl>
        <p className="mt-3 text-sm text-muted">
          Shipping to {order.shipping.name}, {order.shipping.line1}, {order.shipping.city} {order.shipping.postalCode}, {order.shipping.country}.
        </p>
      </section>

      {docs.size > 0 && (
        <section aria-labelledby="instructions-heading" className="space-y-10">
          <h2 id="instructions-heading" className="text-2xl font-semibold">Your instructions</h2>
          <p className="text-muted">These are the instructions as they stood when you bought each item; later edits never change them.</p>
          {[...docs.values()].map(({ doc, items }, n) => (
            <section key={n} aria-labelledby={`doc-${n}`} className="space-y-6 rounded-lg border border-line bg-white p-5" data-testid="order-instructions">
              <div className="flex flex-wrap items-baseline justify-between gap-3">
                <h3 id={`doc-${n}`} className="text-xl font-semibold">For {items.map((i) => i.name).join(", ")}</h3>
                <p className="flex gap-3 text-sm">
                  {items.slice(0, 1).map((i) => (
                    <a key={i.id} href={`/orders/${token}/items/${i.id}/booklet.pdf`} className="underline" download>
                      Download the booklet (PDF)
                    </a>
                  ))}
                </p>
              </div>
              <p className="text-sm text-muted" data-testid="order-guide-version">{doc.versionLabel}</p>
              <GuideContents doc={doc} label={`Contents of the instructions for ${items[0]!.name}`} />
              <GuideSections doc={doc} />
            </section>
          ))}
        </section>
      )}
      <p className="text-sm"><Link href="/" className="underline">Back to the store</Link></p>
    </article>
  );
}
