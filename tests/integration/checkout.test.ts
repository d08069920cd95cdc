import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCheckout } from "@/lib/checkout/start";
import { runDueJobs } from "@/lib/jobs";
import { loadCurrentGuide } from "@/lib/guides/store";
import { applyPaymentEvent } from "@/lib/orders/payment-events";
import { readableOrderByConfirmationToken } from "@/lib/orders/access";
import { demoGateway } from "@/lib/payments/demo";
import { cartWith, stockOf, validInput } from "../support/checkout";
import { testDb } from "../support/db";
import { expireOrder, tempOutbox } from "../support/orders";

const prisma = testDb(20);
const options = { baseUrl: "http://store.test", gateway: demoGateway };
let outbox: ReturnType<typeof tempOutbox>;

beforeAll(() => {
  outbox = tempOutbox();
});
afterAll(async () => {
  outbox.restore();
  await prisma.$disconnect();
});

describe("starting checkout", () => {
  it("holds the stock, snapshots the items and the guide version, and hands over to payment", async () => {
    const before = await stockOf(prisma, "KIT-HOME-S");
    const token = await cartWith(prisma, [
      ["KIT-HOME-S", 1],
      ["CRT-16-10", 2],
    ]);
    const result = await startCheckout(prisma, token, validInput, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.redirectUrl).toBe(`/pay/demo/${result.accessToken}`);
    expect(await stockOf(prisma, "KIT-HOME-S")).toBe(before - 1);

    const order = (await readableOrderByConfirmationToken(prisma, result.accessToken))!;
    expect(order).toMatchObject({ status: "AWAITING_PAYMENT", subtotalCents: 11900 + 2 * 1999, shippingCents: 0, paymentProvider: "DEMO" });
    expect(order.number).toMatch(/^SP-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(order.contraindicationsConfirmedAt).not.toBeNull();
    const kit = order.items.find((i) => i.sku === "KIT-HOME-S")!;
    expect(kit).toMatchObject({ name: "Home Starter Kit", unitPriceCents: 11900, quantity: 1, lineTotalCents: 11900 });
    const current = await loadCurrentGuide(prisma, "home-microneedling-guide");
    expect(kit.guideVersionId).toBe(current!.versionId);
    expect(kit.instructions!.sections.map((s) => s.id)).toContain("who-must-not-use");
    const cartridge = order.items.find((i) => i.sku === "CRT-16-10")!;
    expect(cartridge.instructions!.sections.map((s) => s.id)).toEqual(["depth-guide", "compatible-pens", "safety-and-disposal"]);
    await expireOrder(prisma, order.id);
    expect(await stockOf(prisma, "KIT-HOME-S")).toBe(before);
  });

  it("ignores any price or total the client sends", async () => {
    const token = await cartWith(prisma, [["SRM-HA-30", 2]]);
    const result = await startCheckout(
      prisma,
      token,
      { ...validInput, priceCents: "1", totalCents: "1", subtotalCents: "1", unitPriceCents: "1", shippingCents: "0" },
      options,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const order = (await readableOrderByConfirmationToken(prisma, result.accessToken))!;
    expect(order).toMatchObject({ subtotalCents: 4800, shippingCents: 595, totalCents: 5395 });
    await expireOrder(prisma, order.id);
  });

  it("applies a promo code, counts its use, and gives the use back if the order is not paid", async () => {
    const usedBefore = (await prisma.promoCode.findUniqueOrThrow({ where: { code: "SAVE5" } })).usedCount;
    const token = await cartWith(prisma, [["SRM-HA-30", 2]]);
    const result = await startCheckout(prisma, token, { ...validInput, promoCode: "save5" }, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const order = (await readableOrderByConfirmationToken(prisma, result.accessToken))!;
    expect(order).toMatchObject({ promoCode: "SAVE5", discountCents: 500, totalCents: 4800 - 500 + 595 });
    expect((await prisma.promoCode.findUniqueOrThrow({ where: { code: "SAVE5" } })).usedCount).toBe(usedBefore + 1);
    await expireOrder(prisma, order.id);
    expect((await prisma.promoCode.findUniqueOrThrow({ where: { code: "SAVE5" } })).usedCount).toBe(usedBefore);
  });

  it("explains bad input next to each field and changes nothing", async () => {
    const token = await cartWith(prisma, [["KIT-HOME-S", 1]]);
    const stock = await stockOf(prisma, "KIT-HOME-S");
    const orders = await prisma.order.count();
    const result = await startCheckout(
      prisma,
      token,
      { ...validInput, email: "not-an-email", postalCode: "", confirmSafety: "", shippingMethod: "teleport" },
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["email", "postalCode"]);
    const second = await startCheckout(prisma, token, { ...validInput, confirmSafety: "", shippingMethod: "teleport", promoCode: "SPRING25" }, options);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.errors.confirmSafety).toMatch(/who must not use/);
    expect(second.errors.shippingMethod).toBeDefined();
    expect(second.errors.promoCode).toBe("That code has expired.");
    expect(await stockOf(prisma, "KIT-HOME-S")).toBe(stock);
    expect(await prisma.order.count()).toBe(orders);
  });

  it("a promo code's last use is given once when two checkouts race for it; the other holds no stock and leaves no order", async () => {
    const code = `LASTUSE${Date.now().toString(36).toUpperCase()}`;
    await prisma.promoCode.create({ data: { code, kind: "FIXED", value: 100, minOrderCents: 0, maxUses: 1, usedCount: 0, active: true } });
    const before = await stockOf(prisma, "SRM-HA-30");
    const orders = await prisma.order.count();
    const carts = await Promise.all([cartWith(prisma, [["SRM-HA-30", 1]]), cartWith(prisma, [["SRM-HA-30", 1]])]);
    const results = await Promise.all(carts.map((token) => startCheckout(prisma, token, { ...validInput, promoCode: code }, options)));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    if (!lost || lost.ok) throw new Error("both checkouts took the code");
    expect(lost.errors.promoCode).toMatch(/used/i);
    expect((await prisma.promoCode.findUniqueOrThrow({ where: { code } })).usedCount).toBe(1);
    expect(await stockOf(prisma, "SRM-HA-30")).toBe(before - 1);
    expect(await prisma.order.count()).toBe(orders + 1);
    for (const r of won) if (r.ok) await expireOrder(prisma, r.orderId);
  });

  it("refuses more than is in stock with a clear message, holding nothing", async () => {
    const v = await prisma.variant.findUniqueOrThrow({ where: { sku: "CLN-GEN-150" } });
    const token = await cartWith(prisma, [
      ["CLN-GEN-150", 3],
      ["SRM-HA-30", 1],
    ]);
    const serum = await stockOf(prisma, "SRM-HA-30");
    await prisma.variant.update({ where: { id: v.id }, data: { stock: 2 } });
    const orders = await prisma.order.count();
    try {
      const result = await startCheckout(prisma, token, validInput, options);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.cart).toContain("Only 2 of CLN-GEN-150 left.");
      expect(await stockOf(prisma, "CLN-GEN-150")).toBe(2);
      expect(await stockOf(prisma, "SRM-HA-30")).toBe(serum);
      // The order is written before the stock is taken (the hot row's lock is held last): it went back with the refusal.
      expect(await prisma.order.count()).toBe(orders);
    } finally {
      await prisma.variant.update({ where: { id: v.id }, data: { stock: v.stock } });
    }
  });

  it("a declined payment releases the stock; a paid one keeps it sold, empties the cart and sends one confirmation", async () => {
    const before = await stockOf(prisma, "MST-GEN-50");
    const token = await cartWith(prisma, [["MST-GEN-50", 2]]);
    const declined = await startCheckout(prisma, token, validInput, options);
    if (!declined.ok) throw new Error("checkout failed");
    expect(await stockOf(prisma, "MST-GEN-50")).toBe(before - 2);
    await applyPaymentEvent(prisma, {
      provider: "DEMO",
      eventId: `demo:${declined.orderId}:decline`,
      rawType: "demo",
      kind: "failed",
      orderId: declined.orderId,
    });
    expect(await stockOf(prisma, "MST-GEN-50")).toBe(before);
    expect((await readableOrderByConfirmationToken(prisma, declined.accessToken))!.status).toBe("CANCELLED");

    const paid = await startCheckout(prisma, token, validInput, options);
    if (!paid.ok) throw new Error("checkout failed");
    const order = (await readableOrderByConfirmationToken(prisma, paid.accessToken))!;
    const event = {
      provider: "DEMO" as const,
      eventId: `demo:${paid.orderId}:pay`,
      rawType: "demo",
      kind: "paid" as const,
      orderId: paid.orderId,
      amountCents: order.totalCents,
      currency: "USD",
    };
    expect((await applyPaymentEvent(prisma, event)).outcome).toBe("paid");
    expect((await applyPaymentEvent(prisma, event)).outcome).toBe("duplicate");
    expect(await stockOf(prisma, "MST-GEN-50")).toBe(before - 2);
    expect((await readableOrderByConfirmationToken(prisma, paid.accessToken))!.status).toBe("PAID");
    const { cartId } = await prisma.order.findUniqueOrThrow({ where: { id: paid.orderId } });
    expect(await prisma.cartItem.count({ where: { cartId: cartId! } })).toBe(0);
    // The confirmation is a job committed with the payment; the worker sends it.
    await runDueJobs(prisma);
    await runDueJobs(prisma);
    const { listOutbox } = await import("@/lib/mail");
    const mails = (await listOutbox()).filter((m) => m.subject.includes(order.number));
    expect(mails).toHaveLength(1);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: paid.orderId } })).confirmationSentAt).not.toBeNull();
  });

  it("a second checkout from the same cart releases the first one's hold", async () => {
    const before = await stockOf(prisma, "SPF-MIN-50");
    const token = await cartWith(prisma, [["SPF-MIN-50", 1]]);
    const first = await startCheckout(prisma, token, validInput, options);
    const second = await startCheckout(prisma, token, validInput, options);
    if (!first.ok || !second.ok) throw new Error("checkout failed");
    expect(await stockOf(prisma, "SPF-MIN-50")).toBe(before - 1);
    expect((await readableOrderByConfirmationToken(prisma, first.accessToken))!.status).toBe("CANCELLED");
    await expireOrder(prisma, second.orderId);
  });
});

