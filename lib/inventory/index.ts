// Stock that never oversells. Taking stock is one conditional UPDATE per
// variant (`stock >= qty`), run inside the caller's transaction in a fixed
// order (by variant id) so two checkouts can never deadlock; if any line
// cannot be taken the whole transaction rolls back. Variant.stock is what is
// free to sell: held and sold units are already subtracted.
import type { Prisma } from "@/lib/generated/prisma/client";

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

export async function takeStock(tx: Prisma.TransactionClient, lines: StockLine[]): Promise<void> {
  for (const line of combineLines(lines)) {
    const taken = await tx.variant.updateMany({
      where: { id: line.variantId, stock: { gte: line.quantity } },
      data: { stock: { decrement: line.quantity } },
    });
    if (taken.count === 0) {
      const v = await tx.variant.findUnique({ where: { id: line.variantId }, select: { sku: true, stock: true } });
      throw new OutOfStockError(line.variantId, v?.sku ?? line.variantId, v?.stock ?? 0);
    }
  }
}

export async function releaseStock(tx: Prisma.TransactionClient, lines: StockLine[]): Promise<void> {
  for (const line of combineLines(lines)) {
    await tx.variant.update({ where: { id: line.variantId }, data: { stock: { increment: line.quantity } } });
  }
}
