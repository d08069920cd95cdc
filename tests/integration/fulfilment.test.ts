// Fulfilment: packed → shipped → delivered, each stamped and checked against
// the status machine; the customer is emailed on shipped and delivered.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "@/lib/jobs";
import { readableOrderByTrackingToken } from "@/lib/orders/access";
import { FulfilmentError, markDelivered, markPacked, markShipped, orderIdByNumber } from "@/lib/orders/fulfilment";
import { TransitionError } from "@/lib/orders/status";
import { orderTimeline } from "@/lib/orders/tracking";
import { stockOf } from "../support/checkout";
import { testDb } from "../support/db";
import { paidOrder, settle, tempOutbox, type PaidOrder } from "../support/orders";

const prisma = testDb();
let outbox: ReturnType<typeof tempOutbox>;
const made: PaidOrder[] = [];
const SKU = "CRT-24-10";
let stockBefore = 0;
let shippedQuantity = 0;

// Mail is a job committed with each move; the worker sends what is due.
const mails = async () => {
  await runDueJobs(prisma);
  return outbox.mails();
};
const row = (id: string) => prisma.order.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  outbox = tempOutbox();
  stockBefore = await stockOf(prisma, SKU);
});
afterAll(async () => {
  await settle(prisma, made);
  // Shipped goods are not restocked by a refund; put back what this file shipped.
  if (shippedQuantity) await prisma.variant.update({ where: { sku: SKU }, data: { stock: { increment: shippedQuantity } } });
  expect(await stockOf(prisma, SKU)).toBe(stockBefore);
  outbox.restore();
  await prisma.$disconnect();
});

