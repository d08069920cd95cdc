// Releases stock held by orders whose payment window has passed. Safe to run
// on every instance at once: each release goes through applyPaymentEvent
// with a fixed event id, so it happens once.
import type { Db } from "@/lib/db";
import { paymentGateway } from "@/lib/payments";
import { applyPaymentEvent } from "./payment-events";

export async function releaseExpiredHolds(prisma: Db, now = new Date()): Promise<number> {
  const expired = await prisma.order.findMany({
    where: { status: "AWAITING_PAYMENT", holdExpiresAt: { lt: now } },
    select: { id: true, paymentProvider: true, paymentReference: true },
    take: 100,
  });
  if (expired.length === 0) return 0;
  const gateway = await paymentGateway();
  for (const o of expired) {
    // Stop the provider from taking a payment we can no longer honour.
    if (o.paymentReference && o.paymentProvider === gateway.provider) await gateway.cancel(o.paymentReference).catch(() => {});
    await applyPaymentEvent(prisma, { provider: o.paymentProvider, eventId: `hold-expired:${o.id}`, rawType: "store.hold_expired", kind: "expired", orderId: o.id });
  }
  return expired.length;
}
