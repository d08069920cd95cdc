// Refunds: money given back for all or part of a paid order. A refund is
// requested here (PENDING, with the lines it covers), sent to the payment
// provider by a job ("payment.send-refund", lib/orders/refund-jobs.ts), and
// settled by the provider's refund events (applyRefundSettlement in
// lib/orders/payment-events.ts): SUCCEEDED adds to Order.refundedCents and
// mails the customer; FAILED is left for the owner to act on.
//
// What may be refunded: at most the amount paid, less what was refunded and
// what is still pending, so two refunds racing for the same money cannot both
// pass (the order row is locked while this runs). A line's units may be
// refunded at most once.
import { ActionError } from "@/lib/admin/actions";
import { recordAudit } from "@/lib/admin/audit";
import type { Actor } from "@/lib/admin/roles";
import { formatMoney } from "@/lib/catalog/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { releaseStock } from "@/lib/inventory";
import { enqueueJob } from "@/lib/jobs";
import { recordOrderEvent } from "./events";
import { shippedStatuses, type OrderStatus } from "./status";

export type RefundRequest = {
  orderId: string;
  /** Cents to give back; at most what was paid and not yet refunded (pending refunds count). */
  amountCents: number;
  reason: string;
  /** Lines refunded, with whether their units go back into stock. May be empty for an amount-only refund. */
  lines: { orderItemId: string; quantity: number; restock: boolean }[];
};

/** The longest reason a refund may carry (it is shown to the customer). */
export const MAX_REFUND_REASON = 500;

/** What the refund job's dedupe key is: one send per refund. */
export const refundSendKey = (refundId: string) => `refund-send:${refundId}`;

type RefundsOf = { status: string; amountCents: number; lines: { orderItemId: string; quantity: number; restocked: boolean }[] }[];

/** Cents still free to refund: paid, less refunded, less pending. */
export function refundableCents(order: { amountPaidCents: number | null; refundedCents: number }, refunds: RefundsOf): number {
  const pending = refunds.filter((r) => r.status === "PENDING").reduce((sum, r) => sum + r.amountCents, 0);
  return Math.max(0, (order.amountPaidCents ?? 0) - order.refundedCents - pending);
}

/** Units of each order line already refunded or being refunded (failed refunds do not count). */
export function refundedUnits(refunds: RefundsOf): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of refunds) {
    if (r.status === "FAILED") continue;
    for (const l of r.lines) out.set(l.orderItemId, (out.get(l.orderItemId) ?? 0) + l.quantity);
  }
  return out;
}

/** Units of each order line already put back into stock by a refund (whatever became of the refund). */
export function restockedUnits(refunds: RefundsOf): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of refunds) for (const l of r.lines) if (l.restocked) out.set(l.orderItemId, (out.get(l.orderItemId) ?? 0) + l.quantity);
  return out;
}

/**
 * Units of each line still with the shop and not back in stock: bought, not
 * shipped, not restocked by a refund. Shipment rows say what left; an order
 * marked shipped without any (shipped before parcels were recorded) is taken
 * to have shipped everything.
 */
export async function unitsOnHand(
  tx: Prisma.TransactionClient,
  order: { id: string; status: OrderStatus; items: { id: string; variantId: string; quantity: number }[] },
): Promise<{ orderItemId: string; variantId: string; quantity: number }[]> {
  const [shipped, refunds] = await Promise.all([
    tx.shipmentLine.groupBy({ by: ["orderItemId"], where: { shipment: { orderId: order.id } }, _sum: { quantity: true } }),
    tx.refund.findMany({ where: { orderId: order.id }, select: { status: true, amountCents: true, lines: true } }),
  ]);
  const shippedBy = new Map(shipped.map((s) => [s.orderItemId, s._sum.quantity ?? 0]));
  const allShipped = shipped.length === 0 && shippedStatuses.includes(order.status);
  const restocked = restockedUnits(refunds);
  return order.items.map((i) => {
    const left = allShipped ? 0 : i.quantity - (shippedBy.get(i.id) ?? 0);
    return { orderItemId: i.id, variantId: i.variantId, quantity: Math.max(0, left - (restocked.get(i.id) ?? 0)) };
  });
}

/** The event's actor for a back-office person or the command line. */
export function eventActor(actor: Actor): { actorKind: "STAFF" | "SYSTEM"; actorEmail: string | null } {
  return actor.kind === "staff" ? { actorKind: "STAFF", actorEmail: actor.email } : { actorKind: "SYSTEM", actorEmail: null };
}

/**
 * Inside the caller's transaction, with the order row locked by the caller:
 * records a PENDING refund, its order event and audit entry, and enqueues
 * the job that sends it to the payment provider. Returns the refund's id.
 * Callers authorize first (refunds are owner-only; a staff cancel of a paid
 * order refunds as the store, see lib/admin/orders.ts).
 *
 * Lines with `restock: true` go back into stock here (a RETURNED stock
 * adjustment naming the refund), for units that were never shipped or that
 * came back; units already restocked by an earlier refund are not counted
 * twice. A caller that releases the order's stock itself passes false.
 * Anything wrong is an ActionError (with the form field it concerns) and,
 * thrown inside the transaction, changes nothing.
 */
