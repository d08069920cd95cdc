// Stock in the back office: what each variant has, where the rest of it is,
// and the changes people make to it, kept as a history.
//
// The figures, per variant (Variant.stock is the first; the others are read
// from orders, never stored twice):
//   free           Variant.stock: what a shopper can buy now. Checkout takes
//                  from it (lib/inventory), and adjustments here change it.
//   held           units in checkouts waiting for payment (orders
//                  AWAITING_PAYMENT); they go back to free when the hold
//                  expires and the sweeper cancels the order.
//   awaiting       paid units not yet shipped (orders PAID or PACKED, less
//                  shipment lines and refunded units): still on the shelf.
//   on hand        free + held + awaiting: what should be on the shelf.
//   sold           units of paid orders (PAID, PACKED, SHIPPED, DELIVERED, and
//                  REFUNDED orders that had shipped), less refunded units.
// A count correction takes the counted FREE quantity (shelf count less held
// and awaiting), so the figure a shopper sees is the one the person set.
import { announceInvalidation } from "@/lib/cache/invalidate";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StockReason } from "@/lib/generated/prisma/enums";
import { crossesBand, outdatePagesIf } from "@/lib/inventory";
import { ActionError } from "./actions";
import { recordAudit } from "./audit";
import { authorize, type Actor } from "./roles";

export const STOCK_PAGE_SIZE = 50;
/** The most one adjustment may add or remove, and the most a variant may hold. */
export const MAX_ADJUSTMENT = 100_000;
export const MAX_STOCK = 1_000_000;
export const MAX_THRESHOLD = 10_000;
export const MAX_REFERENCE = 80;

export const stockReasons = ["RECEIVED", "DAMAGED", "COUNT_CORRECTION", "RETURNED"] as const satisfies readonly StockReason[];

export const reasonLabels: Record<StockReason, string> = {
  RECEIVED: "Received",
  DAMAGED: "Damaged",
  COUNT_CORRECTION: "Count correction",
  RETURNED: "Returned",
};

export type StockFigures = { free: number; held: number; awaiting: number; onHand: number; sold: number };

type OrderFigures = { held: number; awaiting: number; sold: number };

/** Held, awaiting shipment and sold units of these variants, read from their orders. */
async function orderFigures(db: Db | Prisma.TransactionClient, variantIds: string[]): Promise<Map<string, OrderFigures>> {
  const out = new Map<string, OrderFigures>();
  if (variantIds.length === 0) return out;
  const rows = await db.$queryRaw<{ variantId: string; held: number; awaiting: number; sold: number }[]>`
    SELECT oi."variantId",
      COALESCE(SUM(CASE WHEN o."status" = 'AWAITING_PAYMENT' THEN oi."quantity" ELSE 0 END), 0)::int AS "held",
      COALESCE(SUM(CASE WHEN o."status" IN ('PAID', 'PACKED')
        THEN GREATEST(oi."quantity" - COALESCE(s."q", 0) - COALESCE(r."q", 0), 0) ELSE 0 END), 0)::int AS "awaiting",
      COALESCE(SUM(CASE WHEN o."status" IN ('PAID', 'PACKED', 'SHIPPED', 'DELIVERED') OR (o."status" = 'REFUNDED' AND o."shippedAt" IS NOT NULL)
        THEN GREATEST(oi."quantity" - COALESCE(r."q", 0), 0) ELSE 0 END), 0)::int AS "sold"
    FROM "OrderItem" oi
    JOIN "Order" o ON o."id" = oi."orderId"
    LEFT JOIN LATERAL (SELECT SUM(sl."quantity") AS "q" FROM "ShipmentLine" sl WHERE sl."orderItemId" = oi."id") s ON TRUE
    LEFT JOIN LATERAL (
      SELECT SUM(rl."quantity") AS "q" FROM "RefundLine" rl JOIN "Refund" rf ON rf."id" = rl."refundId"
      WHERE rl."orderItemId" = oi."id" AND rf."status" <> 'FAILED'
    ) r ON TRUE
    WHERE oi."variantId" = ANY(${variantIds})
      AND o."status" IN ('AWAITING_PAYMENT', 'PAID', 'PACKED', 'SHIPPED', 'DELIVERED', 'REFUNDED')
    GROUP BY oi."variantId"`;
  for (const r of rows) out.set(r.variantId, { held: r.held, awaiting: r.awaiting, sold: r.sold });
  return out;
}

