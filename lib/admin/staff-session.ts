// The back office's idle rule, without Next.js (so tests and scripts use it
// as the request path does): a staff member's session that went unused in the
// back office for STAFF_IDLE_MINUTES is ended (deleted: signed out), and a
// session never used there counts from when it was made. lib/admin/staff.ts
// applies it to each back-office request.
import type { Db } from "@/lib/db";

/** How often (at most) a back-office request moves the session's "last seen" forward. */
const SEEN_STEP_MS = 60_000;

/**
 * Moves the session's staffSeenAt to now, or ends the session when it has
 * been idle too long. Answers whether the session may go on. With `userId`,
 * a session that is not that user's is left alone and answers false.
 */
export async function touchStaffSession(prisma: Db, sessionToken: string, idleMinutes: number, now = new Date(), userId?: string): Promise<boolean> {
  return (await staffSessionState(prisma, sessionToken, idleMinutes, now, userId)) === "alive";
}

export async function staffSessionState(
  prisma: Db,
  sessionToken: string,
  idleMinutes: number,
  now: Date,
  userId?: string,
): Promise<"alive" | "expired" | "foreign"> {
  const session = await prisma.session.findUnique({ where: { sessionToken }, select: { staffSeenAt: true, createdAt: true, userId: true } });
  if (!session) return "expired";
  if (userId !== undefined && session.userId !== userId) return "foreign";
  const idleMs = idleMinutes * 60_000;
  const last = session.staffSeenAt ?? session.createdAt;
  if (now.getTime() - last.getTime() > idleMs) {
    await prisma.session.deleteMany({ where: { sessionToken } });
    return "expired";
  }
  if (!session.staffSeenAt || now.getTime() - session.staffSeenAt.getTime() > SEEN_STEP_MS) {
    await prisma.session.updateMany({ where: { sessionToken }, data: { staffSeenAt: now } });
  }
  return "alive";
}
