// Staff management against the real database: inviting, changing a role and
// removing, each with its audit entry; the owner named by the settings
// cannot be changed or removed from the app; staff are refused; the
// back-office session's idle expiry; the audit log's filters; and the audit
// table refusing UPDATE, DELETE and TRUNCATE even through Prisma.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/admin/actions";
import { parseAuditFilters, readAudit } from "@/lib/admin/audit-log";
import { AdminRefused, roleOf, type Actor } from "@/lib/admin/roles";
import { touchStaffSession } from "@/lib/admin/staff-session";
import { inviteStaff, listStaff, removeStaff, SETTINGS_OWNER_LABEL, setStaffRole } from "@/lib/admin/staff-admin";
import { deliverStaffInvite } from "@/lib/admin/staff-mail";
import { config, DEMO_OWNER_EMAIL } from "@/lib/config";
import { siteUrl } from "@/lib/site";
import { testDb } from "../support/db";
import { tempOutbox } from "../support/orders";

const prisma = testDb();
const run = randomBytes(4).toString("hex");
const addr = (label: string) => `${label}-${run}@example.test`;

const owner: Actor = { kind: "staff", email: DEMO_OWNER_EMAIL, role: "OWNER", userId: "owner-user" };

async function auditFor(subjectId: string) {
  return prisma.auditEntry.findMany({ where: { subjectId }, orderBy: { id: "asc" } });
}

async function userWithSession(email: string, { createdAt = new Date(), staffSeenAt = null as Date | null } = {}) {
  const user = await prisma.user.upsert({ where: { email }, update: {}, create: { email, emailVerified: new Date() } });
  const sessionToken = randomBytes(24).toString("hex");
  await prisma.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000), createdAt, staffSeenAt } });
  return { user, sessionToken };
}

async function rejects(work: Promise<unknown>, type: new (...args: never[]) => Error, message?: RegExp) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  if (message) expect((error as Error).message).toMatch(message);
  return error as Error;
}

afterAll(async () => {
  // The invitations this file queued are not for later tests' job workers to send.
  const invited = await prisma.staffMember.findMany({ where: { email: { endsWith: `-${run}@example.test` } }, select: { id: true } });
  await prisma.job.deleteMany({ where: { OR: invited.map((m) => ({ dedupeKey: { startsWith: `mail:staff-invite:${m.id}:` } })) } });
  await prisma.$disconnect();
});

describe("settings", () => {
  it("the demo's owner is the settings owner", () => {
    expect(config().ownerEmail).toBe(DEMO_OWNER_EMAIL);
  });
});