describe("fulfilment", () => {
  it("moves a paid order through packed, shipped and delivered, stamping each and emailing the customer", async () => {
    const order = await paidOrder(prisma, { lines: [[SKU, 2]], email: "fulfil@example.test" });
    made.push(order);
    expect(await orderIdByNumber(prisma, order.number.toLowerCase())).toBe(order.id);
    const t1 = new Date("2026-03-02T10:00:00Z");
    const t2 = new Date("2026-03-02T15:30:00Z");
    const t3 = new Date("2026-03-05T09:00:00Z");

    expect(await markPacked(prisma, order.id, t1)).toMatchObject({ status: "PACKED" });
    expect((await row(order.id)).packedAt).toEqual(t1);

    expect(await markShipped(prisma, order.id, { carrier: "ups", trackingNumber: " 1z999aa10123456784 " }, t2)).toMatchObject({ status: "SHIPPED" });
    shippedQuantity += 2;
    const shipped = await row(order.id);
    expect(shipped).toMatchObject({ status: "SHIPPED", shippedAt: t2, carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
    expect(await stockOf(prisma, SKU)).toBe(stockBefore - 2);

    const shippedMail = (await mails()).find((m) => m.subject.includes("on its way") && m.subject.includes(order.number))!;
    expect(shippedMail.to).toBe("fulfil@example.test");
    expect(shippedMail.text).toContain("UPS");
    expect(shippedMail.text).toContain("1Z999AA10123456784");
    expect(shippedMail.text).toContain("https://www.ups.com/track?tracknum=1Z999AA10123456784");
    const link = shippedMail.text.match(/https?:\/\/\S+\/track\/([A-Za-z0-9_-]{43})/)!;
    // The email's tracking link opens this order (it was issued at t2, so read it then).
    expect((await readableOrderByTrackingToken(prisma, link[1]!, t2))?.id).toBe(order.id);

    expect(await markDelivered(prisma, order.id, t3)).toMatchObject({ status: "DELIVERED" });
    const delivered = await row(order.id);
    expect(delivered.deliveredAt).toEqual(t3);
    const deliveredMail = (await mails()).find((m) => m.subject.includes("delivered") && m.subject.includes(order.number))!;
    expect(deliveredMail.text).toMatch(/aftercare/i);
    expect(deliveredMail.text).toMatch(/\/track\/[A-Za-z0-9_-]{43}/);

    const steps = orderTimeline({ ...delivered, paidAt: delivered.paidAt });
    expect(steps.map((s) => [s.label, s.state])).toEqual([
      ["Paid", "done"],
      ["Packed", "done"],
      ["Shipped", "done"],
      ["Delivered", "current"],
    ]);
    expect(steps[1]!.time).toBe(t1.toISOString());
  });

  it("refuses impossible moves and changes nothing", async () => {
    const unpaid = await paidOrder(prisma, { lines: [[SKU, 1]], email: "unpaid@example.test", pay: false });
    made.push(unpaid);
    const before = await row(unpaid.id);
    const mailCount = (await mails()).length;
    await expect(markShipped(prisma, unpaid.id, { carrier: "DHL", trackingNumber: "JD0123456789" })).rejects.toBeInstanceOf(TransitionError);
    await expect(markPacked(prisma, unpaid.id)).rejects.toBeInstanceOf(TransitionError);
    await expect(markDelivered(prisma, unpaid.id)).rejects.toBeInstanceOf(TransitionError);
    expect(await row(unpaid.id)).toEqual(before);
    expect((await mails()).length).toBe(mailCount);

    const done = await paidOrder(prisma, { lines: [[SKU, 1]], email: "done@example.test" });
    made.push(done);
    const mailsAfterPaying = (await mails()).length;
    // Paid orders cannot skip packing.
    await expect(markShipped(prisma, done.id, { carrier: "DHL", trackingNumber: "JD0123456789" })).rejects.toBeInstanceOf(TransitionError);
    await markPacked(prisma, done.id);
    await expect(markPacked(prisma, done.id)).rejects.toBeInstanceOf(TransitionError);
    await markShipped(prisma, done.id, { carrier: "Royal Mail", trackingNumber: "AB 123 456 789 GB" });
    shippedQuantity += 1;
    await markDelivered(prisma, done.id);
    const delivered = await row(done.id);
    await expect(markPacked(prisma, done.id)).rejects.toBeInstanceOf(TransitionError);
    await expect(markShipped(prisma, done.id, { carrier: "UPS", trackingNumber: "1Z999" + "000000" })).rejects.toBeInstanceOf(TransitionError);
    await expect(markDelivered(prisma, done.id)).rejects.toBeInstanceOf(TransitionError);
    expect(await row(done.id)).toEqual(delivered);
    // Only done's shipped + delivered emails went out.
    expect((await mails()).length).toBe(mailsAfterPaying + 2);
  });

  it("checks the carrier and tracking number before touching the order", async () => {
    const order = await paidOrder(prisma, { lines: [[SKU, 1]], email: "bad-ship@example.test" });
    made.push(order);
    await markPacked(prisma, order.id);
    const before = await row(order.id);
    await expect(markShipped(prisma, order.id, { carrier: "Pigeon Post", trackingNumber: "1Z999AA1" })).rejects.toBeInstanceOf(FulfilmentError);
    for (const bad of ["12345", "1Z999<script>", "X".repeat(41), "------"]) {
      await expect(markShipped(prisma, order.id, { carrier: "UPS", trackingNumber: bad })).rejects.toBeInstanceOf(FulfilmentError);
    }
    expect(await row(order.id)).toEqual(before);
  });
});

describe("the fulfil command the shop runs", () => {
  const fulfil = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/fulfil.ts", ...args], {
      cwd: process.cwd(),
      env: { ...process.env, OUTBOX_DIR: outbox.dir },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("moves an order on by its number, and refuses bad steps with a message and exit code 1", async () => {
    const order = await paidOrder(prisma, { lines: [[SKU, 1]], email: "cli@example.test" });
    made.push(order);

    const packed = fulfil("packed", order.number.toLowerCase());
    expect(packed.stderr).toBe("");
    expect(packed.status).toBe(0);
    expect(packed.stdout.trim()).toBe(`${order.number}: Packed`);
    expect((await row(order.id)).status).toBe("PACKED");
    const before = await row(order.id);

    const noCarrier = fulfil("shipped", order.number, "--tracking", "1Z999AA10123456784");
    expect(noCarrier.status).toBe(1);
    expect(noCarrier.stderr).toContain("Shipping needs --carrier and --tracking");

    const skip = fulfil("delivered", order.number);
    expect(skip.status).toBe(1);
    expect(skip.stderr).toContain("cannot become delivered");

    const unknown = fulfil("packed", "SP-0000-0000");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("No order numbered SP-0000-0000");

    expect(await row(order.id)).toEqual(before);
  });
});
