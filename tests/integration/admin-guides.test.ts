// The back office's guides (lib/admin/guides.ts): drafting the next version
// section by section, publishing it (the owner) with a change note, the
// orders sold with a version and the revised-guide email to their customers.
// Everything runs on a guide of its own, used by a kit of its own, so the
// seeded guides and products are never changed.
import { afterAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/admin/actions";
import {
  diffLines,
  discardDraft,
  draftDiff,
  guideDetail,
  guideRevisedKey,
  notifyRevised,
  ordersWithVersion,
  publishDraft,
  setDraftChangeNote,
  startDraft,
  updateDraftSection,
} from "@/lib/admin/guides";
import { AdminRefused, type Actor } from "@/lib/admin/roles";
import { loadCheckoutProducts } from "@/lib/catalog/load";
import { loadCurrentGuide, loadGuideVersion, publishGuide } from "@/lib/guides/store";
import { runDueJobs } from "@/lib/jobs";
import { siteUrl } from "@/lib/site";
import { guides as seedGuides } from "@/prisma/seed-data/guides";
import { testDb } from "../support/db";
import { paidOrder, tempOutbox, type PaidOrder } from "../support/orders";

const prisma = testDb();
const seedHome = seedGuides.find((g) => g.slug === "home-microneedling-guide")!;
const run = Date.now().toString(36);

const owner: Actor = { kind: "staff", email: `owner-${run}@example.test`, role: "OWNER", userId: "owner" };
const staff: Actor = { kind: "staff", email: `staff-${run}@example.test`, role: "STAFF", userId: "staff" };

const made = { guides: [] as string[], products: [] as string[], orders: [] as string[] };

/** A published guide of its own (version 1), and a kit that uses it. */
async function scratch(name: string) {
  const slug = `adm-${name}-${run}`;
  const v1 = await publishGuide(
    prisma,
    { slug, title: `Admin test guide ${name}`, summary: "For tests.", audience: "HOME" },
    seedHome.content,
    "First edition.",
  );
  const guide = await prisma.guide.findUniqueOrThrow({ where: { slug } });
  made.guides.push(guide.id);
  const sku = `ADM-${name}-${run}`.toUpperCase();
  const product = await prisma.product.create({
    data: {
      slug: `${slug}-kit`,
      kind: "KIT",
      name: `Admin test kit ${name}`,
      tagline: "t",
      description: "d",
      imagePath: "/x.svg",
      guideId: guide.id,
      variants: { create: [{ sku, label: "Kit", priceCents: 5000, stock: 100, packSize: 1, packUnit: "kit" }] },
    },
  });
  made.products.push(product.id);
  return { slug, v1, guideId: guide.id, sku, productSlug: product.slug };
}

async function order(sku: string, email: string, pay = true): Promise<PaidOrder> {
  const o = await paidOrder(prisma, { lines: [[sku, 1]], email, pay });
  made.orders.push(o.id);
  return o;
}

async function auditOf(subjectId: string, action: string) {
  return prisma.auditEntry.findMany({ where: { subjectId, action }, orderBy: { id: "asc" } });
}

/** The ActionError a call refuses with (fails the test if it does not). */
async function refusal(promise: Promise<unknown>): Promise<ActionError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  return error as ActionError;
}

afterAll(async () => {
  // Leave the shared database as it was: the test orders, their jobs, and the test kits.
  if (made.orders.length) {
    await prisma.$executeRaw`DELETE FROM "Job" WHERE "payload"->>'orderId' = ANY(${made.orders})`;
    await prisma.paymentEvent.deleteMany({ where: { orderId: { in: made.orders } } });
    await prisma.order.deleteMany({ where: { id: { in: made.orders } } });
  }
  await prisma.product.deleteMany({ where: { id: { in: made.products } } });
  await prisma.$disconnect();
});

