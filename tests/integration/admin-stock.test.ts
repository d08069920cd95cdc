// Stock in the back office: the figures read from orders, adjustments with a
// reason kept as history and in the audit log, the low-stock list, and who
// may do it. The test makes its own (hidden) product so no other test's
// stock moves.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/admin/actions";
import { AdminRefused, type Actor } from "@/lib/admin/roles";
import { adjustStock, setLowStockThreshold, stockOverview, variantStock } from "@/lib/admin/stock";
import { stockActions } from "@/lib/admin/stock-actions";
import { applyPaymentEvent } from "@/lib/orders/payment-events";
import { releaseExpiredHolds } from "@/lib/orders/sweeper";
import { testDb } from "../support/db";
import { tempOutbox } from "../support/orders";
import { createHeldOrder } from "../support/test-orders";

const prisma = testDb(6);
const tag = randomBytes(4).toString("hex").toUpperCase();
const owner: Actor = { kind: "staff", email: `owner-${tag.toLowerCase()}@example.test`, role: "OWNER", userId: "owner" };
const staff: Actor = { kind: "staff", email: `staff-${tag.toLowerCase()}@example.test`, role: "STAFF", userId: "staff" };
let outbox: ReturnType<typeof tempOutbox>;
let productId = "";
const ids: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };
const sku = (k: "a" | "b" | "c") => `TST-STK-${tag}-${k.toUpperCase()}`;
const orderIds: string[] = [];

const stockNow = async (id: string) => (await prisma.variant.findUniqueOrThrow({ where: { id } })).stock;
const historyOf = (id: string) => prisma.stockAdjustment.findMany({ where: { variantId: id }, orderBy: { id: "asc" } });

async function refused(work: Promise<unknown>, message: RegExp, field = "quantity") {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ActionError);
  expect((error as ActionError).message).toMatch(message);
  expect((error as ActionError).field).toBe(field);
}

beforeAll(async () => {
  outbox = tempOutbox();
  const product = await prisma.product.create({
    data: {
      slug: `stock-test-${tag.toLowerCase()}`,
      kind: "ACCESSORY",
      name: `Stock Test ${tag}`,
      tagline: "For tests",
      description: "For tests",
      imagePath: "/images/products/home-sharps-container.svg",
      // Hidden: never shown or sold by the store while the test runs.
      active: false,
      variants: {
        create: [
          { sku: sku("a"), label: "A", priceCents: 1000, stock: 20, packSize: 1, packUnit: "box", lowStockThreshold: 5, position: 0 },
          { sku: sku("b"), label: "B", priceCents: 1000, stock: 4, packSize: 1, packUnit: "box", lowStockThreshold: 3, position: 1 },
          { sku: sku("c"), label: "C", priceCents: 1000, stock: 8, packSize: 1, packUnit: "box", lowStockThreshold: 10, position: 2 },
        ],
      },
    },
    include: { variants: true },
  });
  productId = product.id;
  for (const v of product.variants) ids[v.label.toLowerCase() as "a" | "b" | "c"] = v.id;
});

afterAll(async () => {
  // Take away what this file made, jobs for its orders included, so no other test sees it.
  for (const orderId of orderIds) await prisma.job.deleteMany({ where: { dedupeKey: { endsWith: orderId } } });
  await prisma.paymentEvent.deleteMany({ where: { orderId: { in: orderIds } } });
  await prisma.order.deleteMany({ where: { id: { in: orderIds } } });
  await prisma.product.delete({ where: { id: productId } });
  outbox.restore();
  await prisma.$disconnect();
});

