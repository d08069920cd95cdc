// Money moves once: a cart has one live checkout at a time, with real
// concurrency on the real database. Parallel submits from one cart queue on
// the cart row and supersede each other; a payment that still arrives for a
// superseded order is refunded by a job and the customer told by another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCheckout } from "@/lib/checkout/start";
import { runDueJobs } from "@/lib/jobs";
import { submitDemoPayment } from "@/lib/orders/demo-payment";
import { applyPaymentEvent } from "@/lib/orders/payment-events";
import { hashToken } from "@/lib/orders/tokens";
import { releaseExpiredHolds } from "@/lib/orders/sweeper";
import { demoGateway } from "@/lib/payments/demo";
import { cartWith, stockOf, validInput } from "../support/checkout";
import { testDb } from "../support/db";
import { settle, tempOutbox } from "../support/orders";

const prisma = testDb(20);
const options = { baseUrl: "http://store.test", gateway: demoGateway };
const SKU = "MST-GEN-50";
let outbox: ReturnType<typeof tempOutbox>;
let stockAtStart = 0;
const orderIds: string[] = [];

beforeAll(async () => {
  outbox = tempOutbox();
  stockAtStart = await stockOf(prisma, SKU);
});
afterAll(async () => {
  await settle(
    prisma,
    orderIds.map((id) => ({ id })),
  );
  expect(await stockOf(prisma, SKU)).toBe(stockAtStart);
  outbox.restore();
  await prisma.$disconnect();
});

const pay = (orderId: string, totalCents: number) =>
  applyPaymentEvent(prisma, {
    provider: "DEMO",
    eventId: `test:${orderId}:pay`,
    rawType: "test",
    kind: "paid",
    orderId,
    amountCents: totalCents,
    currency: "USD",
  });