describe("invite, change role, remove", () => {
  it("invites by email (lower-cased) with a mail job and an audit entry; refuses an active member, saying so", async () => {
    const email = addr("Mixed.Case");
    const done = await inviteStaff(prisma, owner, { email: `  ${email.toUpperCase()} `, role: "STAFF" });
    const member = await prisma.staffMember.findUniqueOrThrow({ where: { id: done.staffId } });
    expect(member).toMatchObject({ email: email.toLowerCase(), role: "STAFF", invitedBy: DEMO_OWNER_EMAIL, removedAt: null });
    expect(await roleOf(prisma, email)).toBe("STAFF");

    const jobs = await prisma.job.findMany({ where: { kind: "mail.staff-invite", dedupeKey: { startsWith: `mail:staff-invite:${member.id}:` } } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.payload).toEqual({ staffId: member.id });
    expect(jobs[0]!.dedupeKey).toMatch(new RegExp(`^mail:staff-invite:${member.id}:\\d{13}$`));

    const audit = await auditFor(member.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "staff.invite",
      actorEmail: DEMO_OWNER_EMAIL,
      actorRole: "OWNER",
      subjectType: "staff",
      subjectLabel: email.toLowerCase(),
      before: null,
    });
    expect(audit[0]!.after).toMatchObject({ email: email.toLowerCase(), role: "STAFF" });

    const again = await rejects(inviteStaff(prisma, owner, { email, role: "OWNER" }), ActionError, /already on the staff \(as Staff\)/);
    expect((again as ActionError).field).toBe("email");
    expect(await auditFor(member.id)).toHaveLength(1);
    expect(await prisma.job.count({ where: { dedupeKey: { startsWith: `mail:staff-invite:${member.id}:` } } })).toBe(1);
    expect((await prisma.staffMember.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("STAFF");
  });

  it("refuses to invite the settings owner's own address", async () => {
    const before = await prisma.staffMember.count();
    const error = await rejects(
      inviteStaff(prisma, owner, { email: DEMO_OWNER_EMAIL.toUpperCase(), role: "STAFF" }),
      ActionError,
      /set by the store's settings/,
    );
    expect((error as ActionError).field).toBe("email");
    expect(await prisma.staffMember.count()).toBe(before);
  });

  it("changes a role with before and after in the audit log; the same role changes nothing", async () => {
    const { staffId } = await inviteStaff(prisma, owner, { email: addr("promote"), role: "STAFF" });
    const changed = await setStaffRole(prisma, owner, { staffId, role: "OWNER" });
    expect(changed).toMatchObject({ role: "OWNER", changed: true });
    expect(await roleOf(prisma, addr("promote"))).toBe("OWNER");
    const entries = await auditFor(staffId);
    expect(entries.map((e) => e.action)).toEqual(["staff.invite", "staff.role"]);
    expect(entries[1]!.before).toMatchObject({ role: "STAFF" });
    expect(entries[1]!.after).toMatchObject({ role: "OWNER" });

    expect(await setStaffRole(prisma, owner, { staffId, role: "OWNER" })).toMatchObject({ changed: false });
    expect(await auditFor(staffId)).toHaveLength(2);
  });

  it("removes: no more access, every session of that account ended, audited; a re-invite gives access back", async () => {
    const email = addr("leaver");
    const { staffId } = await inviteStaff(prisma, owner, { email, role: "STAFF" });
    const a = await userWithSession(email);
    await userWithSession(email);
    const bystander = await userWithSession(addr("bystander"));
    expect(await prisma.session.count({ where: { userId: a.user.id } })).toBe(2);

    const done = await removeStaff(prisma, owner, { staffId });
    expect(done).toEqual({ email, sessionsEnded: 2 });
    expect(await roleOf(prisma, email)).toBeNull();
    expect(await prisma.session.count({ where: { userId: a.user.id } })).toBe(0);
    expect(await prisma.session.count({ where: { sessionToken: bystander.sessionToken } })).toBe(1);
    const removed = await prisma.staffMember.findUniqueOrThrow({ where: { id: staffId } });
    expect(removed.removedAt).toBeInstanceOf(Date);
    const entries = await auditFor(staffId);
    expect(entries.map((e) => e.action)).toEqual(["staff.invite", "staff.remove"]);
    expect(entries[1]!.before).toMatchObject({ removedAt: null });
    expect(entries[1]!.after).toMatchObject({ sessionsEnded: 2 });
    expect((entries[1]!.after as { removedAt: string }).removedAt).toBeTruthy();

    // Removing twice: nothing to remove.
    await rejects(removeStaff(prisma, owner, { staffId }), ActionError, /could not find that staff member/);
    await rejects(setStaffRole(prisma, owner, { staffId, role: "OWNER" }), ActionError, /could not find that staff member/);

    const listed = await listStaff(prisma, owner);
    expect(listed.find((e) => e.kind === "removed" && e.id === staffId)).toBeTruthy();
    expect(listed.find((e) => e.kind === "member" && e.id === staffId)).toBeUndefined();

    const back = await inviteStaff(prisma, owner, { email, role: "OWNER" });
    expect(back).toMatchObject({ staffId, reinvited: true });
    expect(await prisma.staffMember.findUniqueOrThrow({ where: { id: staffId } })).toMatchObject({ removedAt: null, role: "OWNER" });
    expect(await roleOf(prisma, email)).toBe("OWNER");
    const last = (await auditFor(staffId)).at(-1)!;
    expect(last.action).toBe("staff.invite");
    expect(last.before).toMatchObject({ role: "STAFF" });
    expect((last.before as { removedAt: string | null }).removedAt).toBeTruthy();
    expect(await prisma.job.count({ where: { dedupeKey: { startsWith: `mail:staff-invite:${staffId}:` } } })).toBe(2);
  });

  it("nobody changes their own role or removes themselves (another owner can)", async () => {
    const email = addr("second-owner");
    const { staffId } = await inviteStaff(prisma, owner, { email, role: "OWNER" });
    const self: Actor = { kind: "staff", email, role: "OWNER", userId: "u-self" };
    await rejects(setStaffRole(prisma, self, { staffId, role: "STAFF" }), ActionError, /your own role/);
    await rejects(removeStaff(prisma, self, { staffId }), ActionError, /cannot remove yourself/);
    expect(await roleOf(prisma, email)).toBe("OWNER");
    expect(await auditFor(staffId)).toHaveLength(1);
  });
});

describe("the owner named by the settings", () => {
  it("is listed first, as set by the settings, and cannot be changed or removed even if a row has its address", async () => {
    // A row with the owner's address can only come from outside the app (the
    // setting changed to an invited address): it still cannot be touched here.
    const row = await prisma.staffMember.upsert({
      where: { email: DEMO_OWNER_EMAIL },
      update: { removedAt: null, role: "STAFF" },
      create: { email: DEMO_OWNER_EMAIL, role: "STAFF", invitedBy: "outside" },
    });
    try {
      const listed = await listStaff(prisma, owner);
      expect(listed[0]).toEqual({ kind: "settings-owner", email: DEMO_OWNER_EMAIL, role: "OWNER", label: SETTINGS_OWNER_LABEL });
      expect(listed.filter((e) => e.email === DEMO_OWNER_EMAIL)).toHaveLength(1);

      const other: Actor = { kind: "staff", email: addr("other-owner"), role: "OWNER", userId: "u-other" };
      await rejects(setStaffRole(prisma, other, { staffId: row.id, role: "OWNER" }), ActionError, /set by the store's settings/);
      await rejects(removeStaff(prisma, other, { staffId: row.id }), ActionError, /set by the store's settings/);
      expect(await prisma.staffMember.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ removedAt: null });
      expect(await roleOf(prisma, DEMO_OWNER_EMAIL)).toBe("OWNER");
      expect(await auditFor(row.id)).toHaveLength(0);
    } finally {
      await prisma.staffMember.delete({ where: { id: row.id } });
    }
  });
});

describe("refused for anyone but an owner", () => {
  const staff: Actor = { kind: "staff", email: addr("plain-staff"), role: "STAFF", userId: "u-staff" };

  it("staff, and nobody, get AdminRefused from every staff function and nothing changes", async () => {
    const { staffId } = await inviteStaff(prisma, owner, { email: addr("target"), role: "STAFF" });
    const counts = async () => ({
      members: await prisma.staffMember.count(),
      audit: await prisma.auditEntry.count(),
      jobs: await prisma.job.count({ where: { kind: "mail.staff-invite" } }),
      target: await prisma.staffMember.findUniqueOrThrow({ where: { id: staffId } }),
    });
    const before = await counts();
    for (const actor of [staff, null, undefined]) {
      await rejects(listStaff(prisma, actor), AdminRefused);
      await rejects(inviteStaff(prisma, actor, { email: addr("sneaky"), role: "OWNER" }), AdminRefused);
      await rejects(setStaffRole(prisma, actor, { staffId, role: "OWNER" }), AdminRefused);
      await rejects(removeStaff(prisma, actor, { staffId }), AdminRefused);
      await rejects(readAudit(prisma, actor, { page: 1 }), AdminRefused);
    }
    expect(await counts()).toEqual(before);
    expect(await prisma.staffMember.findUnique({ where: { email: addr("sneaky") } })).toBeNull();
  });
});

describe("the invitation mail", () => {
  let outbox: ReturnType<typeof tempOutbox>;
  beforeAll(() => {
    outbox = tempOutbox();
  });
  afterAll(() => outbox.restore());

  it("names who invited them and the role, and links to sign-in on the configured origin", async () => {
    const email = addr("mailed");
    const { staffId } = await inviteStaff(prisma, owner, { email, role: "STAFF" });
    await deliverStaffInvite(prisma, staffId);
    const mail = outbox.mails().find((m) => m.to === email);
    expect(mail).toBeTruthy();
    expect(mail!.subject).toMatch(/invited to the Stillpoint back office/);
    expect(mail!.text).toContain(DEMO_OWNER_EMAIL);
    expect(mail!.text).toContain("with the role Staff");
    expect(mail!.text).toContain(`sign in with this email address (${email})`);
    expect(mail!.text).toContain(`${siteUrl()}/signin?callbackUrl=/admin`);
    const links = [...mail!.text.matchAll(/https?:\/\/[^\s)\]]+/g)].map((m) => new URL(m[0]).origin);
    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links)).toEqual(new Set([new URL(siteUrl()).origin]));
  });

  it("is not sent to someone removed before it went out", async () => {
    const email = addr("gone-before-mail");
    const { staffId } = await inviteStaff(prisma, owner, { email, role: "STAFF" });
    await removeStaff(prisma, owner, { staffId });
    await deliverStaffInvite(prisma, staffId);
    expect(outbox.mails().filter((m) => m.to === email)).toEqual([]);
  });
});

