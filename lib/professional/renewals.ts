// The licence sweep, run with the hold sweep (instrumentation.ts) on every
// instance; each step happens once, whichever instance takes it (a
// conditional update claims it). Thirty days before a licence expires its
// holder is asked to renew (mail and an event on the application); when it
// has expired, and no renewed licence took over, professional-only items
// leave the holder's cart. A checkout started meanwhile is refused by
// lib/professional/eligibility.ts anyway: this sweep only tidies the cart.
import type { Db } from "@/lib/db";
import { enqueueJob, kickJobs } from "@/lib/jobs";
import { dayOf } from "./applications";
import { dropProfessionalItems } from "./eligibility";

export const RENEWAL_NOTICE_DAYS = 30;

export async function sweepLicences(db: Db, now = new Date()): Promise<{ reminded: number; expired: number }> {
  let reminded = 0;
  let expired = 0;
  const soon = new Date(now.getTime() + RENEWAL_NOTICE_DAYS * 86_400_000);
  const due = await db.professionalLicence.findMany({
    where: { reminderSentAt: null, validUntil: { gt: now, lte: soon } },
    select: { id: true, userId: true, validUntil: true, applicationId: true, expiresOn: true },
    take: 100,
  });
  for (const l of due) {
    const renewed = await db.professionalLicence.count({ where: { userId: l.userId, validUntil: { gt: l.validUntil } } });
    await db.$transaction(async (tx) => {
      const claimed = await tx.professionalLicence.updateMany({ where: { id: l.id, reminderSentAt: null }, data: { reminderSentAt: now } });
      if (claimed.count === 0 || renewed > 0) return;
      await tx.professionalEvent.create({
        data: {
          applicationId: l.applicationId,
          kind: "reminded",
          actorKind: "SYSTEM",
          message: `Your licence expires on ${dayOf(l.expiresOn)}: send the renewed one to keep ordering professional-only items.`,
          at: now,
        },
      });
      await enqueueJob(tx, { kind: "mail.professional-renewal", payload: { licenceId: l.id }, dedupeKey: `mail:professional-renewal:${l.id}` });
      reminded++;
    });
  }
  const ended = await db.professionalLicence.findMany({
    where: { expiredHandledAt: null, validUntil: { lte: now } },
    select: { id: true, userId: true, applicationId: true },
    take: 100,
  });
  for (const l of ended) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.professionalLicence.updateMany({ where: { id: l.id, expiredHandledAt: null }, data: { expiredHandledAt: now } });
      if (claimed.count === 0) return;
      // A renewal approved up to this moment keeps the cart as it is.
      const removed = await dropProfessionalItems(tx, l.userId, now);
      if (removed === null) return;
      await tx.professionalEvent.create({
        data: {
          applicationId: l.applicationId,
          kind: "expired",
          actorKind: "SYSTEM",
          message:
            removed > 0
              ? "Your licence expired: professional-only items were taken out of your cart. Send the renewed licence to order them again."
              : "Your licence expired. Send the renewed licence to order professional-only items again.",
          at: now,
        },
      });
      expired++;
    });
  }
  if (reminded > 0) kickJobs();
  return { reminded, expired };
}
