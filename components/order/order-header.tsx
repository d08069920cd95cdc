// The top of an order's page (components/order/order-page.tsx): what it says
// depends on how the order was opened and where it stands.
import Link from "next/link";
import { formatDate } from "@/lib/catalog/format";
import type { OpenedOrder } from "@/lib/orders/access";
import { label, paidStatuses } from "@/lib/orders/status";

/** What the top of the page says: the confirmation link speaks of the purchase just made, the others of an order. */
export function OrderHeader({ opened: { via, order } }: { opened: OpenedOrder }) {
  const placed = `Order ${order.number} · placed ${formatDate(order.createdAt)}`;
  if (via === "confirmation") {
    const waiting = order.status === "AWAITING_PAYMENT";
    return (
      <>
        {/* Until payment is confirmed the page refreshes itself; no script needed. */}
        {waiting && <meta httpEquiv="refresh" content="4" />}
        <header>
          <p className="text-sm text-muted">{placed}</p>
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
            {order.status === "CANCELLED" &&
              order.cancelReason &&
              ` — ${order.cancelReason}${order.paidAt ? (order.cancelCause === "STAFF" ? " What you paid is being refunded." : "") : " Nothing was charged, and the items went back on sale."}`}
          </p>
          {/* One state: a cancelled order was never paid, so it says nothing about paying. */}
          {order.paymentProvider === "DEMO" && (paidStatuses.includes(order.status) || order.status === "REFUNDED") && (
            <p className="mt-1 text-sm text-warn">Paid with simulated demo payments: no money moved.</p>
          )}
          {(order.status === "PAID" || order.status === "PACKED") && order.email && (
            <p className="mt-1 text-sm text-muted">We have emailed a copy of this page, with the instruction booklets attached, to {order.email}.</p>
          )}
        </header>
      </>
    );
  }
  return (
    <header>
      {via === "account" && (
        <p className="text-sm">
          <Link href="/account" className="underline">
            Your account
          </Link>
        </p>
      )}
      <p className={`${via === "account" ? "mt-2 " : ""}text-sm text-muted`}>{placed}</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight" data-testid="order-heading">
        {via === "account" ? `Order ${order.number}` : "Your order"}
      </h1>
      <p className="mt-2" data-testid="order-status">
        Status: <strong>{label(order.status)}</strong>
      </p>
    </header>
  );
}