function figures(free: number, o: OrderFigures | undefined): StockFigures {
  const held = o?.held ?? 0;
  const awaiting = o?.awaiting ?? 0;
  return { free, held, awaiting, onHand: free + held + awaiting, sold: o?.sold ?? 0 };
}

export type StockRow = StockFigures & {
  variantId: string;
  productName: string;
  variantLabel: string;
  sku: string;
  productActive: boolean;
  threshold: number;
  low: boolean;
};

export type StockOverview = { rows: StockRow[]; total: number; page: number; pages: number; q: string; low: boolean };

/** Every variant with its figures: searched by product name, variant label or SKU; only the low ones when `low`. */
export async function stockOverview(db: Db, actor: Actor | null, input: { q?: string; low?: boolean; page?: number }): Promise<StockOverview> {
  authorize(actor, "stock.read");
  const q = (input.q ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 80);
  const low = Boolean(input.low);
  const where: Prisma.VariantWhereInput = {
    AND: [
      q
        ? {
            OR: [
              { sku: { contains: q, mode: "insensitive" } },
              { label: { contains: q, mode: "insensitive" } },
              { product: { name: { contains: q, mode: "insensitive" } } },
            ],
          }
        : {},
      low ? { stock: { lte: db.variant.fields.lowStockThreshold } } : {},
    ],
  };
  const total = await db.variant.count({ where });
  const pages = Math.max(1, Math.ceil(total / STOCK_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1) || 1), pages);
  const variants = await db.variant.findMany({
    where,
    orderBy: low
      ? [{ stock: "asc" }, { product: { name: "asc" } }, { position: "asc" }, { sku: "asc" }]
      : [{ product: { name: "asc" } }, { position: "asc" }, { sku: "asc" }],
    skip: (page - 1) * STOCK_PAGE_SIZE,
    take: STOCK_PAGE_SIZE,
    select: { id: true, sku: true, label: true, stock: true, lowStockThreshold: true, product: { select: { name: true, active: true } } },
  });
  const fromOrders = await orderFigures(
    db,
    variants.map((v) => v.id),
  );
  const rows = variants.map((v) => ({
    variantId: v.id,
    productName: v.product.name,
    variantLabel: v.label,
    sku: v.sku,
    productActive: v.product.active,
    threshold: v.lowStockThreshold,
    low: v.stock <= v.lowStockThreshold,
    ...figures(v.stock, fromOrders.get(v.id)),
  }));
  return { rows, total, page, pages, q, low };
}

export type StockHold = { orderId: string; orderNumber: string; quantity: number; expiresAt: Date; lapsed: boolean };
export type StockHistoryLine = {
  id: string;
  at: Date;
  actorEmail: string;
  reason: StockReason;
  reference: string | null;
  delta: number;
  stockAfter: number;
};

export type VariantStock = StockFigures & {
  variantId: string;
  productName: string;
  productSlug: string;
  productActive: boolean;
  variantLabel: string;
  sku: string;
  threshold: number;
  low: boolean;
  holds: StockHold[];
  history: StockHistoryLine[];
};

export const HISTORY_SHOWN = 100;

