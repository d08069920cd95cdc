// A payment that arrived for an order no longer awaiting payment (superseded
// by a newer checkout from the same cart, declined, or expired with its stock
// gone) is refunded in full, and the customer is told. Both are jobs enqueued
// by applyPaymentEvent in the transaction that recorded the payment; these
// are what the worker runs for them (the notice is sent by
// lib/orders/order-mails.ts).
import type { Db } from "@/lib/db";
import type { PaymentProvider } from "@/lib/generated/prisma/enums";
import { paymentGateway } from "@/lib/payments";
import { applyPaymentEvent } from "./payment-events";

export type RefundPayload = { orderId: string; provider: PaymentProvider; reference: string | null };

/**
 * Gives the money back. Stripe: a refund with an idempotency key per session,
 * so a retry after a lost answer never refunds twice; Stripe's refund webhook
 * then marks the order refunded. Demo: no money moved, so the order is marked
 * refunded here, through the same payment-event path.
 */
export async function refundLatePayment(prisma: Db, payload: RefundPayload): Promise<void> {
  if (payload.provider === "STRIPE") {
    if (!payload.reference) throw new Error(`order ${payload.orderId}: no Stripe session to refund; refund it by hand in Stripe`);
    const gateway = await paymentGateway();
    if (gateway.provider !== "STRIPE") throw new Error(`order ${payload.orderId}: Stripe is not configured on this instance`);
    await gateway.refund(payload.reference);
    console.warn(`[payments] order ${payload.orderId} was paid after it closed: refunded session ${payload.reference}`);
    return;
  }
  await applyPaymentEvent(prisma, {
    provider: "DEMO",
    eventId: `refund-done:${payload.orderId}`,
    rawType: "store.late_payment_refunded",
    kind: "refunded",
    orderId: payload.orderId,
  });
}
