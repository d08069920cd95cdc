// Stock that never oversells. Taking stock is one conditional UPDATE per
// variant (`stock >= qty`), run inside the caller's transaction in a fixed
// order (by variant id) so two checkouts can never deadlock; if any line
// cannot be taken the whole transaction rolls back. Variant.stock is what is
// free to sell: held and sold units are already subtracted.
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordInvalidation } from "@/lib/cache/invalidate";
import { CATALOG_TAG } from "@/lib/cache/tags";
import { stockBand } from "@/lib/catalog/format";

export type StockLine = { variantId: string; quantity: number };

export class OutOfStockError extends Error {
  constructor(
    readonly variantId: string,
    readonly sku: string,
    readonly available: number,
  ) {
    super(available > 0 ? `Only ${available} of ${sku} left.` : `${sku} is out of stock.`);
  }
}

/** Sums quantities per variant: two lines of one variant are checked together. */
function combineLines(lines: StockLine[]): StockLine[] {
  const totals = new Map<string, number>();
  for (const l of lines) totals.set(l.variantId, (totals.get(l.variantId) ?? 0) + l.quantity);
  return [...totals].map(([variantId, quantity]) => ({ variantId, quantity })).sort((a, b) => a.variantId.localeCompare(b.variantId));
}

/** Answers whether cached pages were outdated (a band changed): then announceInvalidation() after the commit. */
export async function takeStock(tx: Prisma.TransactionClient, lines: StockLine[]): Promise<boolean> {
  let bandChanged = false;
  for (const line of combineLines(lines)) {
    const taken = await tx.$queryRaw<{ stock: number }[]>`
      UPDATE "Variant" SET "stock" = "stock" - ${line.quantity} WHERE "id" = ${line.variantId} AND "stock" >= ${line.quantity} RETURNING "stock"`;
    if (taken.length === 0) {
      const v = await tx.variant.findUnique({ where: { id: line.variantId }, select: { sku: true, stock: true } });
      throw new OutOfStockError(line.variantId, v?.sku ?? line.variantId, v?.stock ?? 0);
    }
    bandChanged ||= crossesBand(taken[0]!.stock + line.quantity, taken[0]!.stock);
  }
  await outdatePagesIf(tx, bandChanged);
  return bandChanged;
}

export async function releaseStock(tx: Prisma.TransactionClient, lines: StockLine[]): Promise<boolean> {
  let bandChanged = false;
  for (const line of combineLines(lines)) {
    const after = await tx.$queryRaw<{ stock: number }[]>`
      UPDATE "Variant" SET "stock" = "stock" + ${line.quantity} WHERE "id" = ${line.variantId} RETURNING "stock"`;
    if (after.length > 0) bandChanged ||= crossesBand(after[0]!.stock - line.quantity, after[0]!.stock);
  }
  await outdatePagesIf(tx, bandChanged);
  return bandChanged;
}

/** Static catalog pages show stock by band only (stockBand); a sale inside a band changes nothing there. */
export function crossesBand(before: number, after: number): boolean {
  return stockBand(before).tone !== stockBand(after).tone;
}

/**
 * A variant went in or out of stock, or became low: the cached catalog pages
 * (product page, listings' "in stock only") are out of date. Recorded in the
 * sale's own transaction; the running store reads it within a second
 * (lib/cache/invalidate.ts), and the product page's live stock is right
 * meanwhile anyway.
 */
export async function outdatePagesIf(tx: Prisma.TransactionClient, changed: boolean): Promise<void> {
  if (changed) await recordInvalidation(tx, [CATALOG_TAG]);
}