describe("adjusting stock", () => {
  it("received, damaged, count correction and returned each change free stock and write a history line with the person", async () => {
    const id = ids.a;
    expect(await stockNow(id)).toBe(20);

    expect(await adjustStock(prisma, owner, { variantId: id, reason: "RECEIVED", delta: 12, reference: " PO-1001 " })).toMatchObject({ before: 20, after: 32 });
    expect(await stockNow(id)).toBe(32);
    expect(await adjustStock(prisma, staff, { variantId: id, reason: "DAMAGED", delta: -2 })).toMatchObject({ after: 30 });
    expect(await stockNow(id)).toBe(30);
    // A count takes the number free to sell and works the change out.
    expect(await adjustStock(prisma, owner, { variantId: id, reason: "COUNT_CORRECTION", countedTo: 27, reference: "Count sheet 4" })).toMatchObject({
      delta: -3,
      after: 27,
    });
    expect(await stockNow(id)).toBe(27);
    expect(await adjustStock(prisma, staff, { variantId: id, reason: "RETURNED", delta: 1, reference: "SP-ABCD-1234" })).toMatchObject({ after: 28 });
    expect(await stockNow(id)).toBe(28);

    const lines = await historyOf(id);
    expect(lines.map((l) => [l.reason, l.delta, l.stockAfter, l.actorEmail, l.reference])).toEqual([
      ["RECEIVED", 12, 32, owner.email, "PO-1001"],
      ["DAMAGED", -2, 30, staff.email, null],
      ["COUNT_CORRECTION", -3, 27, owner.email, "Count sheet 4"],
      ["RETURNED", 1, 28, staff.email, "SP-ABCD-1234"],
    ]);

    // The page's history: newest first, with the same facts.
    const view = await variantStock(prisma, staff, id);
    expect(view!.history.map((h) => [h.reason, h.delta, h.stockAfter, h.actorEmail])).toEqual([
      ["RETURNED", 1, 28, staff.email],
      ["COUNT_CORRECTION", -3, 27, owner.email],
      ["DAMAGED", -2, 30, staff.email],
      ["RECEIVED", 12, 32, owner.email],
    ]);
  });

  it("refuses a change whose sign does not fit the reason, and changes nothing", async () => {
    const id = ids.a;
    const before = await stockNow(id);
    const historyBefore = (await historyOf(id)).length;
    await refused(adjustStock(prisma, owner, { variantId: id, reason: "RECEIVED", delta: -1 }), /arrived/);
    await refused(adjustStock(prisma, owner, { variantId: id, reason: "RECEIVED", delta: 0 }), /arrived/);
    await refused(adjustStock(prisma, owner, { variantId: id, reason: "DAMAGED", delta: 3 }), /damaged/);
    await refused(adjustStock(prisma, owner, { variantId: id, reason: "RETURNED", delta: -3 }), /came back/);
    await refused(adjustStock(prisma, owner, { variantId: id, reason: "RECEIVED", delta: 1.5 }), /whole number/);
    await refused(adjustStock(prisma, owner, { variantId: id, reason: "COUNT_CORRECTION", countedTo: -1 }), /counted/);
    expect(await stockNow(id)).toBe(before);
    expect((await historyOf(id)).length).toBe(historyBefore);
  });

  it("never takes free stock below zero: refused with a clear message, nothing changed, nothing logged", async () => {
    const id = ids.b;
    const before = await stockNow(id);
    expect(before).toBe(4);
    const auditBefore = await prisma.auditEntry.count({ where: { subjectId: id } });
    await refused(adjustStock(prisma, staff, { variantId: id, reason: "DAMAGED", delta: -5 }), /Only 4 units are free to sell, so at most 4 can be taken off/);
    expect(await stockNow(id)).toBe(4);
    expect(await historyOf(id)).toEqual([]);
    expect(await prisma.auditEntry.count({ where: { subjectId: id } })).toBe(auditBefore);
    // Exactly what is free may go.
    expect(await adjustStock(prisma, staff, { variantId: id, reason: "DAMAGED", delta: -4 })).toMatchObject({ after: 0 });
    await refused(adjustStock(prisma, staff, { variantId: id, reason: "DAMAGED", delta: -1 }), /Nothing is free to sell/);
    expect(await stockNow(id)).toBe(0);
    await adjustStock(prisma, staff, { variantId: id, reason: "COUNT_CORRECTION", countedTo: 4 });
    expect(await stockNow(id)).toBe(4);
  });

  it("applies adjustments made at the same moment one after the other, so every one counts", async () => {
    const id = ids.a;
    const before = await stockNow(id);
    const results = await Promise.all(
      [3, 5, 7, 11, 13].map((delta, i) => adjustStock(prisma, i % 2 ? staff : owner, { variantId: id, reason: "RECEIVED", delta, reference: `race-${i}` })),
    );
    expect(await stockNow(id)).toBe(before + 39);
    // Each saw the one before it: the stock after each is a distinct step, the last being the total.
    const afters = results.map((r) => r.after).sort((x, y) => x - y);
    expect(new Set(afters).size).toBe(5);
    expect(afters.at(-1)).toBe(before + 39);
    for (const r of results) expect(r.after - r.before).toBe(r.delta);
    const raced = (await historyOf(id)).filter((l) => l.reference?.startsWith("race-"));
    expect(raced.map((l) => l.stockAfter).sort((x, y) => x - y)).toEqual(afters);
  });

  it("writes the audit entry with the stock before and after, in the same transaction", async () => {
    const id = ids.c;
    const before = await stockNow(id);
    await adjustStock(prisma, staff, { variantId: id, reason: "RECEIVED", delta: 6, reference: "Audit check" });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { subjectId: id, action: "stock.adjust" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorEmail: staff.email, actorRole: "STAFF", subjectType: "variant", subjectLabel: sku("c") });
    expect(entry.before).toEqual({ stock: before });
    expect(entry.after).toMatchObject({ stock: before + 6, delta: 6, reason: "RECEIVED", reference: "Audit check" });
    await adjustStock(prisma, staff, { variantId: id, reason: "DAMAGED", delta: -6 });
    expect(await stockNow(id)).toBe(before);
  });

  it("outdates the cached catalog only when the stock band changes", async () => {
    const id = ids.b;
    const count = () => prisma.cacheInvalidation.count();
    await adjustStock(prisma, owner, { variantId: id, reason: "COUNT_CORRECTION", countedTo: 20 });
    let n = await count();
    await adjustStock(prisma, owner, { variantId: id, reason: "RECEIVED", delta: 5 });
    expect(await count()).toBe(n); // 20 → 25: "In stock" either way
    await adjustStock(prisma, owner, { variantId: id, reason: "COUNT_CORRECTION", countedTo: 0 });
    expect(await count()).toBe(n + 1); // in stock → out of stock
    n += 1;
    await adjustStock(prisma, owner, { variantId: id, reason: "RECEIVED", delta: 4 });
    expect(await count()).toBe(n + 1); // out → low
  });

  it("lets staff adjust but refuses a customer (no actor), changing nothing", async () => {
    const id = ids.c;
    const before = await stockNow(id);
    await expect(adjustStock(prisma, staff, { variantId: id, reason: "RECEIVED", delta: 1 })).resolves.toMatchObject({ after: before + 1 });
    await expect(adjustStock(prisma, null, { variantId: id, reason: "RECEIVED", delta: 5 })).rejects.toBeInstanceOf(AdminRefused);
    await expect(setLowStockThreshold(prisma, null, { variantId: id, threshold: 1 })).rejects.toBeInstanceOf(AdminRefused);
    await expect(stockOverview(prisma, null, {})).rejects.toBeInstanceOf(AdminRefused);
    await expect(variantStock(prisma, null, id)).rejects.toBeInstanceOf(AdminRefused);
    expect(await stockNow(id)).toBe(before + 1);
    await adjustStock(prisma, staff, { variantId: id, reason: "DAMAGED", delta: -1 });
  });
});

