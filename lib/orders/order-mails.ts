// The mails about an order that the job worker sends: each loads what its
// template needs, issues a fresh tracking link where the mail carries one,
// and sends. What a mail says is in lib/mail/templates; the state changes
// that cause these mails (lookup, fulfilment, late payment) only enqueue
// them. A failure throws: the worker retries.
import type { Db } from "@/lib/db";
import { sendMail } from "@/lib/mail";
import { deliveredEmail } from "@/lib/mail/templates/delivered";
import { refundNoticeEmail } from "@/lib/mail/templates/refund-notice";
import { shippedEmail } from "@/lib/mail/templates/shipped";
import { trackingLinkEmail } from "@/lib/mail/templates/tracking-link";
import type { MailKind } from "./fulfilment";
import { issueTrackingToken } from "./tracking";

/**
 * Sends a tracking link a guest asked for. The token is issued here, at
 * sending (no raw token waits in the jobs table), valid from `at`, the
 * moment it was asked for.
 */
export async function deliverTrackingLink(prisma: Db, orderId: string, at: Date): Promise<void> {
  const order = await prisma.order.findUnique({ where: { id: orderId }, select: { id: true, number: true, email: true } });
  if (!order) return;
  const { url } = await issueTrackingToken(prisma, order.id, at);
  await sendMail({ to: order.email, ...(await trackingLinkEmail(order, url)) });
}

/**
 * Sends the shipped or delivered mail. A shipped mail is about one parcel
 * (`shipmentId`): its carrier, tracking number and what is in it; an older
 * job without one speaks of the order's newest carrier and number. The
 * tracking link is issued here, at sending, and lives from `at`, the moment
 * of the move.
 */
export async function deliverFulfilmentMail(prisma: Db, orderId: string, kind: MailKind, at: Date, shipmentId?: string): Promise<void> {
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, email: true, shipName: true, carrier: true, trackingNumber: true, status: true },
  });
  if (!order) {
    console.warn(`[mail] ${kind} email for order ${orderId} not sent: the order is gone`);
    return;
  }
  let email;
  if (kind === "shipped") {
    const shipment = shipmentId
      ? await prisma.shipment.findFirst({
          where: { id: shipmentId, orderId },
          select: { carrier: true, trackingNumber: true, lines: { select: { quantity: true, orderItem: { select: { name: true, variantLabel: true } } } } },
        })
      : null;
    const parcel = shipment
      ? {
          carrier: shipment.carrier,
          trackingNumber: shipment.trackingNumber,
          items: shipment.lines.map((l) => ({
            name: l.orderItem.variantLabel ? `${l.orderItem.name} (${l.orderItem.variantLabel})` : l.orderItem.name,
            quantity: l.quantity,
          })),
          // More parcels follow while the order is not wholly shipped.
          more: order.status === "PAID" || order.status === "PACKED",
        }
      : {};
    const { url } = await issueTrackingToken(prisma, order.id, at);
    email = await shippedEmail({ ...order, ...parcel }, url);
  } else {
    const { url } = await issueTrackingToken(prisma, order.id, at);
    email = await deliveredEmail(order, url);
  }
  await sendMail({ to: order.email, ...email });
}

/** Tells the customer their late payment is being refunded, and why. */
export async function deliverRefundNotice(prisma: Db, orderId: string): Promise<void> {
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { number: true, email: true, shipName: true, amountPaidCents: true, totalCents: true, currency: true, cancelCause: true },
  });
  if (!order) return;
  await sendMail({ to: order.email, ...(await refundNoticeEmail(order)) });
}
