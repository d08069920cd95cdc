import { describe, expect, it } from "vitest";
import { computeTotals, discountFor, promoProblem, type Promo } from "@/lib/checkout/totals";

const standard = { code: "standard", name: "Standard", priceCents: 595, freeOverCents: 7500 };
const express = { code: "express", name: "Express", priceCents: 1495, freeOverCents: null };
const promo = (over: Partial<Promo>): Promo => ({
  code: "P",
  kind: "PERCENT",
  value: 10,
  minOrderCents: 0,
  startsAt: null,
  endsAt: null,
  maxUses: null,
  usedCount: 0,
  active: true,
  ...over,
});
const now = new Date("2026-11-25T12:00:00Z");

describe("order totals in integer cents", () => {
  it("adds lines and shipping", () => {
    expect(computeTotals([{ unitPriceCents: 1999, quantity: 2 }], standard, null)).toEqual({
      subtotalCents: 3998,
      discountCents: 0,
      shippingCents: 595,
      totalCents: 4593,
      freeShipping: false,
    });
  });

  it("ships free at the threshold with standard, never with express", () => {
    expect(computeTotals([{ unitPriceCents: 7500, quantity: 1 }], standard, null)).toMatchObject({ shippingCents: 0, totalCents: 7500, freeShipping: true });
    expect(computeTotals([{ unitPriceCents: 7499, quantity: 1 }], standard, null)).toMatchObject({ shippingCents: 595 });
    expect(computeTotals([{ unitPriceCents: 11900, quantity: 1 }], express, null)).toMatchObject({ shippingCents: 1495, totalCents: 13395 });
  });

  it("counts the free-shipping threshold after the discount", () => {
    const t = computeTotals([{ unitPriceCents: 8000, quantity: 1 }], standard, promo({ value: 10 }));
    expect(t).toMatchObject({ discountCents: 800, shippingCents: 595, totalCents: 7795 });
  });

  it("rounds percentage discounts down to the cent", () => {
    expect(discountFor(promo({ value: 15 }), 1999)).toBe(299);
  });

  it("never discounts more than the goods", () => {
    expect(computeTotals([{ unitPriceCents: 300, quantity: 1 }], express, promo({ kind: "FIXED", value: 500 }))).toMatchObject({
      discountCents: 300,
      totalCents: 1495,
    });
  });

  it("refuses lines that are not whole, positive amounts", () => {
    expect(() => computeTotals([{ unitPriceCents: 19.99, quantity: 1 }], standard, null)).toThrow();
    expect(() => computeTotals([{ unitPriceCents: 1999, quantity: 0 }], standard, null)).toThrow();
    expect(() => computeTotals([{ unitPriceCents: -1, quantity: 1 }], standard, null)).toThrow();
  });
});

describe("promo code rules", () => {
  it("accepts a valid code", () => expect(promoProblem(promo({}), 1000, now)).toBeNull());
  it("refuses an unknown code", () => expect(promoProblem(null, 1000, now)).toBe("unknown"));
  it("refuses outside its dates", () => {
    expect(promoProblem(promo({ startsAt: new Date("2026-12-01") }), 1000, now)).toBe("not-started");
    expect(promoProblem(promo({ endsAt: new Date("2026-11-01") }), 1000, now)).toBe("expired");
  });
  it("refuses below its minimum order", () => expect(promoProblem(promo({ minOrderCents: 3000 }), 2999, now)).toBe("below-minimum"));
  it("refuses when used up", () => expect(promoProblem(promo({ maxUses: 5, usedCount: 5 }), 1000, now)).toBe("used-up"));
  it("refuses when switched off", () => expect(promoProblem(promo({ active: false }), 1000, now)).toBe("inactive"));
});
