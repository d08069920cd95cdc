// The checkout page's summary (lib/checkout/quote.ts) is priced by the code
// that prices the order: for every method, each kind of promo code and both
// sides of the free-shipping threshold, the quote is what startCheckout then
// writes on the order. A refused code is refused with the same words, and
// nothing but the method and the code reaches the price.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROMO_TRIES, quoteCheckout } from "@/lib/checkout/quote";
import { startCheckout } from "@/lib/checkout/start";
import { demoGateway } from "@/lib/payments/demo";
import { promoCodes, shippingMethods } from "@/prisma/seed-data/checkout";
import { cartWith, validInput } from "../support/checkout";
import { testDb } from "../support/db";
import { expireOrder, tempOutbox } from "../support/orders";

const prisma = testDb();
// Inside every seeded code's window but SPRING25's (March to May 2025).
const now = new Date("2026-06-15T12:00:00Z");
const options = { baseUrl: "http://store.test", gateway: demoGateway, now };
let outbox: ReturnType<typeof tempOutbox>;

beforeAll(() => {
  outbox = tempOutbox();
});
afterAll(async () => {
  outbox.restore();
  await prisma.$disconnect();
});

async function priceOf(sku: string): Promise<number> {
  return (await prisma.variant.findUniqueOrThrow({ where: { sku } })).priceCents;
}

/** The totals the seeded method and code make of a subtotal, worked out here from the seed's own rows. */
function expectedTotals(subtotalCents: number, methodCode: string, code: string | null) {
  const method = shippingMethods.find((m) => m.code === methodCode)!;
  const promo = promoCodes.find((p) => p.code === code);
  const discountCents = !promo ? 0 : promo.kind === "PERCENT" ? Math.floor((subtotalCents * promo.value) / 100) : Math.min(promo.value, subtotalCents);
  const goods = subtotalCents - discountCents;
  const freeShipping = method.freeOverCents !== null && goods >= method.freeOverCents;
  const shippingCents = freeShipping ? 0 : method.priceCents;
  return { subtotalCents, discountCents, shippingCents, totalCents: goods + shippingCents, freeShipping };
}