describe("one live checkout per cart", () => {
  it("20 parallel submits of a 5-unit cart leave exactly one order awaiting payment, holding exactly 5 units", async () => {
    const token = await cartWith(prisma, [[SKU, 5]]);
    const cart = { cartId: (await prisma.cart.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).id };
    const results = await Promise.all(Array.from({ length: 20 }, () => startCheckout(prisma, token, validInput, options)));
    const orders = await prisma.order.findMany({ where: { cartId: cart.cartId }, include: { items: true } });
    orderIds.push(...orders.map((o) => o.id));

    const live = orders.filter((o) => o.status === "AWAITING_PAYMENT");
    expect(live).toHaveLength(1);
    expect(live[0]!.items.reduce((n, i) => n + i.quantity, 0)).toBe(5);
    expect(await stockOf(prisma, SKU)).toBe(stockAtStart - 5);
    // Every other attempt was superseded, its stock released.
    const others = orders.filter((o) => o.status !== "AWAITING_PAYMENT");
    expect(others.every((o) => o.status === "CANCELLED" && o.cancelCause === "SUPERSEDED")).toBe(true);
    expect(orders).toHaveLength(20);
    // An attempt superseded while its payment was starting is told so; one
    // superseded later was handed its payment page, which now refuses it.
    for (const r of results) if (!r.ok) expect(r.formError).toMatch(/replaced by a newer one/);
    const ok = results.filter((r) => r.ok);
    expect(ok.map((r) => r.ok && r.orderId)).toContain(live[0]!.id);
    for (const r of ok) {
      if (!r.ok || r.orderId === live[0]!.id) continue;
      expect(await submitDemoPayment(prisma, r.accessToken, "pay")).toEqual({ next: "closed" });
      expect(await prisma.order.findUniqueOrThrow({ where: { id: r.orderId } })).toMatchObject({ status: "CANCELLED", paidAt: null });
    }
  }, 60_000);

  it("two orders of one cart paid at the same moment: one is paid, the other refunded by a job and its customer emailed", async () => {
    const before = await stockOf(prisma, SKU);
    const token = await cartWith(prisma, [[SKU, 2]]);
    const first = await startCheckout(prisma, token, { ...validInput, email: "two-tabs@example.test" }, options);
    const second = await startCheckout(prisma, token, { ...validInput, email: "two-tabs@example.test" }, options);
    if (!first.ok || !second.ok) throw new Error("checkout failed");
    const [a, b] = await Promise.all([first.orderId, second.orderId].map((id) => prisma.order.findUniqueOrThrow({ where: { id } })));
    orderIds.push(a!.id, b!.id);
    expect(a!.status).toBe("CANCELLED");

    // Both tabs' payments land at once (the first tab had its payment page open).
    const outcomes = await Promise.all([pay(a!.id, a!.totalCents), pay(b!.id, b!.totalCents)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["late-payment-refunded", "paid"]);
    const orderA = await prisma.order.findUniqueOrThrow({ where: { id: a!.id } });
    const orderB = await prisma.order.findUniqueOrThrow({ where: { id: b!.id } });
    expect(orderB.status).toBe("PAID");
    expect(orderA).toMatchObject({ status: "CANCELLED", cancelCause: "SUPERSEDED" });
    expect(orderA.paidAt).not.toBeNull();
    // Sold once: the stock is taken for one order only.
    expect(await stockOf(prisma, SKU)).toBe(before - 2);

    const jobs = await prisma.job.findMany({ where: { dedupeKey: { in: [`refund:${a!.id}`, `mail:refund-notice:${a!.id}`] } } });
    expect(jobs.map((j) => j.kind).sort()).toEqual(["mail.refund-notice", "payment.refund"]);
    expect(await prisma.job.count({ where: { dedupeKey: `refund:${b!.id}` } })).toBe(0);

    await runDueJobs(prisma);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: a!.id } })).status).toBe("REFUNDED");
    expect(await stockOf(prisma, SKU)).toBe(before - 2);
    const mails = outbox.mails().filter((m) => m.subject.includes(orderA.number));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/being refunded/);
    expect(mails[0]!.text).toMatch(/newer checkout from the same cart/);
    expect(outbox.mails().filter((m) => m.subject.includes(orderB.number))).toHaveLength(1);
  });

  it("a late payment for a plain expiry is reinstated only when the cart has no newer live checkout", async () => {
    const token = await cartWith(prisma, [[SKU, 1]]);
    const first = await startCheckout(prisma, token, validInput, options);
    if (!first.ok) throw new Error("checkout failed");
    orderIds.push(first.orderId);
    // The hold lapses and the sweeper releases it.
    await releaseExpiredHolds(prisma, new Date(Date.now() + 31 * 60_000));
    const expired = await prisma.order.findUniqueOrThrow({ where: { id: first.orderId } });
    expect(expired).toMatchObject({ status: "CANCELLED", cancelCause: "EXPIRED" });
    // The customer checks out the same cart again; then the first payment lands.
    const second = await startCheckout(prisma, token, validInput, options);
    if (!second.ok) throw new Error("checkout failed");
    orderIds.push(second.orderId);
    expect((await pay(first.orderId, expired.totalCents)).outcome).toBe("late-payment-refunded");
    expect((await pay(second.orderId, expired.totalCents)).outcome).toBe("paid");

    // With no newer checkout, the same late payment takes the order back.
    const token2 = await cartWith(prisma, [[SKU, 1]]);
    const lone = await startCheckout(prisma, token2, validInput, options);
    if (!lone.ok) throw new Error("checkout failed");
    orderIds.push(lone.orderId);
    await applyPaymentEvent(prisma, { provider: "DEMO", eventId: `test:${lone.orderId}:expire`, rawType: "test", kind: "expired", orderId: lone.orderId });
    expect((await pay(lone.orderId, expired.totalCents)).outcome).toBe("reinstated");
    await runDueJobs(prisma);
  });

  it("a stale second tab whose cart was paid meanwhile sells nothing", async () => {
    const token = await cartWith(prisma, [[SKU, 1]]);
    const first = await startCheckout(prisma, token, validInput, options);
    if (!first.ok) throw new Error("checkout failed");
    orderIds.push(first.orderId);
    const order = await prisma.order.findUniqueOrThrow({ where: { id: first.orderId } });
    await pay(first.orderId, order.totalCents);
    const stock = await stockOf(prisma, SKU);
    const orders = await prisma.order.count();
    // The paid cart is empty now: a stale second tab finds nothing to sell.
    const again = await startCheckout(prisma, token, validInput, options);
    expect(again.ok).toBe(false);
    expect(await stockOf(prisma, SKU)).toBe(stock);
    expect(await prisma.order.count()).toBe(orders);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: first.orderId } })).status).toBe("PAID");
    await runDueJobs(prisma);
  });
});
