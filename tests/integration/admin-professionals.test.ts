// Staff decisions on professional applications (lib/professional/applications.ts
// decideApplication, reached from the back office's professional.* actions)
// and releasing an order held for review (lib/admin/orders.ts releaseHold,
// the order.release-hold action): what each decision writes (the licence and
// its last valid instant, the audit entry, the applicant's history, the mail
// job and the mail itself), what is refused (no message, a second decision,
// a decided application, someone without the right), and that a held order
// cannot be packed until the hold is released with a note.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/admin/actions";
import { markPacked, orderDetail, releaseHold, listOrders } from "@/lib/admin/orders";
import { orderActions } from "@/lib/admin/order-actions";
import { professionalActions } from "@/lib/admin/professional-actions";
import { findAction } from "@/lib/admin/registry";
import { AdminRefused, type Actor } from "@/lib/admin/roles";
import { runDueJobs } from "@/lib/jobs";
import { applicationForStaff, decideApplication, readDocument, reviewQueue, revokeLicence, saveApplication, storeDay } from "@/lib/professional/applications";
import { deliverProfessionalDecision } from "@/lib/professional/mail";
import { nextDay, startOfStoreDay } from "@/lib/time-zone";
import { testDb } from "../support/db";
import { makeUser, paidOrder, settle, tempOutbox, type PaidOrder } from "../support/orders";

const prisma = testDb(6);
const run = randomBytes(4).toString("hex");
const staff: Actor = { kind: "staff", email: `reviewer-${run}@example.test`, role: "STAFF", userId: "reviewer-user" };
const other: Actor = { kind: "staff", email: `second-${run}@example.test`, role: "STAFF", userId: "second-user" };
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
let outbox: ReturnType<typeof tempOutbox>;
const orders: PaidOrder[] = [];

/** A day `days` after today in the store's calendar, as YYYY-MM-DD. */
const dayAhead = (days: number) => {
  let day = storeDay();
  for (let i = 0; i < days; i++) day = nextDay(day);
  return day;
};

/** A customer with a sent application (a real upload, checked and stored like the form's). */
async function submitted(label: string, expiresOn = dayAhead(400)) {
  const user = await makeUser(prisma, `${label}-${run}`);
  const saved = await saveApplication(prisma, user.id, {
    fields: {
      profession: "Licensed esthetician",
      licenceNumber: `EST-${run}-${label}`,
      issuingBody: "State Board of Cosmetology",
      region: "US, Oregon",
      expiresOn,
    },
    file: { bytes: PDF, name: "licence.pdf", type: "application/pdf" },
    submit: true,
  });
  if (!saved.ok) throw new Error(`application not saved: ${JSON.stringify(saved.errors)}`);
  return { user, id: saved.application.id };
}

const appRow = (id: string) => prisma.professionalApplication.findUniqueOrThrow({ where: { id }, include: { licence: true, events: true } });
const auditOf = (id: string) => prisma.auditEntry.findMany({ where: { subjectId: id }, orderBy: { id: "asc" } });
const jobsOf = async (id: string) => {
  const events = await prisma.professionalEvent.findMany({ where: { applicationId: id } });
  return prisma.job.findMany({ where: { kind: "mail.professional", dedupeKey: { in: events.map((e) => `mail:professional:${e.id}`) } } });
};
/** Everything a decision could change, as one comparable value. */
const stateOf = async (id: string) => {
  const a = await appRow(id);
  return {
    status: a.status,
    decidedAt: a.decidedAt,
    decidedBy: a.decidedBy,
    staffMessage: a.staffMessage,
    licence: a.licence?.id ?? null,
    events: a.events.length,
    audit: (await auditOf(id)).length,
    jobs: (await jobsOf(id)).length,
  };
};

beforeAll(() => {
  outbox = tempOutbox();
});
afterAll(async () => {
  await settle(prisma, orders);
  outbox.restore();
  await prisma.$disconnect();
});

