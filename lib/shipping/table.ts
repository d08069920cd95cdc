// The shipping table as the shop's pages describe it: the same ShippingMethod
// rows checkout charges from (lib/checkout/start.ts), so the shipping page and
// a product page's delivery estimate can never quote another price or time.
//
// Everything a page prints is worded in working days, never as a date: catalog
// pages are static HTML kept in the page cache (docs/decisions/0014), and a
// date worked out today would be wrong tomorrow on the same cached page.
import type { Db } from "@/lib/db";
import { formatMoney } from "@/lib/catalog/format";

export type ShippingMethodInfo = {
  code: string;
  name: string;
  description: string;
  priceCents: number;
  /** Orders whose goods reach this amount ship free; null = never. */
  freeOverCents: number | null;
  minDays: number;
  maxDays: number;
};

/** The methods checkout offers, in the store's order. */
export async function loadShippingTable(prisma: Pick<Db, "shippingMethod">): Promise<ShippingMethodInfo[]> {
  const rows = await prisma.shippingMethod.findMany({ where: { active: true }, orderBy: [{ position: "asc" }, { code: "asc" }] });
  return rows.map((m) => ({
    code: m.code,
    name: m.name,
    description: m.description,
    priceCents: m.priceCents,
    freeOverCents: m.freeOverCents,
    minDays: m.minDays,
    maxDays: m.maxDays,
  }));
}

/** "3–5 working days", "1 working day". */
export function deliveryTime(m: Pick<ShippingMethodInfo, "minDays" | "maxDays">): string {
  if (m.minDays === m.maxDays) return `${m.minDays} working ${m.minDays === 1 ? "day" : "days"}`;
  return `${m.minDays}–${m.maxDays} working days`;
}

export type DeliveryEstimate = {
  code: string;
  name: string;
  /** "3–5 working days" */
  time: string;
  /** "$5.95" or "Free" */
  price: string;
  /** What else the customer should know: "Free on orders of $75.00 or more", or null. */
  note: string | null;
};

/**
 * What each method costs and takes for one product on its own. `prices` are
 * the product's variant prices in cents: the page switches between variants in
 * the browser, so a method is called free only when every variant alone
 * reaches its free-shipping threshold; otherwise the threshold is named.
 */
export function deliveryEstimates(table: ShippingMethodInfo[], prices: number[]): DeliveryEstimate[] {
  return table.map((m) => {
    const threshold = m.freeOverCents;
    const freeForThis = threshold !== null && prices.length > 0 && prices.every((p) => p >= threshold);
    return {
      code: m.code,
      name: m.name,
      time: deliveryTime(m),
      price: freeForThis || m.priceCents === 0 ? "Free" : formatMoney(m.priceCents),
      note: threshold !== null && !freeForThis && m.priceCents > 0 ? `Free on orders of ${formatMoney(threshold)} or more` : null,
    };
  });
}