describe("drafting", () => {
  it("starts one draft per guide, copied from the newest published version", async () => {
    const g = await scratch("start");
    const first = await startDraft(prisma, staff, g.slug);
    expect(first).toMatchObject({ number: 2, created: true });
    const again = await startDraft(prisma, owner, g.slug);
    expect(again).toEqual({ versionId: first.versionId, number: 2, created: false });
    expect(await prisma.guideVersion.count({ where: { guideId: g.guideId, status: "DRAFT" } })).toBe(1);

    const draft = (await loadGuideVersion(prisma, first.versionId))!;
    expect(draft.content).toEqual((await loadGuideVersion(prisma, g.v1))!.content);
    // Customers still see version 1.
    expect((await loadCurrentGuide(prisma, g.slug))!.versionId).toBe(g.v1);
    const audit = await auditOf(first.versionId, "guide.draft");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: staff.email, actorRole: "STAFF", subjectType: "guide" });

    // Discarding leaves no draft; the next one is version 2 again, from the published one.
    await discardDraft(prisma, staff, { versionId: first.versionId });
    expect(await prisma.guideVersion.findUnique({ where: { id: first.versionId } })).toBeNull();
    expect(await auditOf(first.versionId, "guide.discard")).toHaveLength(1);
    expect((await startDraft(prisma, staff, g.slug)).number).toBe(2);
  });

  it("saves a section from its form fields after validating it, and refuses bad input next to the field", async () => {
    const g = await scratch("section");
    const { versionId } = await startDraft(prisma, staff, g.slug);
    const before = (await loadGuideVersion(prisma, versionId))!.content;

    // A list with no items: refused next to that field, nothing saved.
    const empty = await refusal(updateDraftSection(prisma, staff, { versionId, kind: "PEN_SETUP", fields: { steps: " \n \n", warnings: "Keep it clean." } }));
    expect(empty.field).toBe("steps");
    expect(empty.message).toMatch(/^Steps: add at least 1 line\./);
    // A row with the wrong number of parts, and a bad number.
    const row = await refusal(
      updateDraftSection(prisma, staff, { versionId, kind: "INTERVALS", fields: { rows: "0.25 mm | seven | Wait a week.", note: "x" } }),
    );
    expect(row).toMatchObject({ field: "rows" });
    expect(row.message).toContain("line 1");
    const json = await refusal(updateDraftSection(prisma, staff, { versionId, kind: "DEPTH_GUIDE", fields: { entries: "[{" } }));
    expect(json).toMatchObject({ field: "entries" });
    expect(json.message).toMatch(/not valid JSON/);
    // A value the schema refuses, passed as content: the field is named.
    const tooDeep = await refusal(updateDraftSection(prisma, staff, { versionId, kind: "DEPTH_GUIDE", content: { ...before.DEPTH_GUIDE, homeFaceMaxMm: 9 } }));
    expect(tooDeep).toMatchObject({ field: "homeFaceMaxMm" });
    expect(tooDeep.message).toMatch(/at most 3/);
    expect((await loadGuideVersion(prisma, versionId))!.content).toEqual(before);
    expect(await auditOf(versionId, "guide.section")).toHaveLength(0);

    // Good input: one item per line, blank lines dropped; other fields and sections untouched.
    const steps = ["Wash your hands.", "Wipe the pen with an alcohol pad.", "Fit a new sealed cartridge."];
    const saved = await updateDraftSection(prisma, staff, {
      versionId,
      kind: "PEN_SETUP",
      fields: { steps: `${steps.join("\n")}\n\n`, warnings: before.PEN_SETUP.warnings.join("\n") },
    });
    expect(saved).toEqual({ guideSlug: g.slug, changed: true });
    const after = (await loadGuideVersion(prisma, versionId))!.content;
    expect(after.PEN_SETUP).toEqual({ steps, warnings: before.PEN_SETUP.warnings });
    expect(after.NUMBING).toEqual(before.NUMBING);
    const audit = await auditOf(versionId, "guide.section");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toEqual({ kind: "PEN_SETUP", content: before.PEN_SETUP });
    expect(audit[0]!.after).toEqual({ kind: "PEN_SETUP", content: after.PEN_SETUP });

    // The aftercare windows: fields by window, keys kept.
    await updateDraftSection(prisma, staff, { versionId, kind: "AFTERCARE", fields: { "windows.2.title": "Days three to seven" } });
    const aftercare = (await loadGuideVersion(prisma, versionId))!.content.AFTERCARE;
    expect(aftercare.windows.map((w) => w.key)).toEqual(before.AFTERCARE.windows.map((w) => w.key));
    expect(aftercare.windows[2]!.title).toBe("Days three to seven");

    // The diff shows that section, and only those, as changed, with + and − lines.
    const diff = (await draftDiff(prisma, staff, g.slug))!;
    expect(diff.sections.filter((s) => s.changed).map((s) => s.kind)).toEqual(["PEN_SETUP", "AFTERCARE"]);
    const penLines = diff.sections.find((s) => s.kind === "PEN_SETUP")!.lines;
    expect(penLines).toContainEqual({ op: "add", text: "  Fit a new sealed cartridge." });
    expect(penLines.filter((l) => l.op === "del").map((l) => l.text)).toEqual(before.PEN_SETUP.steps.filter((s) => !steps.includes(s)).map((s) => `  ${s}`));
  });

  it("refuses a forbidden claim, naming the phrase, in a section and in the change note", async () => {
    const g = await scratch("claims");
    const { versionId } = await startDraft(prisma, staff, g.slug);
    const before = (await loadGuideVersion(prisma, versionId))!.content;
    const claim = await refusal(
      updateDraftSection(prisma, staff, {
        versionId,
        kind: "NUMBING",
        fields: { paragraphs: "Most people need no numbing.\nWith our pen a session is painless.", cautions: before.NUMBING.cautions.join("\n") },
      }),
    );
    expect(claim.field).toBe("paragraphs");
    expect(claim.message).toContain("“painless”");
    expect(claim.message).toContain("line 2");
    const aftercare = await refusal(
      updateDraftSection(prisma, staff, { versionId, kind: "AFTERCARE", fields: { "windows.1.guidance": "This serum heals wounds overnight." } }),
    );
    expect(aftercare.field).toBe("windows.1.guidance");
    expect(aftercare.message).toContain("“heals wounds”");
    expect((await loadGuideVersion(prisma, versionId))!.content).toEqual(before);

    const note = await refusal(setDraftChangeNote(prisma, staff, { versionId, changeNote: "Now FDA approved." }));
    expect(note).toMatchObject({ field: "changeNote" });
    expect(note.message).toContain("“FDA approved”");
    await setDraftChangeNote(prisma, staff, { versionId, changeNote: "  Clearer   numbing advice. " });
    expect((await prisma.guideVersion.findUniqueOrThrow({ where: { id: versionId } })).changeNote).toBe("Clearer numbing advice.");
  });
});