describe("idle expiry of a back-office session (touchStaffSession)", () => {
  const idle = 30;
  const minutes = (n: number) => n * 60_000;

  it("a session used within the limit goes on and its last-seen moves forward", async () => {
    const now = new Date();
    const { sessionToken } = await userWithSession(addr("active"), {
      createdAt: new Date(now.getTime() - minutes(120)),
      staffSeenAt: new Date(now.getTime() - minutes(29)),
    });
    expect(await touchStaffSession(prisma, sessionToken, idle, now)).toBe(true);
    const s = await prisma.session.findUniqueOrThrow({ where: { sessionToken } });
    expect(s.staffSeenAt!.getTime()).toBe(now.getTime());
  });

  it("a session idle past the limit is ended (deleted) and answers false", async () => {
    const now = new Date();
    const { sessionToken } = await userWithSession(addr("idle"), {
      createdAt: new Date(now.getTime() - minutes(120)),
      staffSeenAt: new Date(now.getTime() - minutes(31)),
    });
    expect(await touchStaffSession(prisma, sessionToken, idle, now)).toBe(false);
    expect(await prisma.session.findUnique({ where: { sessionToken } })).toBeNull();
    // And stays ended.
    expect(await touchStaffSession(prisma, sessionToken, idle, now)).toBe(false);
  });

  it("the exact limit is still within it; a minute past is not", async () => {
    const now = new Date();
    const atLimit = await userWithSession(addr("edge"), { staffSeenAt: new Date(now.getTime() - minutes(idle)) });
    expect(await touchStaffSession(prisma, atLimit.sessionToken, idle, now)).toBe(true);
    const later = new Date(now.getTime() + minutes(idle) + 1);
    expect(await touchStaffSession(prisma, atLimit.sessionToken, idle, later)).toBe(false);
  });

  it("a fresh session's first back-office use: fine soon after sign-in, ended when signed in longer ago than the limit", async () => {
    const now = new Date();
    const fresh = await userWithSession(addr("fresh"), { createdAt: new Date(now.getTime() - minutes(2)) });
    expect(await touchStaffSession(prisma, fresh.sessionToken, idle, now)).toBe(true);
    expect((await prisma.session.findUniqueOrThrow({ where: { sessionToken: fresh.sessionToken } })).staffSeenAt!.getTime()).toBe(now.getTime());

    const stale = await userWithSession(addr("stale"), { createdAt: new Date(now.getTime() - minutes(45)) });
    expect(await touchStaffSession(prisma, stale.sessionToken, idle, now)).toBe(false);
    expect(await prisma.session.findUnique({ where: { sessionToken: stale.sessionToken } })).toBeNull();
  });

  it("does not move last-seen more than once a minute, and never touches a session that is not the given user's", async () => {
    const now = new Date();
    const seen = new Date(now.getTime() - 30_000);
    const s = await userWithSession(addr("recent"), { staffSeenAt: seen });
    expect(await touchStaffSession(prisma, s.sessionToken, idle, now)).toBe(true);
    expect((await prisma.session.findUniqueOrThrow({ where: { sessionToken: s.sessionToken } })).staffSeenAt!.getTime()).toBe(seen.getTime());

    const old = await userWithSession(addr("someone-else"), { staffSeenAt: new Date(now.getTime() - minutes(60)) });
    expect(await touchStaffSession(prisma, old.sessionToken, idle, now, s.user.id)).toBe(false);
    expect(await prisma.session.findUnique({ where: { sessionToken: old.sessionToken } })).not.toBeNull();
  });
});

