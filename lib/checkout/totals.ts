// Order totals, in integer cents, computed on the server from database
// prices only. Pure, so every rule is unit-tested.
import type { PromoKind } from "@/lib/generated/prisma/enums";

export type PricedLine = { unitPriceCents: number; quantity: number };
export type ShippingRate = { code: string; name: string; priceCents: number; freeOverCents: number | null };
export type Promo = {
  code: string;
  kind: PromoKind;
  value: number;
  minOrderCents: number;
  startsAt: Date | null;
  endsAt: Date | null;
  maxUses: number | null;
  usedCount: number;
  active: boolean;
};

export type Totals = {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  freeShipping: boolean;
};

export type PromoProblem = "unknown" | "inactive" | "not-started" | "expired" | "used-up" | "below-minimum";

export function promoProblem(promo: Promo | null, subtotalCents: number, now: Date): PromoProblem | null {
  if (!promo) return "unknown";
  if (!promo.active) return "inactive";
  if (promo.startsAt && now < promo.startsAt) return "not-started";
  if (promo.endsAt && now > promo.endsAt) return "expired";
  if (promo.maxUses !== null && promo.usedCount >= promo.maxUses) return "used-up";
  if (subtotalCents < promo.minOrderCents) return "below-minimum";
  return null;
}

export function promoMessage(problem: PromoProblem, promo: Promo | null): string {
  switch (problem) {
    case "unknown":
      return "We do not recognise that code. Check the spelling and try again.";
    case "inactive":
    case "expired":
      return "That code has expired.";
    case "not-started":
      return "That code is not valid yet.";
    case "used-up":
      return "That code has been used as many times as it allows.";
    case "below-minimum":
      return `That code needs an order of at least ${((promo?.minOrderCents ?? 0) / 100).toFixed(2)} before shipping.`;
  }
}

export function discountFor(promo: Promo | null, subtotalCents: number): number {
  if (!promo) return 0;
  // Percentages round down to the cent, so the discount never exceeds the stated rate.
  const raw = promo.kind === "PERCENT" ? Math.floor((subtotalCents * promo.value) / 100) : promo.value;
  return Math.max(0, Math.min(raw, subtotalCents));
}

export function computeTotals(lines: PricedLine[], shipping: ShippingRate, promo: Promo | null): Totals {
  for (const l of lines) {
    if (!Number.isInteger(l.unitPriceCents) || !Number.isInteger(l.quantity) || l.unitPriceCents < 0 || l.quantity < 1) {
      throw new Error("Invalid order line.");
    }
  }
  const subtotalCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantity, 0);
  const discountCents = discountFor(promo, subtotalCents);
  const goods = subtotalCents - discountCents;
  // The free-shipping threshold counts what the customer pays for the goods, after the discount.
  const freeShipping = shipping.freeOverCents !== null && goods >= shipping.freeOverCents;
  const shippingCents = freeShipping ? 0 : shipping.priceCents;
  return { subtotalCents, discountCents, shippingCents, totalCents: goods + shippingCents, freeShipping };
}
