// Shipping methods and promo codes the store starts with.
export const shippingMethods = [
  {
    code: "standard",
    name: "Standard",
    description: "Tracked delivery in 3 to 5 working days. Free on orders of $75 or more.",
    priceCents: 595,
    freeOverCents: 7500,
    minDays: 3,
    maxDays: 5,
    position: 0,
  },
  {
    code: "express",
    name: "Express",
    description: "Tracked delivery in 1 to 2 working days.",
    priceCents: 1495,
    freeOverCents: null,
    minDays: 1,
    maxDays: 2,
    position: 1,
  },
];

export const promoCodes = [
  {
    code: "WELCOME10",
    kind: "PERCENT" as const,
    value: 10,
    minOrderCents: 3000,
    startsAt: new Date("2026-01-01T00:00:00Z"),
    endsAt: new Date("2027-12-31T23:59:59Z"),
    maxUses: null,
  },
  { code: "SAVE5", kind: "FIXED" as const, value: 500, minOrderCents: 4000, startsAt: null, endsAt: null, maxUses: 500 },
  {
    code: "SPRING25",
    kind: "PERCENT" as const,
    value: 25,
    minOrderCents: 0,
    startsAt: new Date("2025-03-01T00:00:00Z"),
    endsAt: new Date("2025-05-31T23:59:59Z"),
    maxUses: null,
  },
];
