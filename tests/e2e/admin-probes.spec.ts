// The refusal probes: a signed-out visitor, a signed-in customer and a
// signed-in STAFF member each try every owner-only back-office action
// (tests/support/admin-owner-only.ts, checked against the registry by
// tests/unit/admin-roles.test.ts) with many kinds of request: a form naming
// real rows, garbage, an oversized body, NUL bytes, the wrong content type,
// multipart, a cross-site Origin, a cross-site fetch, and methods other than
// POST. Every answer must be the same 404, byte for byte, as a POST to an
// action that does not exist; and nothing those actions could change may
// have changed. The /admin pages answer visitors and customers with the same
// status as a missing page.
import { randomBytes } from "node:crypto";
import type { APIRequestContext, APIResponse, Browser } from "@playwright/test";
import type { Db } from "@/lib/db";
import { writePaidOrder } from "../support/paid-order";
import { OWNER_ONLY_ACTIONS } from "../support/admin-owner-only";
import { testDb } from "../support/db";
import { expect, sessionFor, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const run = randomBytes(4).toString("hex");
const customerEmail = `probe-customer-${run}@example.test`;
const staffEmail = `probe-staff-${run}@example.test`;
const targetEmail = `probe-target-${run}@example.test`;
const inviteEmail = `probe-invite-${run}@example.test`;

type Rows = { orderId: string; refundId: string; guideId: string; versionId: string; targetStaffId: string; probeStaffId: string };

/** A paid order written straight to the database (checkout itself loads Next.js modules a test process cannot), and a pending refund on it. */
async function makeRows(prisma: Db): Promise<Rows> {
  const variant = await prisma.variant.findFirstOrThrow({ where: { product: { active: true } }, include: { product: true }, orderBy: { sku: "asc" } });
  const { id: orderId } = await writePaidOrder(prisma, { variant, email: `probe-buyer-${run}@example.test`, shipName: "Probe Buyer" });
  const refund = await prisma.refund.create({ data: { orderId, amountCents: 1, reason: "probe", requestedBy: "probe" } });
  const version = await prisma.guideVersion.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: [{ guideId: "asc" }, { number: "desc" }] });
  const target = await prisma.staffMember.create({ data: { email: targetEmail, role: "STAFF", invitedBy: "probe" } });
  const probe = await prisma.staffMember.create({ data: { email: staffEmail, role: "STAFF", invitedBy: "probe" } });
  return { orderId, refundId: refund.id, guideId: version.guideId, versionId: version.id, targetStaffId: target.id, probeStaffId: probe.id };
}

/** Everything an owner-only action could change for these rows, as one comparable value. */
async function snapshot(prisma: Db, rows: Rows) {
  const ids = [rows.orderId, rows.refundId, rows.guideId, rows.versionId, rows.targetStaffId, rows.probeStaffId];
  const emails = [customerEmail, staffEmail, targetEmail, inviteEmail];
  return {
    order: await prisma.order.findUniqueOrThrow({
      where: { id: rows.orderId },
      select: { status: true, refundedCents: true, cancelCause: true, updatedAt: true },
    }),
    orderEvents: await prisma.orderEvent.count({ where: { orderId: rows.orderId } }),
    refunds: await prisma.refund.findMany({ where: { orderId: rows.orderId }, orderBy: { id: "asc" } }),
    versions: await prisma.guideVersion.findMany({
      where: { guideId: rows.guideId },
      select: { id: true, status: true, publishedAt: true },
      orderBy: { number: "asc" },
    }),
    staff: await prisma.staffMember.findMany({ where: { OR: [{ id: { in: ids } }, { email: { in: emails } }] }, orderBy: { email: "asc" } }),
    jobs: await prisma.job.findMany({
      where: { OR: ids.map((id) => ({ dedupeKey: { contains: id } })) },
      select: { id: true, dedupeKey: true },
      orderBy: { id: "asc" },
    }),
    inviteJobsForProbeAddresses: await prisma.job.count({
      where: { kind: "mail.staff-invite", OR: [rows.targetStaffId, rows.probeStaffId].map((id) => ({ dedupeKey: { contains: id } })) },
    }),
    audit: await prisma.auditEntry.count({ where: { OR: [{ actorEmail: { in: emails } }, { subjectId: { in: ids } }, { subjectLabel: { in: emails } }] } }),
    sessions: await prisma.session.count({ where: { user: { email: { in: [staffEmail, customerEmail] } } } }),
  };
}

