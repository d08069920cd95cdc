// The one page that shows an order, for all three ways in: the confirmation
// link (/orders/<token>), a tracking link (/track/<token>) and the account
// (/account/orders/<id>). The route files only say which opening they are;
// openOrder decides whether it opens anything and what it may see. Anything
// it refuses is the same 404 as an order that does not exist.
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDate } from "@/lib/catalog/format";
import { openOrder } from "@/lib/data";
import type { OpenedOrder, OrderOpening } from "@/lib/orders/access";
import { label, paidStatuses } from "@/lib/orders/status";
import { OrderDetail } from "./order-detail";

export async function OrderPage({ opening }: { opening: OrderOpening }) {
  const opened = await openOrder(opening);
  if (!opened) notFound();
  return (
    <article className="space-y-8">
      <OrderHeader opened={opened} />
      <OrderDetail opened={opened} />
      {opened.via !== "account" && (
        <p className="text-sm">
          <Link href="/" className="underline">
            Back to the store
          </Link>
        </p>
      )}
    </article>
  );
}

/** What the top of the page says: the confirmation link speaks of the purchase just made, the others of an order. */
function OrderHeader({ opened: { via, order } }: { opened: OpenedOrder }) {
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
            {order.status === "CANCELLED" && order.cancelReason && ` — ${order.cancelReason} Nothing was charged, and the items went back on sale.`}
          </p>
          {order.paymentProvider === "DEMO" && <p className="mt-1 text-sm text-warn">Paid with simulated demo payments: no money moved.</p>}
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
