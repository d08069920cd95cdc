import { describe, expect, it } from "vitest";
import { deliveryEstimates, deliveryTime, type ShippingMethodInfo } from "@/lib/shipping/table";
import { shippingMethods } from "@/prisma/seed-data/checkout";

// The store's own shipping table, as the seed writes it into ShippingMethod.
const table: ShippingMethodInfo[] = shippingMethods.map(({ position: _position, ...m }) => m);

describe("delivery estimate from the shipping table", () => {
  it("quotes every method's working days and price for an item below the free-delivery amount", () => {
    expect(deliveryEstimates(table, [1999])).toEqual([
      { code: "standard", name: "Standard", time: "3–5 working days", price: "$5.95", note: "Free on orders of $75.00 or more" },
      { code: "express", name: "Express", time: "1–2 working days", price: "$14.95", note: null },
    ]);
  });

  it("calls a method free only when every variant of the product reaches its free-delivery amount", () => {
    expect(deliveryEstimates(table, [11900])[0]).toMatchObject({ price: "Free", note: null });
    expect(deliveryEstimates(table, [7500])[0]).toMatchObject({ price: "Free", note: null });
    // One size under the amount: the page may show it, so the price and the amount are given.
    expect(deliveryEstimates(table, [1999, 4499, 7500])[0]).toMatchObject({ price: "$5.95", note: "Free on orders of $75.00 or more" });
    // Express has no free-delivery amount, whatever the price.
    expect(deliveryEstimates(table, [11900])[1]).toMatchObject({ price: "$14.95", note: null });
  });

  it("follows the table: a changed price, time or method shows up as it is", () => {
    const changed = [{ ...table[0]!, priceCents: 450, minDays: 2, maxDays: 2, freeOverCents: null }];
    expect(deliveryEstimates(changed, [1000])).toEqual([{ code: "standard", name: "Standard", time: "2 working days", price: "$4.50", note: null }]);
    expect(deliveryEstimates([], [1000])).toEqual([]);
  });

  it("words times in working days, never as a date", () => {
    expect(deliveryTime({ minDays: 1, maxDays: 1 })).toBe("1 working day");
    expect(deliveryTime({ minDays: 3, maxDays: 5 })).toBe("3–5 working days");
    for (const e of deliveryEstimates(table, [1000])) expect(e.time).not.toMatch(/\d{4}|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Dec/);
  });
});
