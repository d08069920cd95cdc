import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/order/order-detail";
import { formatDate } from "@/lib/catalog/format";
import { readableOrderByConfirmationToken } from "@/lib/data";
import { label, paidStatuses } from "@/lib/orders/status";

export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** The confirmation page, reached only through the unguessable link in its URL. */
export default async function OrderPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const order = await readableOrderByConfirmationToken(token);
  if (!order) notFound();
  const waiting = order.status === "AWAITING_PAYMENT";

  return (
    <article className="space-y-8">
      {/* Until payment is confirmed the page refreshes itself; no script needed. */}
      {waiting && <meta httpEquiv="refresh" content="4" />}
      <header>
        <p className="text-sm text-muted">Order {order.number} · placed {formatDate(order.createdAt)}</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight" data-testid="order-heading">
          {paidStatuses.includes(order.status)
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

      <OrderDetail
        order={order}
        calendarAction={`/orders/${token}/aftercare.ics`}
        reorder={{ via: "confirmation", reference: token }}
        bookletHref={(i) => `/orders/${token}/items/${i.id}/booklet.pdf`}
      />
      <p className="text-sm"><Link href="/" className="underline">Back to the store</Link></p>
    </article>
  );
}