describe("approving an application", () => {
  it("makes a licence valid through the end of its expiry day in the store's time zone, with an audit entry, an event and a mail job", async () => {
    const { user, id } = await submitted("approve");
    const expiresOn = dayAhead(300);
    const done = await decideApplication(prisma, staff, id, { kind: "approve", expiresOn });
    expect(done).toEqual({ status: "APPROVED", email: user.email });

    const a = await appRow(id);
    expect(a.status).toBe("APPROVED");
    expect(a.decidedBy).toBe(staff.email);
    expect(a.staffMessage).toBeNull();
    expect(a.licence).not.toBeNull();
    expect(a.licence!.userId).toBe(user.id);
    expect(a.licence!.expiresOn.toISOString().slice(0, 10)).toBe(expiresOn);
    // The first instant it is no longer valid: midnight at the start of the next store day.
    expect(a.licence!.validUntil.getTime()).toBe(startOfStoreDay(nextDay(expiresOn))!.getTime());
    expect(a.licence!.validUntil.getTime()).toBeGreaterThan(startOfStoreDay(expiresOn)!.getTime());

    const audit = await auditOf(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "professional.approve",
      actorEmail: staff.email,
      subjectType: "professional-application",
      subjectLabel: user.email,
    });
    expect(a.events.map((e) => e.kind)).toEqual(["submitted", "approved"]);
    expect(a.events.find((e) => e.kind === "approved")).toMatchObject({ actorKind: "STAFF", actorEmail: staff.email });
    expect(await jobsOf(id)).toHaveLength(1);

    // The staff view shows the decision and the licence.
    const view = await applicationForStaff(prisma, staff, id);
    expect(view?.licences.map((l) => l.expiresOn)).toEqual([expiresOn]);
    expect(view?.eventsWithActors.at(-1)).toMatchObject({ kind: "approved", actorEmail: staff.email });

    // The applicant is told until when.
    await runDueJobs(prisma);
    const mail = outbox.mails().find((m) => m.to === user.email);
    expect(mail?.subject).toMatch(/approved/i);
    expect(mail?.text).toContain(expiresOn);
  });

  it("refuses an expiry that has passed or is not a date, and changes nothing", async () => {
    const { id } = await submitted("bad-expiry");
    const before = await stateOf(id);
    for (const expiresOn of [storeDay(), "2001-01-01", "next year", "2027-02-30", ""]) {
      await expect(decideApplication(prisma, staff, id, { kind: "approve", expiresOn })).rejects.toMatchObject({ field: "expiresOn" });
    }
    expect(await stateOf(id)).toEqual(before);
  });
});

describe("not approving or asking for more", () => {
  it("needs a message, and keeps it as what the applicant reads", async () => {
    const { user, id } = await submitted("reject");
    const before = await stateOf(id);
    await expect(decideApplication(prisma, staff, id, { kind: "reject", reason: "   " })).rejects.toMatchObject({ field: "reason" });
    await expect(decideApplication(prisma, staff, id, { kind: "more-info", message: "" })).rejects.toMatchObject({ field: "message" });
    await expect(decideApplication(prisma, staff, id, { kind: "reject", reason: "x".repeat(2001) })).rejects.toBeInstanceOf(ActionError);
    expect(await stateOf(id)).toEqual(before);

    const reason = "The document is a course certificate, not a licence to practise.";
    await decideApplication(prisma, staff, id, { kind: "reject", reason });
    const a = await appRow(id);
    expect(a.status).toBe("REJECTED");
    expect(a.staffMessage).toBe(reason);
    expect(a.licence).toBeNull();
    expect((await auditOf(id)).map((e) => e.action)).toEqual(["professional.reject"]);
    expect(a.events.at(-1)?.message).toContain(reason);

    // The mail, delivered by the job's own function, says the reason.
    const event = a.events.find((e) => e.kind === "rejected")!;
    await deliverProfessionalDecision(prisma, String(event.id));
    const mail = outbox.mails().find((m) => m.to === user.email && /not approved/i.test(m.subject));
    expect(mail?.text).toContain(reason);
  });

  it("asking for more sends the application back to the applicant with the request", async () => {
    const { user, id } = await submitted("more");
    const message = "Please upload both sides of the card.";
    await decideApplication(prisma, staff, id, { kind: "more-info", message });
    const a = await appRow(id);
    expect(a.status).toBe("NEEDS_INFO");
    expect(a.staffMessage).toBe(message);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(["professional.more-info"]);
    expect(await jobsOf(id)).toHaveLength(1);
    await runDueJobs(prisma);
    expect(outbox.mails().find((m) => m.to === user.email)?.text).toContain(message);

    // It is no longer waiting, so it can no longer be decided...
    await expect(decideApplication(prisma, staff, id, { kind: "approve", expiresOn: dayAhead(100) })).rejects.toBeInstanceOf(ActionError);
    expect((await appRow(id)).status).toBe("NEEDS_INFO");
    // ...until the applicant sends it again.
    const fields = {
      profession: a.profession,
      licenceNumber: a.licenceNumber,
      issuingBody: a.issuingBody,
      region: a.region,
      expiresOn: a.expiresOn!.toISOString().slice(0, 10),
    };
    const again = await saveApplication(prisma, user.id, { fields, submit: true });
    expect(again.ok).toBe(true);
    expect((await reviewQueue(prisma, staff)).map((r) => r.id)).toContain(id);
  });
});