describe("figures from orders", () => {
  it("counts an open checkout's units as held, with its expiry, until the hold lapses and the sweeper releases them", async () => {
    const id = ids.c;
    const free = await stockNow(id);
    const { orderId, order } = await createHeldOrder(prisma, { sku: sku("c"), quantity: 3, provider: "DEMO" });
    orderIds.push(orderId);

    let view = (await variantStock(prisma, owner, id))!;
    expect(view).toMatchObject({ free: free - 3, held: 3, awaiting: 0, onHand: free });
    expect(view.holds).toEqual([{ orderId, orderNumber: order.number, quantity: 3, expiresAt: order.holdExpiresAt, lapsed: false }]);
    const row = (await stockOverview(prisma, owner, { q: sku("c") })).rows[0];
    expect(row).toMatchObject({ sku: sku("c"), free: free - 3, held: 3 });

    // The hold runs out and the sweeper cancels the order: the units are free again and no longer held.
    await prisma.order.update({ where: { id: orderId }, data: { holdExpiresAt: new Date(Date.now() - 60_000) } });
    expect((await variantStock(prisma, owner, id))!.holds[0]).toMatchObject({ lapsed: true });
    await releaseExpiredHolds(prisma);
    view = (await variantStock(prisma, owner, id))!;
    expect(view).toMatchObject({ free, held: 0, onHand: free });
    expect(view.holds).toEqual([]);
  });

  it("counts paid units as sold and waiting to ship until they ship, less refunded units", async () => {
    const id = ids.c;
    const free = await stockNow(id);
    const { orderId, order } = await createHeldOrder(prisma, { sku: sku("c"), quantity: 2, provider: "DEMO" });
    orderIds.push(orderId);
    const paid = await applyPaymentEvent(prisma, {
      provider: "DEMO",
      eventId: `stock-test:${orderId}:pay`,
      rawType: "test",
      kind: "paid",
      orderId,
      amountCents: order.totalCents,
      currency: order.currency,
    });
    expect(paid.outcome).toBe("paid");

    let view = (await variantStock(prisma, owner, id))!;
    expect(view).toMatchObject({ free: free - 2, held: 0, awaiting: 2, onHand: free, sold: 2 });

    await prisma.order.update({ where: { id: orderId }, data: { status: "SHIPPED", shippedAt: new Date() } });
    view = (await variantStock(prisma, owner, id))!;
    expect(view).toMatchObject({ free: free - 2, awaiting: 0, onHand: free - 2, sold: 2 });

    // One unit refunded (a refund line): sold goes down by it.
    const item = await prisma.orderItem.findFirstOrThrow({ where: { orderId } });
    await prisma.refund.create({
      data: {
        orderId,
        amountCents: item.unitPriceCents,
        reason: "Test",
        status: "SUCCEEDED",
        requestedBy: owner.email,
        lines: { create: [{ orderItemId: item.id, quantity: 1 }] },
      },
    });
    view = (await variantStock(prisma, owner, id))!;
    expect(view.sold).toBe(1);
  });
});

