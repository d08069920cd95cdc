// Who works in the back office: the owner named by STORE_OWNER_EMAIL (a
// setting the app never changes) and the people an owner invites by email,
// each an OWNER or STAFF (lib/admin/roles.ts says what each may do).
//
// Every function here takes the acting staff member and checks
// "staff.manage" first. Inviting writes a StaffMember row (or gives a removed
// one back its access) and an invitation mail job in the same transaction as
// its audit entry; removing keeps the row (the audit log names it) and ends
// every session of that account, so a removed person is signed out at once.
// Nobody can change or remove the settings owner here, and nobody changes
// their own role or removes themselves (another owner can).
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { enqueueJob, kickJobs } from "@/lib/jobs";
import { ActionError } from "./actions";
import { recordAudit } from "./audit";
import { authorize, type Actor } from "./roles";

export const SETTINGS_OWNER_LABEL = "Owner (set by the store's settings, cannot be changed here)";

export const roleNames: Record<StaffRole, string> = { OWNER: "Owner", STAFF: "Staff" };

export type StaffEntry =
  | { kind: "settings-owner"; email: string; role: "OWNER"; label: string }
  | { kind: "member"; id: string; email: string; role: StaffRole; invitedBy: string; createdAt: Date; updatedAt: Date; you: boolean }
  | { kind: "removed"; id: string; email: string; role: StaffRole; invitedBy: string; removedAt: Date };

/** The settings owner first, then active members (oldest first), then removed ones (newest removal first). */
export async function listStaff(prisma: Db, actor: Actor | null | undefined): Promise<StaffEntry[]> {
  authorize(actor, "staff.manage");
  const owner = config().ownerEmail;
  const rows = await prisma.staffMember.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const entries: StaffEntry[] = [];
  if (owner) entries.push({ kind: "settings-owner", email: owner, role: "OWNER", label: SETTINGS_OWNER_LABEL });
  for (const r of rows) {
    if (r.email === owner || r.removedAt) continue;
    entries.push({
      kind: "member",
      id: r.id,
      email: r.email,
      role: r.role,
      invitedBy: r.invitedBy,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      you: r.email === actor.email,
    });
  }
  const removed = rows.filter((r) => r.removedAt && r.email !== owner).sort((a, b) => b.removedAt!.getTime() - a.removedAt!.getTime());
  for (const r of removed) entries.push({ kind: "removed", id: r.id, email: r.email, role: r.role, invitedBy: r.invitedBy, removedAt: r.removedAt! });
  return entries;
}

type MemberRow = { id: string; email: string; role: StaffRole; invitedBy: string; removedAt: Date | null };

const memberView = (m: MemberRow) => ({ email: m.email, role: m.role, invitedBy: m.invitedBy, removedAt: m.removedAt });

async function lockMember(tx: Prisma.TransactionClient, where: { id: string } | { email: string }): Promise<MemberRow | null> {
  const rows =
    "id" in where
      ? await tx.$queryRaw<MemberRow[]>`SELECT "id", "email", "role", "invitedBy", "removedAt" FROM "StaffMember" WHERE "id" = ${where.id} FOR UPDATE`
      : await tx.$queryRaw<MemberRow[]>`SELECT "id", "email", "role", "invitedBy", "removedAt" FROM "StaffMember" WHERE "email" = ${where.email} FOR UPDATE`;
  return rows[0] ?? null;
}

function isSettingsOwner(email: string): boolean {
  const owner = config().ownerEmail;
  return !!owner && email.toLowerCase() === owner;
}

const OWNER_IS_SET = "That is the store's owner, set by the store's settings. It cannot be changed here.";
const NOT_FOUND = "We could not find that staff member. The list below is up to date.";

export type InviteInput = { email: string; role: StaffRole };

/**
 * Invites `email` with `role`: a new member, or a removed one given access
 * again. The invitation mail is a job in the same transaction.
 */
