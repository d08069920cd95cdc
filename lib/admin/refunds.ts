// The owner's refunds from the back office: give back all or part of an
// order, by lines and/or an amount, with a reason the customer sees. The
// refund itself is lib/orders/refunds.ts (requestRefundInTx); this works out
// the amount, checks the right, and reads what the order's payments panel
// shows.
//
// The amount: chosen lines are worth what was paid for them (unit price ×
// quantity, less their share of any order discount). With lines and no
// amount, the refund is their worth; when the lines chosen are every unit not
// yet refunded, it is everything still refundable (so shipping comes back
// too). An explicit amount wins when it is lower than the lines' worth (a
// partial refund of those items); with no lines, an amount alone is a
// goodwill refund. Either way it is at most what was paid, less refunds made
// or under way.
import { announceInvalidation } from "@/lib/cache/invalidate";
import { formatMoney } from "@/lib/catalog/format";
import { db as storeDb, type Db } from "@/lib/db";
import type { OrderStatus, RefundStatus } from "@/lib/generated/prisma/enums";
import { kickJobs } from "@/lib/jobs";
import { refundableCents, refundedUnits, requestRefundInTx, unitsOnHand } from "@/lib/orders/refunds";
import { ActionError } from "./actions";
import { authorize, type Actor } from "./roles";

export type RefundOrderInput = {
  orderId: string;
  reason: string;
  /** An explicit amount in cents, or null to refund what the chosen lines are worth. */
  amountCents: number | null;
  lines: { orderItemId: string; quantity: number; restock: boolean }[];
};

export type RefundOrderResult = { refundId: string; orderNumber: string; amountCents: number; currency: string };

/** What `quantity` units of a line were paid: their price less their share of the order's discount. */
export function paidValueOf(item: { unitPriceCents: number }, quantity: number, order: { subtotalCents: number; discountCents: number }): number {
  const gross = item.unitPriceCents * quantity;
  if (order.discountCents <= 0 || order.subtotalCents <= 0) return gross;
  return Math.round((gross * (order.subtotalCents - order.discountCents)) / order.subtotalCents);
}

/**
 * Refunds all or part of an order (owner only). The order row is locked for
 * the whole of it, and what is still refundable counts pending refunds, so
 * of two tabs refunding the same last money the second is refused with a
 * clear message and changes nothing.
 */