describe("the low-stock list", () => {
  it("uses each variant's own threshold, and the threshold can be changed (audited)", async () => {
    await adjustStock(prisma, owner, { variantId: ids.a, reason: "COUNT_CORRECTION", countedTo: 6 });
    await adjustStock(prisma, owner, { variantId: ids.b, reason: "COUNT_CORRECTION", countedTo: 3 });
    const c = await stockNow(ids.c);
    expect(c).toBeGreaterThan(0);
    await setLowStockThreshold(prisma, owner, { variantId: ids.a, threshold: 5 });
    await setLowStockThreshold(prisma, owner, { variantId: ids.b, threshold: 3 });
    await setLowStockThreshold(prisma, staff, { variantId: ids.c, threshold: c });

    const lowSkus = async () => (await stockOverview(prisma, staff, { q: `TST-STK-${tag}`, low: true })).rows.map((r) => r.sku);
    // a: 6 free, low at 5 → not low; b: 3 at 3 → low; c: at its own threshold → low.
    expect((await lowSkus()).sort()).toEqual([sku("b"), sku("c")]);
    const all = await stockOverview(prisma, staff, { q: `tst-stk-${tag.toLowerCase()}` });
    expect(all.rows.map((r) => [r.sku, r.low, r.threshold])).toEqual([
      [sku("a"), false, 5],
      [sku("b"), true, 3],
      [sku("c"), true, c],
    ]);

    // Raising a's threshold to its free count lists it; lowering c's takes it off.
    await setLowStockThreshold(prisma, owner, { variantId: ids.a, threshold: 6 });
    await setLowStockThreshold(prisma, owner, { variantId: ids.c, threshold: c - 1 });
    expect((await lowSkus()).sort()).toEqual([sku("a"), sku("b")]);

    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { subjectId: ids.a, action: "stock.threshold" }, orderBy: { id: "desc" } });
    expect(entry.before).toEqual({ lowStockThreshold: 5 });
    expect(entry.after).toEqual({ lowStockThreshold: 6 });
    await expect(setLowStockThreshold(prisma, owner, { variantId: ids.a, threshold: 10_001 })).rejects.toBeInstanceOf(ActionError);
    await expect(setLowStockThreshold(prisma, owner, { variantId: ids.a, threshold: -1 })).rejects.toBeInstanceOf(ActionError);
    expect((await prisma.variant.findUniqueOrThrow({ where: { id: ids.a } })).lowStockThreshold).toBe(6);
  });
});

