// The demo payment page's two buttons, as one lib function: the same
// applyPaymentEvent call that Stripe's webhook makes. An order that is no
// longer awaiting payment (superseded by a newer checkout from its cart,
// expired, declined) cannot be paid here: the page shows why instead.
import type { Db } from "@/lib/db";
import { demoPaymentsEnabled } from "@/lib/payments";
import { readableOrderByConfirmationToken } from "./access";
import { applyPaymentEvent } from "./payment-events";

export type DemoPaymentResult =
  /** Nothing to pay here (no demo payments, unknown token, not a demo order). */
  | { next: "home" }
  /** Applied (or already applied): show the order. */
  | { next: "order" }
  /** The order closed before this payment: the page explains and links to the cart. */
  | { next: "closed" };

export async function submitDemoPayment(prisma: Db, token: string, outcome: "pay" | "decline"): Promise<DemoPaymentResult> {
  if (!demoPaymentsEnabled()) return { next: "home" };
  const order = await readableOrderByConfirmationToken(prisma, token);
  if (!order || order.paymentProvider !== "DEMO") return { next: "home" };
  if (order.status === "CANCELLED") return { next: "closed" };
  if (order.status !== "AWAITING_PAYMENT") return { next: "order" };
  const result = await applyPaymentEvent(prisma, {
    provider: "DEMO",
    // One event per order and outcome: pressing the button twice changes nothing.
    eventId: `demo:${order.id}:${outcome}`,
    rawType: outcome === "pay" ? "demo.payment_succeeded" : "demo.payment_declined",
    kind: outcome === "pay" ? "paid" : "failed",
    orderId: order.id,
    amountCents: outcome === "pay" ? order.totalCents : undefined,
    currency: order.currency,
  });
  // Superseded between the read above and the payment: it is being refunded, and the page says so.
  return result.outcome === "late-payment-refunded" ? { next: "closed" } : { next: "order" };
}

/** What the demo page says about an order that can no longer be paid. */
export function closedOrderMessage(order: { cancelCause?: string | null; paidAt: string | Date | null }): string {
  const why =
    order.cancelCause === "SUPERSEDED"
      ? "A newer checkout from the same cart replaced this one, so it can no longer be paid."
      : order.cancelCause === "DECLINED"
        ? "This payment was declined, so the order was closed."
        : "The time to pay for this order ran out, so the items are no longer held.";
  const money = order.paidAt
    ? " A payment that reached us for it anyway is being refunded in full; we have emailed you about it."
    : " Nothing was charged for it.";
  return why + money;
}
