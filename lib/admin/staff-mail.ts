// The invitation mail, sent by the job worker ("mail.staff-invite", enqueued
// by inviteStaff in the invitation's transaction). It reads the member as it
// is when sending: someone removed before the mail went out is not invited,
// and the role named is their current one. A failure throws: the worker retries.
import type { Db } from "@/lib/db";
import { sendMail } from "@/lib/mail";
import { staffInviteEmail } from "@/lib/mail/templates/staff-invite";

export async function deliverStaffInvite(prisma: Db, staffId: string): Promise<void> {
  const member = await prisma.staffMember.findUnique({ where: { id: staffId }, select: { email: true, role: true, invitedBy: true, removedAt: true } });
  if (!member || member.removedAt) {
    console.warn(`[mail] staff invitation ${staffId} not sent: the member is gone or was removed`);
    return;
  }
  await sendMail({ to: member.email, ...(await staffInviteEmail({ email: member.email, role: member.role, invitedBy: member.invitedBy })) });
}