describe("the stock form", () => {
  const adjust = stockActions.find((a) => a.name === "stock.adjust")!;
  const threshold = stockActions.find((a) => a.name === "stock.threshold")!;

  it("takes whole numbers only, a short plain reference, and a known reason", () => {
    const ok = adjust.input.safeParse({ variantId: ids.a, reason: "RECEIVED", quantity: " 10 ", reference: "PO-7" });
    expect(ok.success && ok.data).toEqual({ variantId: ids.a, reason: "RECEIVED", quantity: 10, reference: "PO-7" });
    expect(adjust.input.safeParse({ variantId: ids.a, reason: "RECEIVED", quantity: "3", reference: "" }).data).toMatchObject({ reference: null });
    for (const quantity of ["", "2.5", "-3", "1e3", "ten", "0x10", "100001"]) {
      const bad = adjust.input.safeParse({ variantId: ids.a, reason: "RECEIVED", quantity, reference: "" });
      expect(bad.success, quantity).toBe(false);
      expect(bad.error!.issues[0]!.path).toEqual(["quantity"]);
    }
    expect(adjust.input.safeParse({ variantId: ids.a, reason: "STOLEN", quantity: "1" }).success).toBe(false);
    expect(adjust.input.safeParse({ variantId: ids.a, reason: "RECEIVED", quantity: "1", reference: "x".repeat(81) }).success).toBe(false);
    expect(adjust.input.safeParse({ variantId: ids.a, reason: "RECEIVED", quantity: "1", reference: "PO\u00071" }).success).toBe(false);
    expect(threshold.input.safeParse({ variantId: ids.a, threshold: "10001" }).success).toBe(false);
    expect(threshold.input.safeParse({ variantId: ids.a, threshold: "0" }).success).toBe(true);
  });

  it("turns a damaged quantity into a reduction and names the result", async () => {
    const before = await stockNow(ids.a);
    const parsed = adjust.input.parse({ variantId: ids.a, reason: "DAMAGED", quantity: "2", reference: "Crushed box" });
    const done = await adjust.run({ db: prisma, actor: staff }, parsed);
    expect(done.redirect).toBe(`/admin/stock/${ids.a}`);
    expect(done.notice).toContain(`Free to sell now: ${before - 2}`);
    expect(await stockNow(ids.a)).toBe(before - 2);
  });
});
