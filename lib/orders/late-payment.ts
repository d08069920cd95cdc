// A payment that arrived for an order no longer awaiting payment (superseded
// by a newer checkout from the same cart, declined, or expired with its stock
// gone) is refunded in full, and the customer is told. Both are jobs enqueued
// by applyPaymentEvent in the transaction that recorded the payment; these
// are what the worker runs for them.
import { formatMoney } from "@/lib/catalog/format";
import type { Db } from "@/lib/db";
import type { PaymentProvider } from "@/lib/generated/prisma/enums";
import { sendMail } from "@/lib/mail";
import { html } from "@/lib/mail/html";
import { paymentGateway } from "@/lib/payments";
import { siteName } from "@/lib/site";
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
  await applyPaymentEvent(prisma, { provider: "DEMO", eventId: `refund-done:${payload.orderId}`, rawType: "store.late_payment_refunded", kind: "refunded", orderId: payload.orderId });
}

/** Tells the customer their late payment is being refunded, and why. */
export async function deliverRefundNotice(prisma: Db, orderId: string): Promise<void> {
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { number: true, email: true, shipName: true, amountPaidCents: true, totalCents: true, currency: true, cancelCause: true },
  });
  if (!order) return;
  await sendMail({ to: order.email, ...refundNoticeEmail(order) });
}

type NoticeOrder = { number: string; shipName: string; amountPaidCents: number | null; totalCents: number; currency: string; cancelCause: string | null };

export function refundNoticeEmail(order: NoticeOrder): { subject: string; text: string; html: string } {
  const amount = formatMoney(order.amountPaidCents ?? order.totalCents, order.currency);
  const why =
    order.cancelCause === "SUPERSEDED"
      ? "a newer checkout from the same cart had replaced it, so paying for both would have charged you twice"
      : order.cancelCause === "DECLINED"
        ? "the payment had been reported as declined and the order was closed"
        : "the time to pay had run out and the items were no longer held for you";
  const subject = `Your payment for ${siteName} order ${order.number} is being refunded`;
  const lines = [
    `Hello ${order.shipName},`,
    `Your payment of ${amount} for order ${order.number} arrived after the order had closed: ${why}.`,
    `We are refunding the full ${amount} to the way you paid; banks usually show it within 5 to 10 business days. Nothing will be sent for this order.`,
    "If you still want the items, you can order them again from your cart. If you have a question, reply to this email.",
  ];
  return { subject, text: lines.join("\n\n") + "\n", html: html(lines) };
}