export async function inviteStaff(
  prisma: Db,
  actor: Actor | null | undefined,
  input: InviteInput,
): Promise<{ staffId: string; email: string; reinvited: boolean }> {
  authorize(actor, "staff.manage");
  const email = input.email.trim().toLowerCase();
  if (isSettingsOwner(email)) throw new ActionError("That address is the store's owner, set by the store's settings; it needs no invitation.", "email");
  const alreadyMessage = (role: StaffRole) => `${email} is already on the staff (as ${roleNames[role]}). Change their role in the list instead.`;
  let result: { staffId: string; email: string; reinvited: boolean };
  try {
    result = await prisma.$transaction(async (tx) => {
      const existing = await lockMember(tx, { email });
      if (existing && !existing.removedAt) throw new ActionError(alreadyMessage(existing.role), "email");
      const now = new Date();
      const member = existing
        ? await tx.staffMember.update({ where: { id: existing.id }, data: { removedAt: null, role: input.role, invitedBy: actor.email } })
        : await tx.staffMember.create({ data: { email, role: input.role, invitedBy: actor.email } });
      await enqueueJob(tx, { kind: "mail.staff-invite", payload: { staffId: member.id }, dedupeKey: `mail:staff-invite:${member.id}:${now.getTime()}` });
      await recordAudit(tx, actor, {
        action: "staff.invite",
        subjectType: "staff",
        subjectId: member.id,
        subjectLabel: email,
        before: existing ? memberView(existing) : undefined,
        after: memberView(member),
      });
      return { staffId: member.id, email, reinvited: !!existing };
    });
  } catch (error) {
    // Two tabs inviting the same address at once: the second meets the unique email.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ActionError(`${email} is already on the staff. Change their role in the list instead.`, "email");
    }
    throw error;
  }
  kickJobs();
  return result;
}

function checkChangeable(actor: Actor, member: MemberRow | null, verb: "change the role of" | "remove"): MemberRow {
  if (!member || member.removedAt) throw new ActionError(NOT_FOUND);
  if (isSettingsOwner(member.email)) throw new ActionError(OWNER_IS_SET);
  if (member.email === actor.email.toLowerCase()) {
    throw new ActionError(verb === "remove" ? "You cannot remove yourself. Another owner can." : "You cannot change your own role. Another owner can.");
  }
  return member;
}

export async function setStaffRole(
  prisma: Db,
  actor: Actor | null | undefined,
  input: { staffId: string; role: StaffRole },
): Promise<{ email: string; role: StaffRole; changed: boolean }> {
  authorize(actor, "staff.manage");
  return prisma.$transaction(async (tx) => {
    const member = checkChangeable(actor, await lockMember(tx, { id: input.staffId }), "change the role of");
    if (member.role === input.role) return { email: member.email, role: member.role, changed: false };
    const after = await tx.staffMember.update({ where: { id: member.id }, data: { role: input.role } });
    await recordAudit(tx, actor, {
      action: "staff.role",
      subjectType: "staff",
      subjectId: member.id,
      subjectLabel: member.email,
      before: memberView(member),
      after: memberView(after),
    });
    return { email: member.email, role: after.role, changed: true };
  });
}

/** Takes away back-office access and signs that account out everywhere (its sessions are deleted). */
export async function removeStaff(prisma: Db, actor: Actor | null | undefined, input: { staffId: string }): Promise<{ email: string; sessionsEnded: number }> {
  authorize(actor, "staff.manage");
  return prisma.$transaction(async (tx) => {
    const member = checkChangeable(actor, await lockMember(tx, { id: input.staffId }), "remove");
    const after = await tx.staffMember.update({ where: { id: member.id }, data: { removedAt: new Date() } });
    const ended = await tx.session.deleteMany({ where: { user: { email: { equals: member.email, mode: "insensitive" } } } });
    await recordAudit(tx, actor, {
      action: "staff.remove",
      subjectType: "staff",
      subjectId: member.id,
      subjectLabel: member.email,
      before: memberView(member),
      after: { ...memberView(after), sessionsEnded: ended.count },
    });
    return { email: member.email, sessionsEnded: ended.count };
  });
}
