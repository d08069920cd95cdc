// Orders in the back office (lib/admin/orders.ts): finding them, one order's
// story, and the steps staff take (note, packed, parcels, delivered, cancel),
// each with its order event and audit entry, and the command line taking the
// same steps under its own name.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ActionError } from "@/lib/admin/actions";
import { addNote, cancelOrder, listOrders, markDelivered, markPacked, orderDetail, ship } from "@/lib/admin/orders";
import { startOfStoreDay } from "@/lib/time-zone";
import { orderActions } from "@/lib/admin/order-actions";
import { AdminRefused, type Actor } from "@/lib/admin/roles";
import { runDueJobs } from "@/lib/jobs";
import * as fulfilment from "@/lib/orders/fulfilment";
import { applyPaymentEvent } from "@/lib/orders/payment-events";
import { TransitionError } from "@/lib/orders/status";
import { newOrderNumber } from "@/lib/orders/tokens";
import { loadOrderView } from "@/lib/orders/view";
import { stockOf } from "../support/checkout";
import { testDb } from "../support/db";
import { paidOrder, settle, tempOutbox, type PaidOrder } from "../support/orders";

// requestRefundInTx belongs to the refunds part of issue 13. Cancelling a paid
// order must call it in its transaction; here it is a spy that records the
// call, unless `useRealRefunds` is set (the test that needs the real one).
const refundCalls: unknown[][] = [];
let useRealRefunds = false;
vi.mock("@/lib/orders/refunds", async (importActual) => {
  const actual = await importActual<typeof import("@/lib/orders/refunds")>();
  return {
    ...actual,
    requestRefundInTx: async (...args: Parameters<typeof actual.requestRefundInTx>) => {
      if (useRealRefunds) return actual.requestRefundInTx(...args);
      refundCalls.push(args);
      return "refund-spy";
    },
  };
});
const REFUNDS_BUILT = !String((await vi.importActual<typeof import("@/lib/orders/refunds")>("@/lib/orders/refunds")).requestRefundInTx).includes(
  "not built yet",
);

const prisma = testDb(5);
const run = randomBytes(4).toString("hex");
const staff: Actor = { kind: "staff", email: `packer-${run}@example.test`, role: "STAFF", userId: "staff-user" };
const owner: Actor = { kind: "staff", email: `owner-${run}@example.test`, role: "OWNER", userId: "owner-user" };
const SKUS = ["CRT-12-10", "SLV-100", "MST-GEN-50"] as const;
const [A, B, C] = SKUS;
const stockBefore = new Map<string, number>();
const made: PaidOrder[] = [];
const inserted: string[] = [];
let outbox: ReturnType<typeof tempOutbox>;

const row = (id: string) => prisma.order.findUniqueOrThrow({ where: { id } });
const itemsOf = (id: string) => prisma.orderItem.findMany({ where: { orderId: id }, orderBy: { id: "asc" } });
const itemOf = async (id: string, sku: string) => (await itemsOf(id)).find((i) => i.sku === sku)!;
const mails = async () => {
  await runDueJobs(prisma);
  return outbox.mails();
};
/** Everything a refused step must leave as it was. */
const footprint = async (orderId: string) => ({
  order: await row(orderId),
  shipments: await prisma.shipment.count({ where: { orderId } }),
  events: await prisma.orderEvent.count({ where: { orderId } }),
  audit: await prisma.auditEntry.count({ where: { subjectId: orderId } }),
  jobs: await prisma.job.count({ where: { payload: { path: ["orderId"], equals: orderId } } }),
  stock: await Promise.all(SKUS.map((s) => stockOf(prisma, s))),
});

async function order(lines: [string, number][], opts: { pay?: boolean; email?: string } = {}) {
  const o = await paidOrder(prisma, { lines, email: opts.email ?? `buyer-${run}@example.test`, pay: opts.pay ?? true });
  made.push(o);
  return o;
}