export async function refundOrder(db: Db, actor: Actor, input: RefundOrderInput): Promise<RefundOrderResult> {
  authorize(actor, "refunds");
  const lines = input.lines.filter((l) => l.quantity !== 0);
  const done = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "id" = ${input.orderId} FOR UPDATE`;
    if (!locked.length) throw new ActionError("We could not find that order.");
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      include: { items: true, refunds: { select: { status: true, amountCents: true, lines: true } } },
    });
    const left = refundableCents(order, order.refunds);
    let amount = input.amountCents;
    if (lines.length) {
      const items = new Map(order.items.map((i) => [i.id, i]));
      let worth = 0;
      for (const l of lines) {
        const item = items.get(l.orderItemId);
        if (!item) throw new ActionError("That line is not part of this order.");
        if (Number.isSafeInteger(l.quantity) && l.quantity > 0) worth += paidValueOf(item, l.quantity, order);
      }
      const refunded = refundedUnits(order.refunds);
      const chosen = new Map(lines.map((l) => [l.orderItemId, l.quantity]));
      const everyUnit = order.items.every((i) => (chosen.get(i.id) ?? 0) >= i.quantity - (refunded.get(i.id) ?? 0));
      const linesAmount = everyUnit ? left : Math.min(worth, left);
      if (amount === null) amount = linesAmount;
      else if (amount > linesAmount && amount <= left) {
        throw new ActionError(
          `The lines chosen are worth ${formatMoney(linesAmount, order.currency)}; enter that or less, or leave the amount empty. To give back more (shipping, goodwill), make a second refund with an amount and no lines.`,
          "amount",
        );
      }
    } else if (amount === null) {
      throw new ActionError("Choose the items to refund, or enter an amount.", "amount");
    }
    const refundId = await requestRefundInTx(tx, actor, { orderId: order.id, amountCents: amount, reason: input.reason, lines });
    return { refundId, orderNumber: order.number, amountCents: amount, currency: order.currency };
  });
  kickJobs();
  // A restock may have brought a variant back into stock: the catalog pages show it at once.
  await announceInvalidation();
  return done;
}

export type RefundPanelLine = {
  orderItemId: string;
  name: string;
  variantLabel: string;
  sku: string;
  unitPriceCents: number;
  quantity: number;
  /** Units refunded or being refunded. */
  refunded: number;
  /** Units still with the shop (not shipped) and not yet back in stock. */
  onHand: number;
};

export type RefundPanelRefund = {
  id: string;
  amountCents: number;
  reason: string;
  status: RefundStatus;
  requestedBy: string;
  createdAt: Date;
  settledAt: Date | null;
  failureReason: string | null;
  lines: { name: string; quantity: number; restocked: boolean }[];
};

export type RefundPanelData = {
  orderId: string;
  number: string;
  status: string;
  currency: string;
  provider: string;
  paid: boolean;
  amountPaidCents: number;
  refundedCents: number;
  pendingCents: number;
  refundableCents: number;
  /** A late payment being refunded in full by the store itself: no other refund may be made. */
  lateRefund: boolean;
  lines: RefundPanelLine[];
  refunds: RefundPanelRefund[];
};

/** What the order's "Payments and refunds" panel shows; null for no such order. */
export async function refundPanelData(db: Db, orderId: string): Promise<RefundPanelData | null> {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: orderId },
      include: {
        items: { orderBy: { id: "asc" } },
        refunds: { orderBy: { createdAt: "desc" }, include: { lines: { include: { orderItem: { select: { name: true, variantLabel: true } } } } } },
      },
    });
    if (!order) return null;
    const refunded = refundedUnits(order.refunds);
    const onHand = new Map((await unitsOnHand(tx, order)).map((l) => [l.orderItemId, l.quantity]));
    const lateRefund = (await tx.job.count({ where: { dedupeKey: `refund:${order.id}` } })) > 0;
    return {
      orderId: order.id,
      number: order.number,
      status: order.status,
      currency: order.currency,
      provider: order.paymentProvider,
      paid: order.paidAt !== null && order.amountPaidCents !== null,
      amountPaidCents: order.amountPaidCents ?? 0,
      refundedCents: order.refundedCents,
      pendingCents: order.refunds.filter((r) => r.status === "PENDING").reduce((s, r) => s + r.amountCents, 0),
      refundableCents: lateRefund ? 0 : refundableCents(order, order.refunds),
      lateRefund,
      lines: order.items.map((i) => ({
        orderItemId: i.id,
        name: i.name,
        variantLabel: i.variantLabel,
        sku: i.sku,
        unitPriceCents: i.unitPriceCents,
        quantity: i.quantity,
        refunded: refunded.get(i.id) ?? 0,
        onHand: onHand.get(i.id) ?? 0,
      })),
      refunds: order.refunds.map((r) => ({
        id: r.id,
        amountCents: r.amountCents,
        reason: r.reason,
        status: r.status,
        requestedBy: r.requestedBy,
        createdAt: r.createdAt,
        settledAt: r.settledAt,
        failureReason: r.failureReason,
        lines: r.lines.map((l) => ({ name: `${l.orderItem.name} (${l.orderItem.variantLabel})`, quantity: l.quantity, restocked: l.restocked })),
      })),
    };
  });
}

// Bound to the store's database for the back office's pages (app/ and
// components/ never import lib/db; see lib/data.ts).

/** The panel's data for an order, from the store's database. */
export function loadRefundPanel(orderId: string): Promise<RefundPanelData | null> {
  return refundPanelData(storeDb(), orderId);
}

/** The order a refund page is about, by its number ("SP-7K4Q-9XM2"); null when there is none. */
export async function refundPageOrder(number: string): Promise<{ id: string; number: string; status: OrderStatus; email: string } | null> {
  if (!/^SP-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(number)) return null;
  return storeDb().order.findUnique({ where: { number }, select: { id: true, number: true, status: true, email: true } });
}