/** One variant's figures, the checkouts holding it (soonest expiry first) and its adjustments (newest first); null if there is no such variant. */
export async function variantStock(db: Db, actor: Actor | null, variantId: string, now = new Date()): Promise<VariantStock | null> {
  authorize(actor, "stock.read");
  const v = await db.variant.findUnique({
    where: { id: variantId },
    select: { id: true, sku: true, label: true, stock: true, lowStockThreshold: true, product: { select: { name: true, slug: true, active: true } } },
  });
  if (!v) return null;
  const [fromOrders, holdItems, history] = await Promise.all([
    orderFigures(db, [v.id]),
    db.orderItem.findMany({
      where: { variantId: v.id, order: { status: "AWAITING_PAYMENT" } },
      select: { quantity: true, order: { select: { id: true, number: true, holdExpiresAt: true } } },
    }),
    db.stockAdjustment.findMany({ where: { variantId: v.id }, orderBy: [{ at: "desc" }, { id: "desc" }], take: HISTORY_SHOWN }),
  ]);
  const holds = new Map<string, StockHold>();
  for (const item of holdItems) {
    const existing = holds.get(item.order.id);
    if (existing) existing.quantity += item.quantity;
    else
      holds.set(item.order.id, {
        orderId: item.order.id,
        orderNumber: item.order.number,
        quantity: item.quantity,
        expiresAt: item.order.holdExpiresAt,
        lapsed: item.order.holdExpiresAt.getTime() < now.getTime(),
      });
  }
  return {
    variantId: v.id,
    productName: v.product.name,
    productSlug: v.product.slug,
    productActive: v.product.active,
    variantLabel: v.label,
    sku: v.sku,
    threshold: v.lowStockThreshold,
    low: v.stock <= v.lowStockThreshold,
    ...figures(v.stock, fromOrders.get(v.id)),
    holds: [...holds.values()].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime()),
    history: history.map((h) => ({
      id: h.id.toString(),
      at: h.at,
      actorEmail: h.actorEmail,
      reason: h.reason,
      reference: h.reference,
      delta: h.delta,
      stockAfter: h.stockAfter,
    })),
  };
}

export type AdjustInput = {
  variantId: string;
  reason: StockReason;
  /** RECEIVED and RETURNED: above 0; DAMAGED: below 0. */
  delta?: number;
  /** COUNT_CORRECTION: the counted free quantity; the delta is worked out from it. */
  countedTo?: number;
  reference?: string | null;
};

export type AdjustResult = { variantId: string; sku: string; before: number; after: number; delta: number; reason: StockReason };

const isWhole = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n);

/** The change this adjustment makes, or an ActionError (on the quantity field) a person can act on. */
function deltaOf(input: AdjustInput, current: number): number {
  const { reason } = input;
  if (reason === "COUNT_CORRECTION") {
    if (!isWhole(input.countedTo) || input.countedTo < 0)
      throw new ActionError("Enter the counted quantity free to sell, as a whole number (0 or more).", "quantity");
    if (input.countedTo > MAX_STOCK) throw new ActionError(`A variant can hold at most ${MAX_STOCK.toLocaleString("en-US")} units.`, "quantity");
    return input.countedTo - current;
  }
  const delta = input.delta;
  if (!isWhole(delta)) throw new ActionError("Enter a whole number of units.", "quantity");
  if (Math.abs(delta) > MAX_ADJUSTMENT) throw new ActionError(`One adjustment can change at most ${MAX_ADJUSTMENT.toLocaleString("en-US")} units.`, "quantity");
  if (reason === "RECEIVED" && delta <= 0) throw new ActionError("Enter how many units arrived (1 or more).", "quantity");
  if (reason === "RETURNED" && delta <= 0) throw new ActionError("Enter how many units came back to the shelf (1 or more).", "quantity");
  if (reason === "DAMAGED" && delta >= 0) throw new ActionError("Enter how many units were damaged (1 or more).", "quantity");
  return delta;
}

/**
 * Changes a variant's free stock for a reason, with an optional reference
 * (a delivery note, a return's order number). The variant's row is locked
 * first, so two people adjusting at once are applied one after the other and
 * both count. Free stock never goes below 0: that is refused and nothing
 * changes.
 */