beforeAll(async () => {
  outbox = tempOutbox();
  for (const sku of SKUS) stockBefore.set(sku, await stockOf(prisma, sku));
});

afterAll(async () => {
  await settle(prisma, made);
  if (inserted.length) await prisma.order.deleteMany({ where: { id: { in: inserted } } });
  // Shipped goods are not restocked by settling; put every SKU back as it was.
  for (const [sku, stock] of stockBefore) await prisma.variant.update({ where: { sku }, data: { stock } });
  outbox.restore();
  await prisma.$disconnect();
});

describe("finding orders", () => {
  const tag = `Pager${run}`;
  const now = new Date("2030-06-15T12:00:00Z");
  type Seed = { status: "AWAITING_PAYMENT" | "PAID" | "PACKED" | "SHIPPED" | "DELIVERED" | "CANCELLED"; createdAt: Date; hold?: Date; failedRefund?: boolean };
  const numbers: string[] = [];

  async function insert(n: number, seed: Seed) {
    const number = newOrderNumber();
    const o = await prisma.order.create({
      data: {
        number,
        accessTokenHash: randomBytes(32).toString("hex"),
        status: seed.status,
        email: `${tag.toLowerCase()}-${n}@shop.example`,
        shipName: `${tag} Person ${n}`,
        shipLine1: "1 Test Street",
        shipCity: "Portland",
        shipPostalCode: "97201",
        shipCountry: "US",
        shippingMethodCode: "standard",
        shippingMethodName: "Standard",
        subtotalCents: 1000,
        discountCents: 0,
        shippingCents: 0,
        totalCents: 1000,
        paymentProvider: "DEMO",
        holdExpiresAt: seed.hold ?? new Date(seed.createdAt.getTime() + 30 * 60_000),
        createdAt: seed.createdAt,
        ...(seed.status !== "AWAITING_PAYMENT" && seed.status !== "CANCELLED" && { paidAt: seed.createdAt, amountPaidCents: 1000 }),
      },
    });
    if (seed.failedRefund) {
      await prisma.refund.create({ data: { orderId: o.id, amountCents: 500, reason: "test", status: "FAILED", requestedBy: "owner@example.test" } });
    }
    inserted.push(o.id);
    numbers[n] = number;
    return o;
  }

  beforeAll(async () => {
    // 27 orders a day apart in 2030 (newest: order 26): enough for two pages.
    const day = (n: number) => new Date(Date.UTC(2030, 5, 1 + n, 15));
    const statusOf = (n: number): Seed => {
      if (n === 3) return { status: "PAID", createdAt: day(n) };
      if (n === 4) return { status: "PACKED", createdAt: day(n) };
      if (n === 5) return { status: "DELIVERED", createdAt: day(n), failedRefund: true };
      if (n === 6) return { status: "AWAITING_PAYMENT", createdAt: day(n), hold: new Date(now.getTime() - 60_000) };
      if (n === 7) return { status: "AWAITING_PAYMENT", createdAt: day(n), hold: new Date(now.getTime() + 60_000) };
      return { status: n % 2 ? "SHIPPED" : "CANCELLED", createdAt: day(n) };
    };
    for (let n = 0; n < 27; n++) await insert(n, statusOf(n));
  });

  it("pages 25 at a time, newest first, with the total", async () => {
    const first = await listOrders(prisma, staff, { q: tag }, now);
    expect(first.total).toBe(27);
    expect(first.pages).toBe(2);
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]!.number).toBe(numbers[26]);
    expect(first.rows.map((r) => r.createdAt.getTime())).toEqual([...first.rows.map((r) => r.createdAt.getTime())].sort((a, b) => b - a));
    const second = await listOrders(prisma, staff, { q: tag, page: 2 }, now);
    expect(second.rows.map((r) => r.number)).toEqual([numbers[1], numbers[0]]);
    // Past the end: the last page.
    expect((await listOrders(prisma, staff, { q: tag, page: 99 }, now)).page).toBe(2);
  });

  it("finds by part of the number, the email or the name, whatever the case", async () => {
    const target = numbers[12]!;
    const byNumber = await listOrders(prisma, staff, { q: target.slice(3).toLowerCase() }, now);
    expect(byNumber.rows.map((r) => r.number)).toContain(target);
    const byEmail = await listOrders(prisma, staff, { q: `${tag.toUpperCase()}-12@SHOP` }, now);
    expect(byEmail.rows.map((r) => r.number)).toEqual([target]);
    const byName = await listOrders(prisma, staff, { q: `${tag.toLowerCase()} person 12` }, now);
    expect(byName.rows.map((r) => r.number)).toEqual([target]);
    expect((await listOrders(prisma, staff, { q: `${tag}-nobody` }, now)).total).toBe(0);
  });

  it("filters by status, by the day placed (in the store's time zone) and by needing action", async () => {
    const shipped = await listOrders(prisma, staff, { q: tag, status: "SHIPPED" }, now);
    expect(shipped.rows.every((r) => r.status === "SHIPPED")).toBe(true);
    expect(shipped.total).toBe(await prisma.order.count({ where: { id: { in: inserted }, status: "SHIPPED" } }));

    const days = await listOrders(prisma, staff, { q: tag, from: "2030-06-05", to: "2030-06-07" }, now);
    expect(days.rows.map((r) => r.number).sort()).toEqual([numbers[4], numbers[5], numbers[6]].sort());
    expect(startOfStoreDay("2030-02-30")).toBeNull();

    const needs = await listOrders(prisma, staff, { q: tag, needs: true }, now);
    // Paid, packed, a failed refund and a lapsed hold; not the hold still running, nor anything shipped or cancelled.
    expect(needs.rows.map((r) => r.number).sort()).toEqual([numbers[3], numbers[4], numbers[5], numbers[6]].sort());
    expect(needs.rows.every((r) => r.needsAction)).toBe(true);
    expect(needs.rows.find((r) => r.number === numbers[5])!.refundFailed).toBe(true);
  });

  it("is for staff only: a customer (no actor) is refused like a missing page", async () => {
    await expect(listOrders(prisma, null, { q: tag })).rejects.toBeInstanceOf(AdminRefused);
    await expect(orderDetail(prisma, undefined, numbers[3]!)).rejects.toBeInstanceOf(AdminRefused);
    expect(await orderDetail(prisma, staff, "SP-NOPE")).toBeNull();
  });
});

