// Releases stock held by orders whose payment window has passed. Safe to run
// on every instance at once: each release goes through applyPaymentEvent
// with a fixed event id, so it happens once.
import type { Db } from "@/lib/db";
import { paymentGateway, type PaymentGateway } from "@/lib/payments";
import { applyPaymentEvent, type PaymentEventInput } from "./payment-events";

type HeldOrder = { id: string; paymentProvider: PaymentEventInput["provider"]; paymentReference: string | null };

/**
 * Releases one unpaid order's hold: the provider is told to stop taking a
 * payment we can no longer honour (when the order is its; errors ignored),
 * then the order expires through applyPaymentEvent under the given event id.
 */
export async function releaseHold(
  prisma: Db,
  gateway: PaymentGateway,
  order: HeldOrder,
  event: Pick<PaymentEventInput, "eventId" | "rawType">,
): Promise<void> {
  if (order.paymentReference && order.paymentProvider === gateway.provider) await gateway.cancel(order.paymentReference).catch(() => {});
  await applyPaymentEvent(prisma, { provider: order.paymentProvider, eventId: event.eventId, rawType: event.rawType, kind: "expired", orderId: order.id });
}

export async function releaseExpiredHolds(prisma: Db, now = new Date()): Promise<number> {
  const expired = await prisma.order.findMany({
    where: { status: "AWAITING_PAYMENT", holdExpiresAt: { lt: now } },
    select: { id: true, paymentProvider: true, paymentReference: true },
    take: 100,
  });
  if (expired.length === 0) return 0;
  const gateway = await paymentGateway();
  for (const o of expired) {
    await releaseHold(prisma, gateway, o, { eventId: `hold-expired:${o.id}`, rawType: "store.hold_expired" });
  }
  return expired.length;
}