describe("the audit log", () => {
  it("filters by who, what, subject and day, newest first, 50 a page", async () => {
    const email = addr("audited");
    const { staffId } = await inviteStaff(prisma, owner, { email, role: "STAFF" });
    await setStaffRole(prisma, owner, { staffId, role: "OWNER" });
    await setStaffRole(prisma, owner, { staffId, role: "STAFF" });

    const bySubject = await readAudit(prisma, owner, parseAuditFilters({ subject: staffId }).filters);
    expect(bySubject.entries.map((e) => e.action)).toEqual(["staff.role", "staff.role", "staff.invite"]);
    expect(bySubject.entries[0]!.after).toMatchObject({ role: "STAFF" });

    const byLabel = await readAudit(prisma, owner, parseAuditFilters({ subject: email.toUpperCase().slice(0, 12), action: "staff.invite" }).filters);
    expect(byLabel.entries.length).toBeGreaterThan(0);
    expect(byLabel.entries.every((e) => e.action === "staff.invite" && e.subjectLabel.toUpperCase().includes(email.toUpperCase().slice(0, 12)))).toBe(true);

    const byActor = await readAudit(prisma, owner, parseAuditFilters({ actor: "OWNER@EXAMPLE", subject: staffId }).filters);
    expect(byActor.total).toBe(3);
    expect((await readAudit(prisma, owner, parseAuditFilters({ actor: "nobody-at-all", subject: staffId }).filters)).total).toBe(0);

    const today = new Intl.DateTimeFormat("en-CA", { timeZone: process.env.STORE_TIME_ZONE || "America/New_York" }).format(new Date());
    expect((await readAudit(prisma, owner, parseAuditFilters({ subject: staffId, from: today, to: today }).filters)).total).toBe(3);
    expect((await readAudit(prisma, owner, parseAuditFilters({ subject: staffId, to: "2000-01-01" }).filters)).total).toBe(0);
    expect((await readAudit(prisma, owner, parseAuditFilters({ subject: staffId, from: "2999-01-01" }).filters)).total).toBe(0);

    expect(bySubject.actions).toContain("staff.invite");
    expect(bySubject.subjectTypes).toContain("staff");
  });

  it("pages 50 newest first", async () => {
    const all = await readAudit(prisma, owner, { page: 1 });
    expect(all.entries.length).toBe(Math.min(50, all.total));
    const ats = all.entries.map((e) => e.at.getTime());
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    if (all.total > 50) {
      const second = await readAudit(prisma, owner, { page: 2 });
      expect(second.entries[0]!.at.getTime()).toBeLessThanOrEqual(ats.at(-1)!);
      expect(second.entries.map((e) => e.id)).not.toContain(all.entries[0]!.id);
    }
    // A page beyond the end shows the last page.
    expect((await readAudit(prisma, owner, { page: 99_999 })).page).toBe(all.pages);
  });

  it("ignores, and says so, filters that are not plausible values", () => {
    const { filters, ignored } = parseAuditFilters({ from: "2026-02-30", to: "yesterday", actor: "a\u0000b", action: "staff.invite", page: "-3" });
    expect(filters).toEqual({ action: "staff.invite", page: 1 });
    expect(ignored.map((i) => i.field).sort()).toEqual(["actor", "from", "to"]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the audit table, even through Prisma", async () => {
    const { staffId } = await inviteStaff(prisma, owner, { email: addr("append-only"), role: "STAFF" });
    const entry = (await auditFor(staffId))[0]!;
    const total = await prisma.auditEntry.count();
    const appendOnly = /append-only/;
    await rejects(prisma.auditEntry.update({ where: { id: entry.id }, data: { actorEmail: "someone-else@example.test" } }), Error, appendOnly);
    await rejects(prisma.auditEntry.updateMany({ data: { action: "nothing" } }), Error, appendOnly);
    await rejects(prisma.auditEntry.delete({ where: { id: entry.id } }), Error, appendOnly);
    await rejects(prisma.auditEntry.deleteMany({}), Error, appendOnly);
    await rejects(prisma.$executeRawUnsafe(`TRUNCATE "AuditEntry"`), Error, appendOnly);
    await rejects(prisma.$executeRawUnsafe(`UPDATE "AuditEntry" SET "after" = NULL WHERE "id" = ${entry.id}`), Error, appendOnly);
    expect(await prisma.auditEntry.count()).toBe(total);
    expect(await prisma.auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });
});