describe("one order", () => {
  it("shows lines with the guide version sold, the safety confirmation, payment, and a timeline that starts with the customer placing it", async () => {
    const o = await order([[A, 1]]);
    const detail = (await orderDetail(prisma, staff, o.number.toLowerCase()))!;
    const sold = await prisma.orderItem.findFirstOrThrow({ where: { orderId: o.id }, include: { guideVersion: { include: { guide: true } } } });
    expect(detail.lines[0]).toMatchObject({ sku: A, quantity: 1, unshipped: 1, shipped: 0 });
    expect(detail.lines[0]!.guide).toEqual(sold.guideVersion ? { number: sold.guideVersion.number, title: sold.guideVersion.guide.title } : null);
    const confirmed = (await row(o.id)).contraindicationsConfirmedAt!;
    expect(detail.safetyConfirmedAt).toEqual(confirmed);
    expect(detail.payment).toMatchObject({ provider: "DEMO", amountPaidCents: (await row(o.id)).totalCents });
    const placed = await prisma.orderEvent.findFirstOrThrow({ where: { orderId: o.id, kind: "placed" } });
    expect(placed).toMatchObject({ actorKind: "CUSTOMER", customerVisible: true });
    expect(placed.data).toEqual({ contraindicationsConfirmedAt: confirmed.toISOString() });
    expect(detail.timeline[0]).toMatchObject({ kind: "placed", actor: "Customer", fromRecord: false });
    // The payment is an event of its own, caused by the demo payment page.
    expect(detail.timeline.find((e) => e.kind === "paid")).toMatchObject({ fromRecord: false });
    expect(await prisma.orderEvent.findFirstOrThrow({ where: { orderId: o.id, kind: "paid" } })).toMatchObject({ actorKind: "DEMO" });
    expect(detail.can).toEqual({ pack: true, ship: false, deliver: false, cancel: true });
  });

  it("keeps an internal note from the customer, with who wrote it in the timeline and the audit log", async () => {
    const o = await order([[A, 1]]);
    await expect(addNote(prisma, staff, { orderId: o.id, note: "x".repeat(2001) })).rejects.toMatchObject({ field: "note" });
    await addNote(prisma, staff, { orderId: o.id, note: "Customer phoned: leave with the neighbour." });
    const note = (await orderDetail(prisma, staff, o.number))!.timeline.find((e) => e.kind === "note")!;
    expect(note).toMatchObject({ actor: staff.email, customerVisible: false, message: "Customer phoned: leave with the neighbour." });
    const view = (await loadOrderView(prisma, o.id))!;
    expect(view.events!.map((e) => e.kind)).toContain("placed");
    expect(JSON.stringify(view)).not.toContain("neighbour");
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { subjectId: o.id, action: "order.note" } });
    expect(audit).toMatchObject({ actorEmail: staff.email, actorRole: "STAFF", subjectType: "order", subjectLabel: o.number });
  });

  it("ships part of an order, then the rest; each parcel gets its own mail and the order is shipped only when every unit is", async () => {
    const o = await order([
      [A, 2],
      [B, 1],
    ]);
    const a = await itemOf(o.id, A);
    const b = await itemOf(o.id, B);
    // Packing comes first.
    await expect(
      ship(prisma, staff, { orderId: o.id, carrier: "UPS", trackingNumber: "1Z999AA10000000001", lines: [{ orderItemId: a.id, quantity: 1 }] }),
    ).rejects.toBeInstanceOf(TransitionError);
    await markPacked(prisma, staff, { orderId: o.id });

    const t1 = new Date("2030-07-01T10:00:00Z");
    const first = await ship(
      prisma,
      staff,
      { orderId: o.id, carrier: "ups", trackingNumber: "1z999aa10000000001", lines: [{ orderItemId: a.id, quantity: 1 }] },
      t1,
    );
    expect(first.status).toBe("PACKED");
    expect(first.jobKeys).toEqual([`mail:shipped:${first.shipmentId}`]);
    const detail = (await orderDetail(prisma, staff, o.number))!;
    expect(detail).toMatchObject({ partlyShipped: true, shippedUnits: 1, units: 3, carrier: "UPS", trackingNumber: "1Z999AA10000000001" });
    expect(detail.can.ship).toBe(true);
    expect(detail.can.cancel).toBe(false);
    expect(Object.fromEntries(detail.lines.map((l) => [l.sku, l.unshipped]))).toEqual({ [A]: 1, [B]: 1 });
    const firstMail = (await mails()).find((m) => m.subject.includes(o.number) && m.text.includes("1Z999AA10000000001"))!;
    expect(firstMail.text).toContain("Part of your order");
    expect(firstMail.text).toContain("UPS");
    expect(firstMail.text).toMatch(new RegExp(`1 × ${a.name}`));

    const t2 = new Date("2030-07-02T10:00:00Z");
    const second = await ship(
      prisma,
      staff,
      {
        orderId: o.id,
        carrier: "DHL",
        trackingNumber: "JD0000000002",
        lines: [
          { orderItemId: a.id, quantity: 1 },
          { orderItemId: b.id, quantity: 1 },
        ],
      },
      t2,
    );
    expect(second.status).toBe("SHIPPED");
    expect(await row(o.id)).toMatchObject({ status: "SHIPPED", shippedAt: t2, carrier: "DHL", trackingNumber: "JD0000000002" });
    const shipments = await prisma.shipment.findMany({ where: { orderId: o.id }, include: { lines: true }, orderBy: { shippedAt: "asc" } });
    expect(shipments.map((s) => [s.carrier, s.trackingNumber, s.createdBy, s.lines.reduce((n, l) => n + l.quantity, 0)])).toEqual([
      ["UPS", "1Z999AA10000000001", staff.email, 1],
      ["DHL", "JD0000000002", staff.email, 2],
    ]);
    const secondMail = (await mails()).find((m) => m.subject.includes(o.number) && m.text.includes("JD0000000002"))!;
    expect(secondMail.text).not.toContain("Part of your order");
    expect((await mails()).filter((m) => m.subject.includes(o.number) && m.subject.includes("on its way"))).toHaveLength(2);

    // The customer sees both parcels, with what was in each.
    const view = (await loadOrderView(prisma, o.id))!;
    expect(view.shipments!.map((s) => [s.carrier, s.trackingNumber, s.items.reduce((n, i) => n + i.quantity, 0)])).toEqual([
      ["UPS", "1Z999AA10000000001", 1],
      ["DHL", "JD0000000002", 2],
    ]);
    expect(view.events!.filter((e) => e.kind === "shipped")).toHaveLength(2);

    // Nothing is left to ship.
    await expect(ship(prisma, staff, { orderId: o.id, carrier: "DHL", trackingNumber: "JD0000000003", lines: "all" })).rejects.toBeInstanceOf(TransitionError);

    const t3 = new Date("2030-07-04T10:00:00Z");
    expect((await markDelivered(prisma, staff, { orderId: o.id }, t3)).status).toBe("DELIVERED");
    expect((await prisma.shipment.findMany({ where: { orderId: o.id } })).map((s) => s.deliveredAt)).toEqual([t3, t3]);

    // Every step is in the event log and the audit log, under the staff member's email.
    const events = await prisma.orderEvent.findMany({ where: { orderId: o.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["placed", "paid", "packed", "shipped", "shipped", "delivered"]);
    expect(events.slice(2).every((e) => e.actorKind === "STAFF" && e.actorEmail === staff.email)).toBe(true);
    const audit = await prisma.auditEntry.findMany({ where: { subjectId: o.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.actorEmail, e.actorRole])).toEqual([
      ["order.pack", staff.email, "STAFF"],
      ["order.ship", staff.email, "STAFF"],
      ["order.ship", staff.email, "STAFF"],
      ["order.deliver", staff.email, "STAFF"],
    ]);
    expect(audit[2]!.before).toMatchObject({ status: "PACKED" });
    expect(audit[2]!.after).toMatchObject({ status: "SHIPPED", carrier: "DHL" });
  });

  it("refuses more units than are left to ship, an item of another order, or a bad carrier, and changes nothing", async () => {
    const o = await order([[A, 2]]);
    const other = await order([[B, 1]]);
    await markPacked(prisma, staff, { orderId: o.id });
    const a = await itemOf(o.id, A);
    await ship(prisma, staff, { orderId: o.id, carrier: "UPS", trackingNumber: "1Z999AA10000000010", lines: [{ orderItemId: a.id, quantity: 1 }] });
    const before = await footprint(o.id);

    const over = ship(prisma, staff, { orderId: o.id, carrier: "UPS", trackingNumber: "1Z999AA10000000011", lines: [{ orderItemId: a.id, quantity: 2 }] });
    await expect(over).rejects.toBeInstanceOf(ActionError);
    await expect(over).rejects.toMatchObject({ field: `qty_${a.id}`, message: expect.stringContaining("Only 1") });
    const foreign = (await itemsOf(other.id))[0]!;
    await expect(
      ship(prisma, staff, { orderId: o.id, carrier: "UPS", trackingNumber: "1Z999AA10000000012", lines: [{ orderItemId: foreign.id, quantity: 1 }] }),
    ).rejects.toBeInstanceOf(ActionError);
    await expect(
      ship(prisma, staff, { orderId: o.id, carrier: "UPS", trackingNumber: "1Z999AA10000000013", lines: [{ orderItemId: a.id, quantity: 0 }] }),
    ).rejects.toBeInstanceOf(ActionError);
    await expect(ship(prisma, staff, { orderId: o.id, carrier: "Pigeon", trackingNumber: "1Z999AA10000000014", lines: "all" })).rejects.toMatchObject({
      field: "carrier",
    });
    await expect(ship(prisma, staff, { orderId: o.id, carrier: "UPS", trackingNumber: "<b>", lines: "all" })).rejects.toMatchObject({
      field: "trackingNumber",
    });
    expect(await footprint(o.id)).toEqual(before);
  });

  it("lets only one of two simultaneous parcels take the last units", async () => {
    const o = await order([[C, 1]]);
    await markPacked(prisma, staff, { orderId: o.id });
    const c = await itemOf(o.id, C);
    const attempt = (n: string) =>
      ship(prisma, staff, { orderId: o.id, carrier: "USPS", trackingNumber: `9400${n}00000000`, lines: [{ orderItemId: c.id, quantity: 1 }] });
    const results = await Promise.allSettled([attempt("1"), attempt("2")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason instanceof TransitionError || refused.reason instanceof ActionError).toBe(true);
    expect(await prisma.shipmentLine.aggregate({ where: { orderItemId: c.id }, _sum: { quantity: true } })).toMatchObject({ _sum: { quantity: 1 } });
    expect(await prisma.orderEvent.count({ where: { orderId: o.id, kind: "shipped" } })).toBe(1);
    expect((await row(o.id)).status).toBe("SHIPPED");
  });

  it("refuses a customer (no actor) every step, exactly as a missing page, and changes nothing", async () => {
    const o = await order([[A, 1]]);
    const before = await footprint(o.id);
    await expect(addNote(prisma, null, { orderId: o.id, note: "hi" })).rejects.toBeInstanceOf(AdminRefused);
    await expect(markPacked(prisma, null, { orderId: o.id })).rejects.toBeInstanceOf(AdminRefused);
    await expect(ship(prisma, undefined, { orderId: o.id, carrier: "UPS", trackingNumber: "1Z999AA10000000020", lines: "all" })).rejects.toBeInstanceOf(
      AdminRefused,
    );
    await expect(cancelOrder(prisma, null, { orderId: o.id, reason: "no" })).rejects.toBeInstanceOf(AdminRefused);
    expect(await footprint(o.id)).toEqual(before);
  });
});

describe("cancelling", () => {
  it("cancels an unpaid order: stock back, the cause is the shop, the customer is told nothing was charged, and a late payment does not bring it back", async () => {
    const held = await stockOf(prisma, B);
    const o = await order([[B, 3]], { pay: false });
    expect(await stockOf(prisma, B)).toBe(held - 3);
    await expect(cancelOrder(prisma, staff, { orderId: o.id, reason: " " })).rejects.toMatchObject({ field: "reason" });

    const done = await cancelOrder(prisma, staff, { orderId: o.id, reason: "Asked us to cancel by phone." });
    expect(done.jobKeys).toContain(`mail:order-cancelled:${o.id}`);
    expect(await stockOf(prisma, B)).toBe(held);
    expect(await row(o.id)).toMatchObject({ status: "CANCELLED", cancelCause: "STAFF", cancelReason: "Asked us to cancel by phone." });
    expect(refundCalls).toHaveLength(0);
    const mail = (await mails()).find((m) => m.subject.includes(o.number) && m.subject.includes("cancelled"))!;
    expect(mail.text).toContain("Asked us to cancel by phone.");
    expect(mail.text).toContain("Nothing was charged");
    expect(mail.text).toMatch(/\/track\/[A-Za-z0-9_-]{43}/);
    const event = await prisma.orderEvent.findFirstOrThrow({ where: { orderId: o.id, kind: "cancelled" } });
    expect(event).toMatchObject({ actorKind: "STAFF", actorEmail: staff.email, customerVisible: true });
    expect(await prisma.auditEntry.count({ where: { subjectId: o.id, action: "order.cancel", actorEmail: staff.email } })).toBe(1);

    // Cancelled by the shop: a payment that still arrives is refunded, never reinstated.
    const late = await applyPaymentEvent(prisma, {
      provider: "DEMO",
      eventId: `late-${o.id}`,
      rawType: "test",
      kind: "paid",
      orderId: o.id,
      amountCents: (await row(o.id)).totalCents,
      currency: "USD",
    });
    expect(late.outcome).toBe("late-payment-refunded");
    expect((await row(o.id)).status).toBe("CANCELLED");
    expect(await stockOf(prisma, B)).toBe(held);

    // Once cancelled, nothing moves it on.
    await expect(cancelOrder(prisma, staff, { orderId: o.id, reason: "again" })).rejects.toBeInstanceOf(TransitionError);
    await expect(markPacked(prisma, staff, { orderId: o.id })).rejects.toBeInstanceOf(TransitionError);
  });

  it("cancels a paid, unshipped order: stock back and the whole payment handed to the refunds part in the same transaction", async () => {
    refundCalls.length = 0;
    const before = await stockOf(prisma, C);
    const o = await order([[C, 2]]);
    await markPacked(prisma, staff, { orderId: o.id });
    const paid = (await row(o.id)).amountPaidCents!;
    await cancelOrder(prisma, staff, { orderId: o.id, reason: "Damaged in the warehouse." });
    expect(await stockOf(prisma, C)).toBe(before);
    expect(await row(o.id)).toMatchObject({ status: "CANCELLED", cancelCause: "STAFF" });
    const item = await itemOf(o.id, C);
    expect(refundCalls).toHaveLength(1);
    expect(refundCalls[0]![1]).toEqual(staff);
    expect(refundCalls[0]![2]).toEqual({
      orderId: o.id,
      amountCents: paid,
      reason: "Order cancelled by the shop: Damaged in the warehouse.",
      lines: [{ orderItemId: item.id, quantity: 2, restock: false }],
    });
    const mail = (await mails()).find((m) => m.subject.includes(o.number) && m.subject.includes("cancelled"))!;
    expect(mail.text).toMatch(/refunding \$\d+\.\d\d/);
    // A second "paid" event for it changes nothing.
    const again = await applyPaymentEvent(prisma, {
      provider: "DEMO",
      eventId: `again-${o.id}`,
      rawType: "test",
      kind: "paid",
      orderId: o.id,
      amountCents: paid,
      currency: "USD",
    });
    expect(again.outcome).toBe("no-change");
    expect((await row(o.id)).status).toBe("CANCELLED");
  });

  it("cannot cancel an order with a parcel out", async () => {
    const o = await order([[A, 2]]);
    await markPacked(prisma, staff, { orderId: o.id });
    await ship(prisma, staff, {
      orderId: o.id,
      carrier: "UPS",
      trackingNumber: "1Z999AA10000000030",
      lines: [{ orderItemId: (await itemOf(o.id, A)).id, quantity: 1 }],
    });
    const before = await footprint(o.id);
    await expect(cancelOrder(prisma, owner, { orderId: o.id, reason: "Too late" })).rejects.toBeInstanceOf(ActionError);
    expect(await footprint(o.id)).toEqual(before);
  });

  // Depends on the refunds part of issue 13 (lib/orders/refunds.ts requestRefundInTx); skipped while it is a placeholder.
  it.skipIf(!REFUNDS_BUILT)("with the real refunds: a pending refund of the whole payment", async () => {
    useRealRefunds = true;
    try {
      const o = await order([[C, 1]]);
      await cancelOrder(prisma, owner, { orderId: o.id, reason: "Out of stock at the supplier." });
      const refund = await prisma.refund.findFirstOrThrow({ where: { orderId: o.id } });
      expect(refund).toMatchObject({ amountCents: (await row(o.id)).amountPaidCents, status: "PENDING" });
    } finally {
      useRealRefunds = false;
    }
  });
});

describe("the form actions", () => {
  const action = (name: string) => orderActions.find((a) => a.name === name)!;

  it("read per-line quantities from qty_<item id> fields and go back to the order's page", async () => {
    const o = await order([
      [A, 1],
      [B, 2],
    ]);
    await markPacked(prisma, staff, { orderId: o.id });
    const a = await itemOf(o.id, A);
    const b = await itemOf(o.id, B);
    const shipAction = action("order.ship");
    const fields = { orderId: o.id, number: o.number, carrier: "FedEx", trackingNumber: "612345678901", [`qty_${a.id}`]: "1", [`qty_${b.id}`]: "0" };
    const input = shipAction.input.parse(fields);
    const done = await shipAction.run({ db: prisma, actor: staff }, input);
    expect(done.redirect).toBe(`/admin/orders/${o.number}`);
    expect(done.notice).toMatch(/still to ship/);
    expect((await orderDetail(prisma, staff, o.number))!.lines.find((l) => l.id === b.id)!.unshipped).toBe(2);
    await expect(shipAction.run({ db: prisma, actor: staff }, shipAction.input.parse({ ...fields, [`qty_${b.id}`]: "-1" }))).rejects.toMatchObject({
      field: `qty_${b.id}`,
    });
    // A step the status machine refuses comes back as a message for the form.
    await expect(action("order.pack").run({ db: prisma, actor: staff }, { orderId: o.id, number: o.number })).rejects.toBeInstanceOf(ActionError);
    expect(action("order.cancel").input.safeParse({ orderId: o.id, number: o.number, reason: "x" }).success).toBe(false);
    expect(shipAction.back({ number: "../../x" })).toBe("/admin/orders");
  });
});

describe("the command line", () => {
  it("packs and ships through the same steps, under cli:<user> in the timeline and the audit log", async () => {
    const o = await order([
      [A, 1],
      [B, 1],
    ]);
    const packed = await fulfilment.markPacked(prisma, o.id);
    expect(packed.status).toBe("PACKED");
    const shipped = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/fulfil.ts", "shipped", o.number, "--carrier", "usps", "--tracking", "9400111899223344556677"],
      {
        cwd: process.cwd(),
        env: { ...process.env, OUTBOX_DIR: outbox.dir },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(shipped.stderr).toBe("");
    expect(shipped.stdout.split("\n")[0]).toBe(`${o.number}: Shipped`);
    // Every remaining unit, in one parcel.
    const shipments = await prisma.shipment.findMany({ where: { orderId: o.id }, include: { lines: true } });
    expect(shipments).toHaveLength(1);
    expect(shipments[0]!.lines.map((l) => l.quantity)).toEqual([1, 1]);
    const events = await prisma.orderEvent.findMany({ where: { orderId: o.id, kind: { in: ["packed", "shipped"] } }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.kind, e.actorKind])).toEqual([
      ["packed", "STAFF"],
      ["shipped", "STAFF"],
    ]);
    expect(events.every((e) => e.actorEmail?.startsWith("cli:"))).toBe(true);
    const audit = await prisma.auditEntry.findMany({ where: { subjectId: o.id }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.action, e.actorRole])).toEqual([
      ["order.pack", "CLI"],
      ["order.ship", "CLI"],
    ]);
    expect(audit.every((e) => e.actorEmail.startsWith("cli:"))).toBe(true);
    // The command sent the parcel's mail itself.
    expect(outbox.mails().some((m) => m.subject.includes(o.number) && m.text.includes("9400111899223344556677"))).toBe(true);
  });
});