export async function requestRefundInTx(tx: Prisma.TransactionClient, actor: Actor, request: RefundRequest): Promise<string> {
  // Locking again in the same transaction costs nothing, and keeps a caller that forgot safe.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "id" = ${request.orderId} FOR UPDATE`;
  if (!locked.length) throw new ActionError("We could not find that order.");
  const order = await tx.order.findUniqueOrThrow({
    where: { id: request.orderId },
    include: { items: true, refunds: { select: { status: true, amountCents: true, lines: true } } },
  });
  if (!order.paidAt || order.amountPaidCents === null) throw new ActionError(`Order ${order.number} has not been paid, so there is nothing to refund.`);
  // A payment that arrived after the order closed is refunded in full by the store itself (lib/orders/late-payment.ts).
  if (await tx.job.count({ where: { dedupeKey: `refund:${order.id}` } })) {
    throw new ActionError(`The payment for order ${order.number} arrived after it closed and is already being refunded in full.`);
  }

  const reason = request.reason.trim();
  if (!reason) throw new ActionError("Enter the reason for the refund; the customer sees it.", "reason");
  if (reason.length > MAX_REFUND_REASON) throw new ActionError(`Keep the reason under ${MAX_REFUND_REASON} characters.`, "reason");
  const amount = request.amountCents;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new ActionError("Enter an amount above zero, in dollars and cents.", "amount");
  const left = refundableCents(order, order.refunds);
  if (amount > left) {
    throw new ActionError(
      left === 0
        ? `Nothing is left to refund on order ${order.number}: it has all been refunded or is being refunded.`
        : `At most ${formatMoney(left, order.currency)} can be refunded on order ${order.number} (paid, less refunds made or under way).`,
      "amount",
    );
  }

  const items = new Map(order.items.map((i) => [i.id, i]));
  const already = refundedUnits(order.refunds);
  const seen = new Set<string>();
  for (const line of request.lines) {
    const item = items.get(line.orderItemId);
    const field = `qty_${line.orderItemId}`;
    if (!item || seen.has(line.orderItemId)) throw new ActionError("That line is not part of this order.", item ? field : undefined);
    seen.add(line.orderItemId);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) throw new ActionError("Enter a whole number of units.", field);
    const free = item.quantity - (already.get(item.id) ?? 0);
    if (line.quantity > free) {
      throw new ActionError(
        free === 0 ? `Every unit of ${item.name} has already been refunded.` : `At most ${free} of ${item.name} can still be refunded.`,
        field,
      );
    }
  }

  const refund = await tx.refund.create({ data: { orderId: order.id, amountCents: amount, reason, requestedBy: actor.email } });
  const restocked = restockedUnits(order.refunds);
  const lines: { orderItemId: string; name: string; quantity: number; restocked: number }[] = [];
  for (const line of request.lines) {
    const item = items.get(line.orderItemId)!;
    const units = line.restock ? Math.min(line.quantity, item.quantity - (restocked.get(item.id) ?? 0)) : 0;
    if (units > 0) {
      await releaseStock(tx, [{ variantId: item.variantId, quantity: units }]);
      const { stock } = await tx.variant.findUniqueOrThrow({ where: { id: item.variantId }, select: { stock: true } });
      await tx.stockAdjustment.create({
        data: { variantId: item.variantId, delta: units, reason: "RETURNED", reference: refund.id, stockAfter: stock, actorEmail: actor.email },
      });
    }
    await tx.refundLine.create({ data: { refundId: refund.id, orderItemId: item.id, quantity: line.quantity, restocked: units > 0 } });
    lines.push({ orderItemId: item.id, name: `${item.name} (${item.variantLabel})`, quantity: line.quantity, restocked: units });
  }

  const money = formatMoney(amount, order.currency);
  const what = lines.length ? ` for ${lines.map((l) => `${l.quantity} × ${l.name}`).join(", ")}` : "";
  await recordOrderEvent(tx, {
    orderId: order.id,
    kind: "refund.requested",
    ...eventActor(actor),
    message: `A refund of ${money}${what} is on its way. Reason: ${reason}`,
    data: { refundId: refund.id, amountCents: amount },
    customerVisible: true,
  });
  await recordAudit(tx, actor, {
    action: "refund.create",
    subjectType: "refund",
    subjectId: refund.id,
    subjectLabel: `${order.number}: ${money}`,
    before: { orderStatus: order.status, amountPaidCents: order.amountPaidCents, refundedCents: order.refundedCents, refundableCents: left },
    after: { orderId: order.id, orderNumber: order.number, amountCents: amount, reason, status: "PENDING", lines },
  });
  await enqueueJob(tx, { kind: "payment.send-refund", payload: { refundId: refund.id }, dedupeKey: refundSendKey(refund.id), maxAttempts: 12 });
  return refund.id;
}