describe("the checkout summary's quote", () => {
  const standard = shippingMethods.find((m) => m.code === "standard")!;
  const cases: { lines: [string, number][]; method: string; code: string | null }[] = [
    { lines: [["SRM-HA-30", 2]], method: "standard", code: null },
    { lines: [["SRM-HA-30", 2]], method: "express", code: null },
    { lines: [["SRM-HA-30", 4]], method: "standard", code: null },
    { lines: [["SRM-HA-30", 4]], method: "express", code: null },
    { lines: [["SRM-HA-30", 2]], method: "standard", code: "SAVE5" },
    { lines: [["CRT-16-10", 4]], method: "standard", code: "WELCOME10" },
    { lines: [["SRM-HA-30", 4]], method: "express", code: "WELCOME10" },
    { lines: [["SRM-HA-30", 4]], method: "standard", code: "WELCOME10" },
  ];

  it("is what the order started from it is created with, for each method, kind of code and side of the free-shipping threshold", async () => {
    const seen = { free: 0, charged: 0, overThresholdButDiscountedUnder: 0 };
    for (const c of cases) {
      const what = `${c.lines.map((l) => l.join("×")).join(",")} ${c.method} ${c.code ?? "no code"}`;
      const subtotalCents = (await Promise.all(c.lines.map(async ([sku, qty]) => (await priceOf(sku)) * qty))).reduce((a, b) => a + b, 0);
      const expected = expectedTotals(subtotalCents, c.method, c.code);
      const token = await cartWith(prisma, c.lines);
      // Typed as a shopper would: lower case, spaces around.
      const choice = { shippingMethod: c.method, promoCode: c.code ? ` ${c.code.toLowerCase()} ` : "" };

      const quoted = await quoteCheckout(prisma, token, choice, null, now);
      expect(quoted.ok, what).toBe(true);
      if (!quoted.ok) continue;
      const q = quoted.quote;
      expect(q, what).toMatchObject({ ...expected, promoCode: c.code, errors: {} });
      expect(q.shipping?.code, what).toBe(c.method);
      expect(
        q.lines.reduce((s, l) => s + l.lineTotalCents, 0),
        what,
      ).toBe(subtotalCents);

      const started = await startCheckout(prisma, token, { ...validInput, ...choice }, options);
      expect(started.ok, what).toBe(true);
      if (!started.ok) continue;
      const order = await prisma.order.findUniqueOrThrow({ where: { id: started.orderId } });
      expect(
        { subtotalCents: order.subtotalCents, discountCents: order.discountCents, shippingCents: order.shippingCents, totalCents: order.totalCents },
        what,
      ).toEqual({ subtotalCents: q.subtotalCents, discountCents: q.discountCents, shippingCents: q.shippingCents, totalCents: q.totalCents });
      expect(order.promoCode, what).toBe(q.promoCode);
      expect(order.shippingMethodCode, what).toBe(q.shipping?.code);
      await expireOrder(prisma, order.id);

      if (q.freeShipping) seen.free++;
      else seen.charged++;
      if (c.method === "standard" && subtotalCents >= standard.freeOverCents! && !q.freeShipping) seen.overThresholdButDiscountedUnder++;
    }
    // The cases cross the threshold both ways, including a discount taking the goods back under it.
    expect(seen.free).toBeGreaterThan(0);
    expect(seen.charged).toBeGreaterThan(0);
    expect(seen.overThresholdButDiscountedUnder).toBeGreaterThan(0);
  });

  it("prices a refused code as no code, with the words starting checkout refuses it with", async () => {
    const later = new Date(now.getTime() + 86_400_000);
    const temporary = [
      { code: "QUOTE-USEDUP", kind: "FIXED" as const, value: 100, minOrderCents: 0, maxUses: 1, usedCount: 1 },
      { code: "QUOTE-LATER", kind: "FIXED" as const, value: 100, minOrderCents: 0, startsAt: later },
      { code: "QUOTE-OFF", kind: "PERCENT" as const, value: 50, minOrderCents: 0, active: false },
    ];
    await prisma.promoCode.createMany({ data: temporary });
    try {
      const token = await cartWith(prisma, [["SRM-HA-30", 1]]);
      const plain = await quoteCheckout(prisma, token, { shippingMethod: "standard" }, null, now);
      if (!plain.ok) throw new Error(plain.formError);
      const refused: [code: string, message: RegExp][] = [
        ["SPRING25", /expired/],
        ["NO-SUCH-CODE", /do not recognise/],
        ["SAVE5", /at least 40\.00/], // its minimum is above this cart's subtotal
        ["bad code!", /do not recognise/],
        ["QUOTE-USEDUP", /used as many times/],
        ["QUOTE-LATER", /not valid yet/],
        ["QUOTE-OFF", /expired/],
      ];
      for (const [code, message] of refused) {
        const quoted = await quoteCheckout(prisma, token, { shippingMethod: "standard", promoCode: code }, null, now);
        expect(quoted.ok, code).toBe(true);
        if (!quoted.ok) continue;
        expect(quoted.quote.errors.promoCode, code).toMatch(message);
        expect(quoted.quote, code).toMatchObject({ promoCode: null, discountCents: 0, totalCents: plain.quote.totalCents });

        const started = await startCheckout(prisma, token, { ...validInput, promoCode: code }, options);
        expect(started, code).toEqual({ ok: false, errors: { promoCode: quoted.quote.errors.promoCode } });
      }
    } finally {
      await prisma.promoCode.deleteMany({ where: { code: { in: temporary.map((p) => p.code) } } });
    }
  });

  it("reads nothing from the client but the method and the code", async () => {
    const token = await cartWith(prisma, [["SRM-HA-30", 2]]);
    const honest = await quoteCheckout(prisma, token, { shippingMethod: "express", promoCode: "SAVE5" }, null, now);
    const forged = await quoteCheckout(
      prisma,
      token,
      {
        shippingMethod: "express",
        promoCode: "SAVE5",
        priceCents: "1",
        unitPriceCents: "1",
        subtotalCents: "1",
        discountCents: "99999",
        shippingCents: "0",
        totalCents: "1",
        freeShipping: "true",
        lines: "[]",
      },
      null,
      now,
    );
    expect(forged).toEqual(honest);
    expect(honest.ok && honest.quote.totalCents).toBe(expectedTotals(2 * (await priceOf("SRM-HA-30")), "express", "SAVE5").totalCents);
  });

  it("reads the method's price from the database each time", async () => {
    const token = await cartWith(prisma, [["SRM-HA-30", 1]]);
    const before = await quoteCheckout(prisma, token, { shippingMethod: "express" }, null, now);
    await prisma.shippingMethod.update({ where: { code: "express" }, data: { priceCents: { increment: 100 } } });
    try {
      const after = await quoteCheckout(prisma, token, { shippingMethod: "express" }, null, now);
      expect(before.ok && after.ok).toBe(true);
      if (!before.ok || !after.ok) return;
      expect(after.quote.shippingCents).toBe(before.quote.shippingCents + 100);
      expect(after.quote.totalCents).toBe(before.quote.totalCents + 100);
    } finally {
      await prisma.shippingMethod.update({ where: { code: "express" }, data: { priceCents: { decrement: 100 } } });
    }
  });

  it("says when the method is not one the store offers, and prices the goods alone", async () => {
    const token = await cartWith(prisma, [["SRM-HA-30", 1]]);
    for (const method of ["teleport", "../standard", ""]) {
      const quoted = await quoteCheckout(prisma, token, { shippingMethod: method, promoCode: "" }, null, now);
      expect(quoted.ok, method).toBe(true);
      if (!quoted.ok) continue;
      expect(quoted.quote, method).toMatchObject({ shipping: null, shippingCents: 0, totalCents: await priceOf("SRM-HA-30") });
      expect(quoted.quote.errors.shippingMethod, method).toMatch(/shipping method/);
    }
  });

  it("has nothing to quote for an empty or unknown cart", async () => {
    expect(await quoteCheckout(prisma, null, { shippingMethod: "standard" }, null, now)).toEqual({ ok: false, formError: "Your cart is empty." });
    expect(await quoteCheckout(prisma, "A".repeat(43), { shippingMethod: "standard" }, null, now)).toEqual({ ok: false, formError: "Your cart is empty." });
  });

  it("stops looking codes up after too many refused ones from one address or one cart, on every path, so a right guess looks like a wrong one", async () => {
    const ip = "203.0.113.77";
    await prisma.rateLimitBucket.deleteMany({ where: { key: { startsWith: "promo:" } } });
    try {
      // Refused codes from one address, each from a new cart, through the summary and through checkout.
      for (let i = 0; i < PROMO_TRIES.limit; i++) {
        const token = await cartWith(prisma, [["SRM-HA-30", 2]]);
        const code = `GUESS${i}`;
        if (i % 2) {
          const quoted = await quoteCheckout(prisma, token, { shippingMethod: "standard", promoCode: code }, ip, now);
          expect(quoted.ok && quoted.quote.errors.promoCode, code).toMatch(/do not recognise/);
        } else {
          const started = await startCheckout(prisma, token, { ...validInput, promoCode: code }, { ...options, clientIp: ip });
          expect(started.ok === false && started.errors.promoCode, code).toMatch(/do not recognise/);
        }
      }
      // Now a real code from that address is not looked up: the same refusal whichever code, no discount.
      const token = await cartWith(prisma, [["SRM-HA-30", 2]]);
      for (const code of ["SAVE5", "NO-SUCH-CODE"]) {
        const quoted = await quoteCheckout(prisma, token, { shippingMethod: "standard", promoCode: code }, ip, now);
        expect(quoted.ok, code).toBe(true);
        if (!quoted.ok) continue;
        expect(quoted.quote.errors.promoCode, code).toMatch(
          /^Too many codes have been tried\. Please try again in \d+ minutes?, or continue without a code\.$/,
        );
        expect(quoted.quote, code).toMatchObject({ promoCode: null, discountCents: 0 });
        const started = await startCheckout(prisma, token, { ...validInput, promoCode: code }, { ...options, clientIp: ip });
        expect(started, code).toEqual({ ok: false, errors: { promoCode: quoted.quote.errors.promoCode } });
      }
      // Without a code, that address still checks out; another address still gets its discount.
      expect((await quoteCheckout(prisma, token, { shippingMethod: "standard" }, ip, now)).ok).toBe(true);
      const other = await quoteCheckout(
        prisma,
        await cartWith(prisma, [["SRM-HA-30", 2]]),
        { shippingMethod: "standard", promoCode: "SAVE5" },
        "198.51.100.9",
        now,
      );
      expect(other.ok && other.quote.promoCode).toBe("SAVE5");

      // One cart is limited on its own too, whatever address it comes from (a server that knows none).
      const cart = await cartWith(prisma, [["SRM-HA-30", 2]]);
      for (let i = 0; i < PROMO_TRIES.limit; i++) await quoteCheckout(prisma, cart, { shippingMethod: "standard", promoCode: `CART${i}` }, null, now);
      const limited = await quoteCheckout(prisma, cart, { shippingMethod: "standard", promoCode: "SAVE5" }, null, now);
      expect(limited.ok && limited.quote.errors.promoCode).toMatch(/^Too many codes/);
    } finally {
      await prisma.rateLimitBucket.deleteMany({ where: { key: { startsWith: "promo:" } } });
    }
  });
});