type Probe = { label: string; send: (request: APIRequestContext, url: string) => Promise<APIResponse> };

const form = "application/x-www-form-urlencoded";

/** The kinds of request tried against each action, with field values naming real rows where a field is expected. */
function probes(rows: Rows, baseURL: string): Probe[] {
  const realFields = {
    orderId: rows.orderId,
    refundId: rows.refundId,
    guideId: rows.guideId,
    versionId: rows.versionId,
    staffId: rows.targetStaffId,
    email: inviteEmail,
    role: "OWNER",
    amount: "1.00",
    amountCents: "100",
    reason: "probe",
    confirm: "yes",
  };
  const encoded = new URLSearchParams(realFields).toString();
  const post = (headers: Record<string, string>, data: string | Buffer) => (request: APIRequestContext, url: string) =>
    request.fetch(url, { method: "POST", headers, data, maxRedirects: 0 });
  return [
    { label: "real rows", send: post({ "content-type": form }, encoded) },
    {
      label: "real rows, promote self",
      send: post({ "content-type": form }, new URLSearchParams({ staffId: rows.probeStaffId, role: "OWNER", confirm: "yes" }).toString()),
    },
    { label: "real rows, same Origin", send: post({ "content-type": form, origin: new URL(baseURL).origin }, encoded) },
    { label: "garbage", send: post({ "content-type": form }, `%%%&&&==${randomBytes(64).toString("base64")}\u00ff\ud800`) },
    { label: "oversized", send: post({ "content-type": form }, `${encoded}&note=${"x".repeat(300_000)}`) },
    {
      label: "NUL bytes",
      send: post(
        { "content-type": form },
        Buffer.from(`staffId=${rows.targetStaffId}\u0000&role=OWNER\u0000&email=a\u0000b%00@example.test&orderId=${rows.orderId}%00`, "latin1"),
      ),
    },
    { label: "JSON", send: post({ "content-type": "application/json" }, JSON.stringify(realFields)) },
    { label: "no content type", send: post({}, encoded) },
    {
      label: "multipart",
      send: (request, url) => request.fetch(url, { method: "POST", multipart: realFields, maxRedirects: 0 }),
    },
    { label: "cross-site Origin", send: post({ "content-type": form, origin: "https://evil.example" }, encoded) },
    { label: "Origin null", send: post({ "content-type": form, origin: "null" }, encoded) },
    { label: "cross-site fetch", send: post({ "content-type": form, "sec-fetch-site": "cross-site" }, encoded) },
    { label: "GET", send: (request, url) => request.fetch(`${url}?${encoded}`, { method: "GET", maxRedirects: 0 }) },
    { label: "PUT", send: (request, url) => request.fetch(url, { method: "PUT", headers: { "content-type": form }, data: encoded, maxRedirects: 0 }) },
    { label: "DELETE", send: (request, url) => request.fetch(url, { method: "DELETE", maxRedirects: 0 }) },
  ];
}

type Answer = { status: number; body: string; type: string | undefined };
const answer = async (response: APIResponse): Promise<Answer> => ({
  status: response.status(),
  body: await response.text(),
  type: response.headers()["content-type"],
});

async function signedInContext(browser: Browser, baseURL: string, email: string, callback: string) {
  const context = await browser.newContext({ baseURL });
  await sessionFor(context, email);
  const page = await context.newPage();
  await page.goto(callback);
  await page.close();
  return context;
}