describe("stock never oversells", () => {
  it("50 concurrent checkouts for the last 5 units sell exactly 5, every round", async () => {
    const v = await prisma.variant.findUniqueOrThrow({ where: { sku: "CRT-24-10" } });
    const rounds = 4;
    try {
      for (let round = 0; round < rounds; round++) {
        await prisma.variant.update({ where: { id: v.id }, data: { stock: 5 } });
        const carts = await Promise.all(Array.from({ length: 50 }, () => cartWith(prisma, [["CRT-24-10", 1]])));
        const results = await Promise.all(carts.map((token) => startCheckout(prisma, token, validInput, options)));
        const won = results.filter((r) => r.ok);
        const lost = results.filter((r) => !r.ok);
        expect(won, `round ${round}`).toHaveLength(5);
        for (const r of lost) if (!r.ok) expect(r.errors.cart).toMatch(/out of stock|left/);
        expect(await stockOf(prisma, "CRT-24-10")).toBe(0);
        const held = await prisma.orderItem.aggregate({ where: { sku: "CRT-24-10", order: { status: "AWAITING_PAYMENT" } }, _sum: { quantity: true } });
        expect(held._sum.quantity).toBe(5);
        for (const r of won) if (r.ok) await expireOrder(prisma, r.orderId);
        expect(await stockOf(prisma, "CRT-24-10")).toBe(5);
      }
    } finally {
      await prisma.variant.update({ where: { id: v.id }, data: { stock: v.stock } });
    }
  }, 180_000);
});
