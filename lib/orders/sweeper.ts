// Releases stock held by orders whose payment window has passed. Safe to run
// on every instance at once: each release goes through applyPaymentEvent
// with a fixed event id, so it happens once. Telling Stripe to expire the
// session is a job enqueued in the same transaction (lib/jobs), so a Stripe
// outage neither blocks the release nor loses the call.
import type { Db } from "@/lib/db";
import { applyPaymentEvent } from "./payment-events";

export async function releaseExpiredHolds(prisma: Db, now = new Date()): Promise<number> {
  const expired = await prisma.order.findMany({
    where: { status: "AWAITING_PAYMENT", holdExpiresAt: { lt: now } },
    select: { id: true, paymentProvider: true, paymentReference: true },
    take: 100,
  });
  for (const o of expired) {
    await applyPaymentEvent(prisma, {
      provider: o.paymentProvider,
      eventId: `hold-expired:${o.id}`,
      rawType: "store.hold_expired",
      kind: "expired",
      orderId: o.id,
      reference: o.paymentReference ?? undefined,
      stopAtProvider: true,
    });
  }
  return expired.length;
}