describe("who decides, and only once", () => {
  it("two decisions at once: exactly one wins, the other is told and changes nothing", async () => {
    const { id } = await submitted("race");
    const results = await Promise.allSettled([
      decideApplication(prisma, staff, id, { kind: "approve", expiresOn: dayAhead(200) }),
      decideApplication(prisma, other, id, { kind: "reject", reason: "Not a licence." }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ActionError);

    const a = await appRow(id);
    const winner = (won[0] as PromiseFulfilledResult<{ status: string }>).value.status;
    expect(a.status).toBe(winner);
    expect(a.decidedBy).toBe(winner === "APPROVED" ? staff.email : other.email);
    expect(a.licence !== null).toBe(winner === "APPROVED");
    expect(await auditOf(id)).toHaveLength(1);
    expect(a.events.filter((e) => e.actorKind === "STAFF")).toHaveLength(1);
    expect(await jobsOf(id)).toHaveLength(1);
  });

  it("nobody decides their own application: staff who applied are refused, and nothing changes", async () => {
    const { user, id } = await submitted("self");
    const before = await stateOf(id);
    const self: Actor = { kind: "staff", email: user.email, role: "STAFF", userId: user.id };
    await expect(decideApplication(prisma, self, id, { kind: "approve", expiresOn: dayAhead(300) })).rejects.toThrow(/your own application/);
    expect(await stateOf(id)).toEqual(before);
  });

  it("a decision applies to the sending staff saw: changed and sent again since, it is refused and nothing changes", async () => {
    const { user, id } = await submitted("stale");
    const seen = (await appRow(id)).submittedAt!.toISOString();
    await decideApplication(prisma, other, id, { kind: "more-info", message: "The back of the card, please.", seen });
    // The applicant changes the number and sends it again; a reviewer still on the first page approves.
    const again = await saveApplication(
      prisma,
      user.id,
      { fields: { ...(await appRow(id)), licenceNumber: `EST-${run}-changed`, expiresOn: dayAhead(400) }, submit: true },
      new Date(Date.now() + 5000),
    );
    expect(again.ok).toBe(true);
    const before = await stateOf(id);
    await expect(decideApplication(prisma, staff, id, { kind: "approve", expiresOn: dayAhead(400), seen })).rejects.toThrow(/sent this application again/);
    expect(await stateOf(id)).toEqual(before);
    // Deciding what is on the page now works.
    const current = (await appRow(id)).submittedAt!.toISOString();
    expect((await decideApplication(prisma, staff, id, { kind: "approve", expiresOn: dayAhead(400), seen: current })).status).toBe("APPROVED");
  });

  it("each decision's mail says that decision's message, whatever the application says by the time it is sent", async () => {
    const { user, id } = await submitted("mailmsg");
    await decideApplication(prisma, staff, id, { kind: "more-info", message: "First: the back of the card." });
    const event = (await appRow(id)).events.find((e) => e.kind === "more-info")!;
    await prisma.professionalApplication.update({ where: { id }, data: { staffMessage: "Something later." } });
    await deliverProfessionalDecision(prisma, String(event.id), "First: the back of the card.");
    const mail = outbox
      .mails()
      .filter((m) => m.to === user.email)
      .at(-1);
    expect(mail?.text).toContain("First: the back of the card.");
    expect(mail?.text).not.toContain("Something later.");
  });

  it("a decided application cannot be decided again", async () => {
    const { id } = await submitted("twice");
    await decideApplication(prisma, staff, id, { kind: "reject", reason: "Expired card." });
    const before = await stateOf(id);
    await expect(decideApplication(prisma, other, id, { kind: "approve", expiresOn: dayAhead(100) })).rejects.toThrow(/not waiting/);
    await expect(decideApplication(prisma, other, id, { kind: "more-info", message: "More please." })).rejects.toBeInstanceOf(ActionError);
    expect(await stateOf(id)).toEqual(before);
  });

  it("only a sent application can be decided: a draft cannot", async () => {
    const user = await makeUser(prisma, `draft-${run}`);
    const saved = await saveApplication(prisma, user.id, { fields: { profession: "Nurse" }, submit: false });
    if (!saved.ok) throw new Error("draft not saved");
    await expect(decideApplication(prisma, staff, saved.application.id, { kind: "approve", expiresOn: dayAhead(100) })).rejects.toBeInstanceOf(ActionError);
    expect((await appRow(saved.application.id)).status).toBe("DRAFT");
    await expect(decideApplication(prisma, staff, "no-such-application", { kind: "reject", reason: "x" })).rejects.toBeInstanceOf(ActionError);
  });

  it("a visitor or a customer is refused like a missing page, before anything is read or changed", async () => {
    const { user, id } = await submitted("refused");
    const before = await stateOf(id);
    for (const actor of [null, undefined]) {
      await expect(decideApplication(prisma, actor, id, { kind: "approve", expiresOn: dayAhead(100) })).rejects.toBeInstanceOf(AdminRefused);
      await expect(reviewQueue(prisma, actor)).rejects.toBeInstanceOf(AdminRefused);
      await expect(applicationForStaff(prisma, actor, id)).rejects.toBeInstanceOf(AdminRefused);
      await expect(readDocument(prisma, { actor }, id)).rejects.toBeInstanceOf(AdminRefused);
    }
    expect(await stateOf(id)).toEqual(before);
    // Staff read the copy as uploaded; the applicant reads their own; another customer reads nothing.
    expect((await readDocument(prisma, { actor: staff }, id))?.bytes.equals(PDF)).toBe(true);
    expect((await readDocument(prisma, { userId: user.id }, id))?.contentType).toBe("application/pdf");
    expect(await readDocument(prisma, { userId: "someone-else" }, id)).toBeNull();
  });
});

describe("the back office's professional actions", () => {
  it("are registered, need professionals.review (which staff have, not only owners), and go back to the application", () => {
    for (const name of ["professional.approve", "professional.reject", "professional.more-info", "professional.revoke"]) {
      const action = findAction(name);
      expect(action?.capability).toBe("professionals.review");
      expect(action?.back({ applicationId: "abc123" })).toBe("/admin/professionals/abc123");
      expect(action?.back({ applicationId: "../../x" })).toBe("/admin/professionals");
    }
    expect(professionalActions).toHaveLength(4);
  });

  it("check the message before deciding: an empty reason is an error next to the field", () => {
    const reject = findAction("professional.reject")!;
    const parsed = reject.input.safeParse({ applicationId: "abc123", seen: "2026-12-01T10:00:00.000Z", reason: "  \n " });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["reason"]);
    expect(findAction("professional.more-info")!.input.safeParse({ applicationId: "abc123", seen: "2026-12-01T10:00:00.000Z", message: "" }).success).toBe(
      false,
    );
    expect(findAction("professional.approve")!.input.safeParse({ applicationId: "abc123", seen: "2026-12-01T10:00:00.000Z", expiresOn: "" }).success).toBe(
      false,
    );
  });

  it("run the decision with a notice for the page", async () => {
    const { user, id } = await submitted("action");
    const done = await findAction("professional.more-info")!.run({ db: prisma, actor: staff }, { applicationId: id, message: "A clearer photo, please." });
    expect(done.redirect).toBe(`/admin/professionals/${id}`);
    expect(done.notice).toContain(user.email);
    expect((await appRow(id)).status).toBe("NEEDS_INFO");
  });
});

describe("withdrawing a licence", () => {
  it("ends it now: its professional-only items leave the cart, the professional is told why, it is audited, and a second withdrawal changes nothing", async () => {
    const { user, id } = await submitted("revoke");
    await decideApplication(prisma, staff, id, { kind: "approve", expiresOn: dayAhead(300) });
    const licence = (await appRow(id)).licence!;
    const kit = await prisma.variant.findUniqueOrThrow({ where: { sku: "KIT-PRO" } });
    const serum = await prisma.variant.findUniqueOrThrow({ where: { sku: "SRM-HA-30" } });
    const cart = await prisma.cart.create({ data: { userId: user.id, tokenHash: `revoke-${run}` } });
    await prisma.cartItem.createMany({
      data: [
        { cartId: cart.id, variantId: kit.id, quantity: 1 },
        { cartId: cart.id, variantId: serum.id, quantity: 1 },
      ],
    });

    await expect(revokeLicence(prisma, staff, licence.id, "  ")).rejects.toMatchObject({ field: "reason" });
    await expect(revokeLicence(prisma, null, licence.id, "Suspended.")).rejects.toBeInstanceOf(AdminRefused);
    const self: Actor = { kind: "staff", email: user.email, role: "STAFF", userId: user.id };
    await expect(revokeLicence(prisma, self, licence.id, "Mine.")).rejects.toThrow(/your own licence/);

    await revokeLicence(prisma, other, licence.id, "The board suspended this licence.");
    const after = await prisma.professionalLicence.findUniqueOrThrow({ where: { id: licence.id } });
    expect(after.validUntil.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await prisma.cartItem.findMany({ where: { cartId: cart.id } })).map((i) => i.variantId)).toEqual([serum.id]);
    const audit = await prisma.auditEntry.findMany({ where: { subjectId: id, action: "professional.revoke" } });
    expect(audit.map((a) => a.actorEmail)).toEqual([other.email]);
    const event = (await appRow(id)).events.find((e) => e.kind === "revoked")!;
    expect(event.message).toContain("The board suspended this licence.");
    await deliverProfessionalDecision(prisma, String(event.id), "The board suspended this licence.");
    expect(
      outbox
        .mails()
        .filter((m) => m.to === user.email)
        .at(-1)?.text,
    ).toContain("The board suspended this licence.");

    await expect(revokeLicence(prisma, staff, licence.id, "Again.")).rejects.toThrow(/no longer valid/);
    expect(await prisma.auditEntry.count({ where: { subjectId: id, action: "professional.revoke" } })).toBe(1);
  });
});