test("every owner-only action refuses a visitor, a customer and staff identically, and changes nothing", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const prisma = testDb(1);
  const contexts: { close(): Promise<void> }[] = [];
  try {
    const rows = await makeRows(prisma);
    const visitor = await browser.newContext({ baseURL });
    contexts.push(visitor);
    const customer = await signedInContext(browser, baseURL!, customerEmail, "/account");
    contexts.push(customer);
    const staff = await signedInContext(browser, baseURL!, staffEmail, "/admin");
    contexts.push(staff);
    // The staff member is signed in and is staff: the back office opens for them (so the refusals below are about the role).
    const staffHome = await staff.request.get("/admin", { maxRedirects: 0 });
    expect(staffHome.status()).toBe(200);

    const baseline = await answer(
      await visitor.request.post("/admin/actions/no-such-action", { headers: { "content-type": form }, data: "", maxRedirects: 0 }),
    );
    expect(baseline.status).toBe(404);
    expect(baseline.body.length).toBeGreaterThan(0);
    // Unknown names are refused the same way for each actor too.
    for (const ctx of [customer, staff]) {
      expect(await answer(await ctx.request.post("/admin/actions/no-such-action", { headers: { "content-type": form }, data: "", maxRedirects: 0 }))).toEqual(
        baseline,
      );
    }

    const before = await snapshot(prisma, rows);
    const actors = { visitor, customer, staff } as const;
    const kinds = probes(rows, baseURL!);
    let count = 0;
    const differing: string[] = [];
    for (const [who, ctx] of Object.entries(actors)) {
      for (const action of OWNER_ONLY_ACTIONS) {
        for (const probe of kinds) {
          const got = await answer(await probe.send(ctx.request, `/admin/actions/${action}`));
          count += 1;
          if (got.status !== baseline.status || got.body !== baseline.body || got.type !== baseline.type) {
            differing.push(`${who} ${action} ${probe.label}: ${got.status} ${got.type} ${got.body.slice(0, 80)}`);
          }
        }
      }
    }
    expect(differing).toEqual([]);
    expect(count).toBe(3 * OWNER_ONLY_ACTIONS.length * kinds.length);
    expect(count).toBeGreaterThanOrEqual(100);

    const after = await snapshot(prisma, rows);
    expect(after).toEqual(before);
    // And the probing accounts are still what they were: the staff member still staff, nobody invited.
    expect(after.staff.find((s) => s.email === staffEmail)).toMatchObject({ role: "STAFF", removedAt: null });
    expect(after.staff.find((s) => s.email === inviteEmail)).toBeUndefined();
    // Nothing was written in the probing accounts' names (the guide probed may have a history of its own).
    expect(await prisma.auditEntry.count({ where: { actorEmail: { in: [customerEmail, staffEmail] } } })).toBe(0);
    // Still signed in (no probe signed anyone out).
    expect((await staff.request.get("/admin", { maxRedirects: 0 })).status()).toBe(200);
  } finally {
    for (const c of contexts) await c.close();
    await prisma.$disconnect();
  }
});

const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1];

test("every /admin page answers a visitor and a customer (and staff, for owner pages) like a missing page", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const prisma = testDb(1);
  const pageStaffEmail = `probe-pages-staff-${run}@example.test`;
  await prisma.staffMember.create({ data: { email: pageStaffEmail, role: "STAFF", invitedBy: "probe" } });
  const visitor = await browser.newContext({ baseURL });
  const customer = await signedInContext(browser, baseURL!, `probe-pages-${run}@example.test`, "/account");
  const staff = await signedInContext(browser, baseURL!, pageStaffEmail, "/admin");
  try {
    const missing = await visitor.request.get("/admin/no-such-page", { maxRedirects: 0 });
    expect(missing.status()).toBe(404);
    const missingText = await missing.text();
    expect(missingText).toContain("We could not find that page");
    const missingTitle = titleOf(missingText);
    expect(missingTitle).toBeTruthy();
    const pages = [
      "/admin",
      "/admin/orders",
      "/admin/stock",
      "/admin/products",
      "/admin/guides",
      "/admin/staff",
      "/admin/audit",
      "/admin/audit?actor=owner",
      "/admin/staff?done=x",
      "/admin/professionals",
      "/admin/professionals?status=APPROVED",
      "/admin/professionals/no-such-application",
    ];
    const ownerPages = ["/admin/staff", "/admin/audit", "/admin/audit?action=staff.invite"];
    const tries: [string, typeof visitor, string][] = [
      ...pages.map((p): [string, typeof visitor, string] => ["visitor", visitor, p]),
      ...pages.map((p): [string, typeof visitor, string] => ["customer", customer, p]),
      ...ownerPages.map((p): [string, typeof visitor, string] => ["staff", staff, p]),
    ];
    for (const [who, ctx, path] of tries) {
      const res = await ctx.request.get(path, { maxRedirects: 0 });
      const label = `${who} ${path}`;
      expect(res.status(), label).toBe(missing.status());
      const text = await res.text();
      expect(text, label).toContain("We could not find that page");
      expect(titleOf(text), label).toBe(missingTitle);
      expect(text, label).not.toContain('data-testid="admin-actor"');
      if (who !== "staff") expect(text, label).not.toContain("Back office");
    }
    // The same staff member does get the back office itself (so the 404s above are the role's).
    expect((await staff.request.get("/admin", { maxRedirects: 0 })).status()).toBe(200);
    expect(tries.length).toBe(pages.length * 2 + ownerPages.length);
  } finally {
    await visitor.close();
    await customer.close();
    await staff.close();
    await prisma.$disconnect();
  }
});
