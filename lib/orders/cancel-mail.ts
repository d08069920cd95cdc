// The mail for an order the shop cancelled (lib/admin/orders.ts cancelOrder):
// sent by the job worker, with a fresh tracking link to the order's page.
// What it says about the money comes from the cancellation's own event (the
// amount the cancel asked to refund), so a later partial refund does not
// change it.
import type { Db } from "@/lib/db";
import { sendMail } from "@/lib/mail";
import { orderCancelledEmail } from "@/lib/mail/templates/order-cancelled";
import { issueTrackingToken } from "./tracking";

export async function deliverCancelledMail(prisma: Db, orderId: string, now = new Date()): Promise<void> {
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, email: true, shipName: true, status: true, cancelReason: true, currency: true, paidAt: true },
  });
  if (!order) {
    console.warn(`[mail] cancelled email for order ${orderId} not sent: the order is gone`);
    return;
  }
  const event = await prisma.orderEvent.findFirst({ where: { orderId, kind: "cancelled" }, orderBy: { at: "desc" }, select: { data: true } });
  const data = (event?.data ?? {}) as { refundCents?: unknown; wasPaid?: unknown };
  const refundCents = typeof data.refundCents === "number" ? data.refundCents : 0;
  const wasPaid = typeof data.wasPaid === "boolean" ? data.wasPaid : order.paidAt !== null;
  const { url } = await issueTrackingToken(prisma, order.id, now);
  await sendMail({ to: order.email, ...(await orderCancelledEmail({ ...order, refundCents, wasPaid }, url)) });
}
