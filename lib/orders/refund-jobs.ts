// What the job worker runs for a refund the owner (or the store) requested
// (lib/orders/refunds.ts): sending it to the payment provider, and, once it
// succeeded, the mail that tells the customer. Both read the refund's state
// first, so a job run twice does its work once.
import type { Db } from "@/lib/db";
import { sendMail } from "@/lib/mail";
import { refundIssuedEmail } from "@/lib/mail/templates/refund-issued";
import { paymentGateway, RefundRefused } from "@/lib/payments";
import { demoGateway } from "@/lib/payments/demo";
import { applyRefundSettlement } from "./payment-events";
import { issueTrackingToken } from "./tracking";

/**
 * Sends a PENDING refund to its order's provider.
 * Stripe: a refund of the Checkout Session's PaymentIntent, for the refund's
 * amount, with the order and refund ids in its metadata and an idempotency
 * key per refund (a retry after a lost answer never refunds twice). Its
 * outcome arrives through the webhook (refund.created / refund.updated /
 * refund.failed). A refund Stripe refuses outright (more than is left,
 * nothing to refund) is marked FAILED at once: retrying cannot help.
 * Demo: no money moved, so the refund is settled here through the same
 * settlement path a Stripe event takes.
 */
export async function sendRefundToProvider(prisma: Db, refundId: string): Promise<void> {
  const refund = await prisma.refund.findUnique({
    where: { id: refundId },
    include: { order: { select: { id: true, number: true, paymentProvider: true, paymentReference: true } } },
  });
  if (!refund || refund.status !== "PENDING") return;
  const { order } = refund;

  if (order.paymentProvider === "DEMO") {
    const sent = await demoGateway.refundPart({ reference: order.paymentReference ?? "", amountCents: refund.amountCents, orderId: order.id, refundId });
    await applyRefundSettlement(prisma, {
      provider: "DEMO",
      eventId: `demo-refund:${refundId}`,
      rawType: "demo.refund_succeeded",
      outcome: "succeeded",
      refundId,
      providerRefundId: sent.providerRefundId,
    });
    return;
  }

  // Already with Stripe: its events will settle it.
  if (refund.providerRefundId) return;
  const refuse = (reason: string) =>
    applyRefundSettlement(prisma, {
      provider: "STRIPE",
      eventId: `refund-refused:${refundId}`,
      rawType: "store.refund_refused",
      outcome: "failed",
      refundId,
      failureReason: reason,
    });
  if (!order.paymentReference) {
    await refuse("The order has no Stripe payment to refund.");
    return;
  }
  const gateway = await paymentGateway();
  if (gateway.provider !== "STRIPE") throw new Error(`refund ${refundId} for order ${order.number}: Stripe is not configured on this instance`);
  try {
    const sent = await gateway.refundPart({ reference: order.paymentReference, amountCents: refund.amountCents, orderId: order.id, refundId });
    // The webhook may have been quicker and stored it already.
    await prisma.refund.updateMany({ where: { id: refundId, providerRefundId: null }, data: { providerRefundId: sent.providerRefundId } });
  } catch (error) {
    if (!(error instanceof RefundRefused)) throw error;
    await refuse(error.message);
  }
}

/** Tells the customer a refund went through: how much, for what, why, and whether the rest of the order stands. */
export async function deliverRefundIssuedMail(prisma: Db, refundId: string): Promise<void> {
  const refund = await prisma.refund.findUnique({
    where: { id: refundId },
    include: {
      lines: { include: { orderItem: { select: { name: true, variantLabel: true } } } },
      order: { select: { id: true, number: true, email: true, shipName: true, currency: true, status: true, amountPaidCents: true, refundedCents: true } },
    },
  });
  if (!refund || refund.status !== "SUCCEEDED") return;
  const { order } = refund;
  const whole = order.status === "REFUNDED" || order.status === "CANCELLED" || order.refundedCents >= (order.amountPaidCents ?? 0);
  const { url } = await issueTrackingToken(prisma, order.id, refund.settledAt ?? new Date());
  const email = await refundIssuedEmail(
    {
      number: order.number,
      shipName: order.shipName,
      currency: order.currency,
      amountCents: refund.amountCents,
      reason: refund.reason,
      lines: refund.lines.map((l) => ({ name: l.orderItem.name, variantLabel: l.orderItem.variantLabel, quantity: l.quantity })),
      rest: whole ? "none" : "stands",
    },
    url,
  );
  await sendMail({ to: order.email, ...email });
}