export async function adjustStock(db: Db, actor: Actor | null, input: AdjustInput): Promise<AdjustResult> {
  authorize(actor, "stock.write");
  if (!stockReasons.includes(input.reason)) throw new ActionError("Choose a reason.", "reason");
  const reference = input.reference?.trim() || null;
  if (reference && (reference.length > MAX_REFERENCE || /[\u0000-\u001f\u007f]/.test(reference))) {
    throw new ActionError(`Keep the reference under ${MAX_REFERENCE} characters, in plain text.`, "reference");
  }
  const { result, bandChanged } = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; sku: string; stock: number }[]>`
      SELECT "id", "sku", "stock" FROM "Variant" WHERE "id" = ${input.variantId} FOR UPDATE`;
    const variant = locked[0];
    if (!variant) throw new ActionError("We could not find that variant. It may have been removed.");
    const delta = deltaOf(input, variant.stock);
    const after = variant.stock + delta;
    if (after < 0) {
      throw new ActionError(
        variant.stock === 0
          ? "Nothing is free to sell, so nothing can be taken off. Units held by checkouts or waiting to ship cannot be written off here."
          : `Only ${variant.stock} ${variant.stock === 1 ? "unit is" : "units are"} free to sell, so at most ${variant.stock} can be taken off. Units held by checkouts or waiting to ship cannot be written off here.`,
        "quantity",
      );
    }
    if (after > MAX_STOCK) throw new ActionError(`A variant can hold at most ${MAX_STOCK.toLocaleString("en-US")} units.`, "quantity");
    if (delta !== 0) await tx.variant.update({ where: { id: variant.id }, data: { stock: after } });
    await tx.stockAdjustment.create({
      data: { variantId: variant.id, delta, reason: input.reason, reference, stockAfter: after, actorEmail: actor.email },
    });
    await recordAudit(tx, actor, {
      action: "stock.adjust",
      subjectType: "variant",
      subjectId: variant.id,
      subjectLabel: variant.sku,
      before: { stock: variant.stock },
      after: { stock: after, delta, reason: input.reason, reference },
    });
    const changed = crossesBand(variant.stock, after);
    await outdatePagesIf(tx, changed);
    return { result: { variantId: variant.id, sku: variant.sku, before: variant.stock, after, delta, reason: input.reason }, bandChanged: changed };
  });
  if (bandChanged) await announceInvalidation();
  return result;
}

/** Sets the free quantity at or below which the variant is listed as low. */
export async function setLowStockThreshold(
  db: Db,
  actor: Actor | null,
  input: { variantId: string; threshold: number },
): Promise<{ sku: string; before: number; after: number }> {
  authorize(actor, "stock.write");
  const { threshold } = input;
  if (!isWhole(threshold) || threshold < 0 || threshold > MAX_THRESHOLD) {
    throw new ActionError(`Enter a whole number from 0 to ${MAX_THRESHOLD.toLocaleString("en-US")}.`, "threshold");
  }
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; sku: string; lowStockThreshold: number }[]>`
      SELECT "id", "sku", "lowStockThreshold" FROM "Variant" WHERE "id" = ${input.variantId} FOR UPDATE`;
    const variant = locked[0];
    if (!variant) throw new ActionError("We could not find that variant. It may have been removed.");
    if (variant.lowStockThreshold !== threshold) {
      await tx.variant.update({ where: { id: variant.id }, data: { lowStockThreshold: threshold } });
      await recordAudit(tx, actor, {
        action: "stock.threshold",
        subjectType: "variant",
        subjectId: variant.id,
        subjectLabel: variant.sku,
        before: { lowStockThreshold: variant.lowStockThreshold },
        after: { lowStockThreshold: threshold },
      });
    }
    return { sku: variant.sku, before: variant.lowStockThreshold, after: threshold };
  });
}