describe("publishing, orders by version and the revised-guide email", () => {
  it("only the owner publishes; the new version is current and old orders keep theirs; customers are emailed once", async () => {
    const g = await scratch("publish");
    // Orders sold with version 1: two paid, one never paid.
    const a = await order(g.sku, `a-${run}@example.test`);
    const b = await order(g.sku, `b-${run}@example.test`);
    const unpaid = await order(g.sku, `c-${run}@example.test`, false);
    const oldItem = await prisma.orderItem.findFirstOrThrow({ where: { orderId: a.id } });
    expect(oldItem.guideVersionId).toBe(g.v1);

    const { versionId } = await startDraft(prisma, staff, g.slug);
    const marker = `Clean the pen before and after each use (edition ${run}).`;
    await updateDraftSection(prisma, staff, {
      versionId,
      kind: "PEN_SETUP",
      fields: { steps: marker, warnings: seedHome.content.PEN_SETUP.warnings.join("\n") },
    });

    // Staff may draft but not publish: refused like a missing page, nothing changed.
    await expect(publishDraft(prisma, staff, { versionId, changeNote: "Shorter set-up." })).rejects.toBeInstanceOf(AdminRefused);
    expect((await prisma.guideVersion.findUniqueOrThrow({ where: { id: versionId } })).status).toBe("DRAFT");
    expect(await auditOf(versionId, "guide.publish")).toHaveLength(0);
    expect((await loadCurrentGuide(prisma, g.slug))!.versionId).toBe(g.v1);
    // Staff cannot email customers either.
    await expect(notifyRevised(prisma, staff, { fromVersionId: g.v1 })).rejects.toBeInstanceOf(AdminRefused);
    // Nothing newer yet: the owner is told so.
    expect((await refusal(notifyRevised(prisma, owner, { fromVersionId: g.v1 }))).message).toMatch(/current version/);

    // The change note is required.
    expect(await refusal(publishDraft(prisma, owner, { versionId, changeNote: "   " }))).toMatchObject({ field: "changeNote" });

    const published = await publishDraft(prisma, owner, { versionId, changeNote: "Shorter pen set-up." });
    expect(published).toMatchObject({ versionId, number: 2, changeNote: "Shorter pen set-up." });
    const current = (await loadCurrentGuide(prisma, g.slug))!;
    expect(current).toMatchObject({ versionId, number: 2, changeNote: "Shorter pen set-up." });
    expect(current.content.PEN_SETUP.steps).toEqual([marker]);
    // The kit's page and checkout now use version 2.
    expect((await loadCheckoutProducts(prisma, [g.productSlug]))[0]!.guideVersionId).toBe(versionId);
    // The old order keeps version 1 and its instructions exactly.
    const oldAfter = await prisma.orderItem.findUniqueOrThrow({ where: { id: oldItem.id } });
    expect(oldAfter.guideVersionId).toBe(g.v1);
    expect(oldAfter.instructions).toEqual(oldItem.instructions);
    expect(JSON.stringify(oldAfter.instructions)).not.toContain(marker);
    const audit = await auditOf(versionId, "guide.publish");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: owner.email, actorRole: "OWNER" });
    expect(audit[0]!.after).toMatchObject({ status: "PUBLISHED", number: 2, changeNote: "Shorter pen set-up." });

    // A published version can no longer be edited, noted, discarded or published again.
    const locked = await refusal(updateDraftSection(prisma, owner, { versionId, kind: "PEN_SETUP", fields: { steps: "Changed after publishing." } }));
    expect(locked.message).toMatch(/published and can never change/);
    await refusal(setDraftChangeNote(prisma, owner, { versionId, changeNote: "Rewritten." }));
    await refusal(discardDraft(prisma, owner, { versionId }));
    expect((await refusal(publishDraft(prisma, owner, { versionId, changeNote: "Again." }))).message).toMatch(/already published/);
    expect((await loadGuideVersion(prisma, versionId))!.content.PEN_SETUP.steps).toEqual([marker]);

    // A new order is sold with version 2.
    const d = await order(g.sku, `d-${run}@example.test`);
    expect((await prisma.orderItem.findFirstOrThrow({ where: { orderId: d.id } })).guideVersionId).toBe(versionId);

    // Orders with version 1: exactly a, b and the unpaid one; version 2: d.
    const v1Orders = (await ordersWithVersion(prisma, staff, g.v1, 1))!;
    expect(v1Orders.orders.map((o) => o.number).sort()).toEqual([a.number, b.number, unpaid.number].sort());
    expect(v1Orders).toMatchObject({ total: 3, paid: 2, page: 1, pages: 1, newer: { id: versionId, number: 2 } });
    expect(v1Orders.orders.find((o) => o.number === unpaid.number)!.status).toBe("AWAITING_PAYMENT");
    expect(v1Orders.orders.find((o) => o.number === a.number)!.email).toBe(a.email);
    const v2Orders = (await ordersWithVersion(prisma, staff, versionId, 1))!;
    expect(v2Orders.orders.map((o) => o.number)).toEqual([d.number]);
    expect(v2Orders.newer).toBeNull();

    // The owner emails the customers of version 1: one job per paid order, an event on each.
    const first = await notifyRevised(prisma, owner, { fromVersionId: g.v1 });
    expect(first).toMatchObject({ enqueued: 2, alreadyMailed: 0, newVersionNumber: 2 });
    const keys = [a, b, unpaid, d].map((o) => guideRevisedKey(o.id, versionId));
    const jobs = await prisma.job.findMany({ where: { dedupeKey: { in: keys } } });
    expect(jobs.map((j) => j.dedupeKey).sort()).toEqual([guideRevisedKey(a.id, versionId), guideRevisedKey(b.id, versionId)].sort());
    expect(jobs.every((j) => j.kind === "mail.guide-revised")).toBe(true);
    const events = await prisma.orderEvent.findMany({ where: { kind: "guide.revised-mailed", orderId: { in: [a.id, b.id, unpaid.id, d.id] } } });
    expect(events.map((e) => e.orderId).sort()).toEqual([a.id, b.id].sort());
    expect(events.every((e) => e.customerVisible && e.actorKind === "STAFF" && e.actorEmail === owner.email)).toBe(true);

    // Pressing again mails nobody twice.
    const second = await notifyRevised(prisma, owner, { fromVersionId: g.v1 });
    expect(second).toMatchObject({ enqueued: 0, alreadyMailed: 2 });
    expect(await prisma.job.count({ where: { dedupeKey: { in: keys } } })).toBe(2);
    expect(await prisma.orderEvent.count({ where: { kind: "guide.revised-mailed", orderId: { in: [a.id, b.id] } } })).toBe(2);
    const notifyAudit = await auditOf(g.v1, "guide.notify");
    expect(notifyAudit.map((e) => e.after)).toEqual([
      expect.objectContaining({ paidOrders: 2, enqueued: 2, alreadyMailed: 0, toNumber: 2 }),
      expect.objectContaining({ paidOrders: 2, enqueued: 0, alreadyMailed: 2, toNumber: 2 }),
    ]);

    // The mail: what changed, a link to the current guide on the configured origin, and the bought version kept.
    const outbox = tempOutbox();
    try {
      const done = await runDueJobs(prisma, { dedupeKeys: keys });
      expect(done).toEqual({ done: 2, retried: 0, failed: 0 });
      const mails = outbox.mails();
      expect(mails.map((m) => m.to).sort()).toEqual([a.email, b.email].sort());
      const mail = mails.find((m) => m.to === a.email)!;
      expect(mail.subject).toContain(`Admin test guide publish`);
      expect(mail.text).toContain(`order ${a.number}`);
      expect(mail.text).toContain("Version 2: Shorter pen set-up.");
      expect(mail.text).toContain(`${siteUrl()}/instructions/${g.slug}`);
      expect(mail.text).toContain(`${siteUrl()}/instructions/${g.slug}?version=1`);
      expect(mail.text).toMatch(/version you bought with \(version 1\) stays with your order/);
    } finally {
      outbox.restore();
    }
  });

  it("the guide's page data lists versions with their order counts and the open draft", async () => {
    const g = await scratch("detail");
    await order(g.sku, `e-${run}@example.test`);
    const { versionId } = await startDraft(prisma, staff, g.slug);
    const detail = (await guideDetail(prisma, staff, g.slug))!;
    expect(detail.versions).toEqual([expect.objectContaining({ id: g.v1, number: 1, orders: 1 })]);
    expect(detail.draft).toMatchObject({ id: versionId, number: 2 });
    expect(detail.draftView!.versionId).toBe(versionId);
    expect(detail.products.map((p) => p.slug)).toEqual([g.productSlug]);
    await expect(guideDetail(prisma, null as unknown as Actor, g.slug)).rejects.toBeInstanceOf(AdminRefused);
  });
});

describe("diffLines", () => {
  it("marks removed and added lines around the common ones", () => {
    expect(diffLines(["a", "b", "c"], ["a", "x", "c", "d"])).toEqual([
      { op: "same", text: "a" },
      { op: "del", text: "b" },
      { op: "add", text: "x" },
      { op: "same", text: "c" },
      { op: "add", text: "d" },
    ]);
    expect(diffLines([], ["a"])).toEqual([{ op: "add", text: "a" }]);
  });
});
