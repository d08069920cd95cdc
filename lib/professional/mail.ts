// Delivering professional-account mail (job kinds "mail.professional" and
// "mail.professional-renewal"). Each reads the state when sending, and throws
// on a failure so the worker retries.
import type { Db } from "@/lib/db";
import { sendMail } from "@/lib/mail";
import { professionalEmail } from "@/lib/mail/templates/professional";
import { dayOf } from "./applications";

/** The mail for a staff decision, from its event on the application, with the message staff wrote for that decision. */
export async function deliverProfessionalDecision(prisma: Db, eventId: string, message?: string | null): Promise<void> {
  if (!/^\d{1,18}$/.test(eventId)) return;
  const event = await prisma.professionalEvent.findUnique({
    where: { id: BigInt(eventId) },
    include: { application: { include: { user: { select: { email: true } }, licence: { select: { expiresOn: true } } } } },
  });
  if (!event) return;
  const a = event.application;
  const mail =
    event.kind === "approved" && a.licence
      ? ({ kind: "approved", expiresOn: dayOf(a.licence.expiresOn) } as const)
      : event.kind === "rejected"
        ? ({ kind: "rejected", reason: message ?? a.staffMessage ?? "" } as const)
        : event.kind === "more-info"
          ? ({ kind: "more-info", message: message ?? a.staffMessage ?? "" } as const)
          : event.kind === "revoked"
            ? ({ kind: "revoked", reason: message ?? "" } as const)
            : null;
  if (!mail) return;
  await sendMail({ to: a.user.email, ...(await professionalEmail(mail)) });
}

/** The "renew within 30 days" mail. Not sent if a renewal was approved meanwhile. */
export async function deliverRenewalReminder(prisma: Db, licenceId: string): Promise<void> {
  const licence = await prisma.professionalLicence.findUnique({ where: { id: licenceId }, include: { user: { select: { email: true } } } });
  if (!licence) return;
  const newer = await prisma.professionalLicence.count({ where: { userId: licence.userId, validUntil: { gt: licence.validUntil } } });
  if (newer > 0) return;
  await sendMail({ to: licence.user.email, ...(await professionalEmail({ kind: "renew", expiresOn: dayOf(licence.expiresOn) })) });
}