describe("an order held for review", () => {
  it("cannot be packed until the hold is released with a note; the release is audited and in the timeline", async () => {
    const order = await paidOrder(prisma, { lines: [["SLV-100", 1]], email: `held-${run}@example.test` });
    orders.push(order);
    const reason = "Paid for a professional-only item after the buyer's licence expired.";
    await prisma.order.update({ where: { id: order.id }, data: { reviewHoldReason: reason, reviewHeldAt: new Date() } });

    const detail = await orderDetail(prisma, staff, order.number);
    expect(detail?.reviewHold?.reason).toBe(reason);
    expect(detail?.can.pack).toBe(false);
    const list = await listOrders(prisma, staff, { needs: true, q: order.number });
    expect(list.rows.map((r) => [r.number, r.needsAction, r.heldForReview])).toEqual([[order.number, true, true]]);

    await expect(markPacked(prisma, staff, { orderId: order.id })).rejects.toThrow(/held for review/);
    await expect(releaseHold(prisma, staff, { orderId: order.id, note: "   " })).rejects.toMatchObject({ field: "note" });
    await expect(releaseHold(prisma, null, { orderId: order.id, note: "Checked." })).rejects.toBeInstanceOf(AdminRefused);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).reviewHoldReason).toBe(reason);

    const release = orderActions.find((a) => a.name === "order.release-hold")!;
    expect(release.capability).toBe("orders.write");
    expect(release.input.safeParse({ orderId: order.id, number: order.number, note: "" }).success).toBe(false);
    const done = await release.run({ db: prisma, actor: staff }, { orderId: order.id, number: order.number, note: "Renewed licence seen on a call." });
    expect(done.redirect).toBe(`/admin/orders/${order.number}`);

    const row = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row.reviewHoldReason).toBeNull();
    const audit = await prisma.auditEntry.findMany({ where: { subjectId: order.id, action: "order.release-hold" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorEmail).toBe(staff.email);
    const after = await orderDetail(prisma, staff, order.number);
    expect(after?.reviewHold).toBeNull();
    expect(after?.can.pack).toBe(true);
    expect(after?.timeline.some((e) => e.kind === "released" && e.message.includes("Renewed licence seen on a call.") && !e.customerVisible)).toBe(true);

    // Released once: a second release is refused, and packing now works.
    await expect(releaseHold(prisma, staff, { orderId: order.id, note: "Again." })).rejects.toThrow(/not held/);
    expect((await markPacked(prisma, staff, { orderId: order.id })).status).toBe("PACKED");
  });

  it("a held order that was cancelled is no longer shown as held, and there is nothing to release", async () => {
    const order = await paidOrder(prisma, { lines: [["SLV-100", 1]], email: `held-cancelled-${run}@example.test` });
    orders.push(order);
    await prisma.order.update({
      where: { id: order.id },
      data: { reviewHoldReason: "Held.", reviewHeldAt: new Date(), status: "CANCELLED", cancelledAt: new Date() },
    });
    expect((await orderDetail(prisma, staff, order.number))?.reviewHold).toBeNull();
    expect((await listOrders(prisma, staff, { needs: true, q: order.number })).rows).toEqual([]);
    await expect(releaseHold(prisma, staff, { orderId: order.id, note: "Checked." })).rejects.toThrow(/not held/);
  });

  it("staff cannot release the hold on their own order", async () => {
    const buyer = await makeUser(prisma, `held-own-${run}`);
    const order = await paidOrder(prisma, { lines: [["SLV-100", 1]], email: buyer.email, userId: buyer.id });
    orders.push(order);
    await prisma.order.update({ where: { id: order.id }, data: { reviewHoldReason: "Held.", reviewHeldAt: new Date() } });
    const self: Actor = { kind: "staff", email: buyer.email, role: "STAFF", userId: buyer.id };
    await expect(releaseHold(prisma, self, { orderId: order.id, note: "It is fine." })).rejects.toThrow(/your own order/);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).reviewHoldReason).toBe("Held.");
  });

  it("the order view has the guide versions the buyer acknowledged; an order from before they were kept has none", async () => {
    const order = await paidOrder(prisma, { lines: [["CRT-12-10", 1]], email: `ack-${run}@example.test` });
    orders.push(order);
    const detail = await orderDetail(prisma, staff, order.number);
    const sold = detail!.lines.map((l) => l.guide).filter(Boolean);
    expect(sold.length).toBeGreaterThan(0);
    expect(detail?.acknowledgement?.guides.map((g) => [g.guideTitle, g.number])).toEqual(sold.map((g) => [g!.title, g!.number]));
    expect(detail?.licence).toBeNull();

    await prisma.$executeRaw`UPDATE "Order" SET "acknowledgement" = NULL WHERE "id" = ${order.id}`;
    expect((await orderDetail(prisma, staff, order.number))?.acknowledgement).toBeNull();
  });
});
