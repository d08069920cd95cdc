// The one code path every payment outcome takes, from Stripe's webhook or
// the demo payment page. Each event is recorded by its provider event id in
// the same transaction as its effect, so a duplicate does nothing, and the
// order row is locked so events for one order apply one at a time. The rules
// below reach the same final state whatever order the events arrive in.
//
// What follows a change (the confirmation mail, expiring a Stripe session, a
// refund and the mail that tells the customer) is enqueued as a job in the
// same transaction (lib/jobs), so it exists exactly when the change commits.
//
// Money moves once: a cart has one live checkout at a time (a new one
// supersedes the old inside the hold transaction, serialised on the cart row,
// see `supersedeUnpaidOrders`), and a payment that still arrives for an order
// no longer awaiting payment is refunded and the customer told, except a
// plain expiry whose stock is still there and whose cart has no newer live
// checkout: that one is reinstated (docs/decisions/0004-durable-side-effects.md).
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActorKind, CancelCause, PaymentProvider } from "@/lib/generated/prisma/enums";
import { formatMoney } from "@/lib/catalog/format";
import { releaseStock, takeStock, OutOfStockError } from "@/lib/inventory";
import { enqueueJob, kickJobs } from "@/lib/jobs";
import { loadBuyer, mayBuy } from "@/lib/professional/eligibility";
import { recordOrderEvent } from "./events";
import { unitsOnHand } from "./refunds";
import { assertTransition, paidStatuses, type OrderStatus } from "./status";

export type PaymentEventInput = {
  provider: PaymentProvider;
  /** The provider's event id: the key that makes delivery idempotent. */
  eventId: string;
  /** A provider event type, kept for the record. */
  rawType: string;
  kind: "paid" | "pending" | "failed" | "expired" | "refunded";
  orderId: string;
  amountCents?: number;
  currency?: string;
  /** The provider's payment reference (a Stripe Checkout Session id) the event is about. */
  reference?: string;
  /**
   * The store itself ends the payment (its hold lapsed): the provider is told
   * to stop taking it, through a job. Not for the provider's own "expired".
   */
  stopAtProvider?: boolean;
};

export type PaymentEventResult = {
  outcome:
    | "duplicate"
    | "unknown-order"
    | "paid"
    | "reinstated"
    | "late-payment-refunded"
    | "amount-mismatch"
    | "pending"
    | "cancelled"
    | "refunded"
    | "no-change"
    | "refund-succeeded"
    | "refund-failed"
    | "unknown-refund";
  orderId: string | null;
  status: OrderStatus | null;
};

/** How long a delayed payment method (bank debit) may take before the hold lapses. */
const PENDING_HOLD_MS = 1000 * 60 * 60 * 24 * 7;

export async function applyPaymentEvent(prisma: Db, event: PaymentEventInput): Promise<PaymentEventResult> {
  const result = await recordPaymentEvent(prisma, event);
  // The jobs this event enqueued are committed now: deliver them without waiting for the poll.
  kickJobs();
  return result;
}

async function recordPaymentEvent(prisma: Db, event: PaymentEventInput): Promise<PaymentEventResult> {
  return prisma.$transaction(async (tx) => {
    // Lock the order's cart, then the order, then record the event. The cart
    // first, in the same order as checkout takes them, so a payment and a new
    // checkout from that cart never both go ahead (and never deadlock).
    // Concurrent deliveries of one event queue on the locks, and the later
    // ones find its id taken.
    const cart = await tx.$queryRaw<{ cartId: string | null }[]>`SELECT "cartId" FROM "Order" WHERE "id" = ${event.orderId}`;
    if (cart[0]?.cartId) await tx.$queryRaw`SELECT "id" FROM "Cart" WHERE "id" = ${cart[0].cartId} FOR UPDATE`;
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "id" = ${event.orderId} FOR UPDATE`;
    const order = locked.length ? await tx.order.findUniqueOrThrow({ where: { id: event.orderId }, include: { items: true } }) : null;
    const recorded = await tx.paymentEvent.createMany({
      data: [{ id: event.eventId, provider: event.provider, type: event.rawType, orderId: order?.id ?? null, outcome: "applying" }],
      skipDuplicates: true,
    });
    if (recorded.count === 0) return { outcome: "duplicate" as const, orderId: order?.id ?? null, status: order?.status ?? null };
    const result = order ? await apply(tx, order, event) : ({ outcome: "unknown-order", orderId: null, status: null } as const);
    await tx.paymentEvent.update({ where: { id: event.eventId }, data: { outcome: result.outcome } });
    return result;
  });
}

type LockedOrder = Prisma.OrderGetPayload<{ include: { items: true } }>;

async function apply(tx: Prisma.TransactionClient, order: LockedOrder, event: PaymentEventInput): Promise<PaymentEventResult> {
  const lines = order.items.map((i) => ({ variantId: i.variantId, quantity: i.quantity }));
  const result = (outcome: PaymentEventResult["outcome"], status: OrderStatus): PaymentEventResult => ({ outcome, orderId: order.id, status });
  const move = async (to: OrderStatus, data: Prisma.OrderUpdateInput = {}) => {
    assertTransition(order.status, to);
    await tx.order.update({ where: { id: order.id }, data: { ...data, status: to } });
    order.status = to;
  };
  const now = new Date();
  const by: ActorKind = event.provider;
  const note = (kind: string, message: string, customerVisible = true, actorKind: ActorKind = by) =>
    recordOrderEvent(tx, { orderId: order.id, kind, actorKind, message, customerVisible, data: { paymentEventId: event.eventId } });

  switch (event.kind) {
    case "paid": {
      if (event.amountCents !== undefined && (event.amountCents !== order.totalCents || (event.currency ?? order.currency).toUpperCase() !== order.currency)) {
        // Money arrived, but not the amount we asked for: never fulfil it
        // silently, never let the sweeper cancel it either. Keep the stock
        // held and leave it for a person to resolve.
        console.error(
          `[payments] order ${order.number}: paid ${event.amountCents} ${event.currency ?? ""}, expected ${order.totalCents} ${order.currency}; needs attention`,
        );
        if (order.status === "AWAITING_PAYMENT") {
          await tx.order.update({ where: { id: order.id }, data: { holdExpiresAt: new Date(now.getTime() + PENDING_HOLD_MS) } });
        }
        await note(
          "note",
          `A payment of ${formatMoney(event.amountCents, (event.currency || order.currency).toUpperCase())} arrived, but the order asked for ${formatMoney(order.totalCents, order.currency)}: it needs a person.`,
          false,
        );
        return result("amount-mismatch", order.status);
      }
      const paid = { paidAt: order.paidAt ?? now, amountPaidCents: event.amountCents ?? order.totalCents };
      if (order.status === "AWAITING_PAYMENT") {
        await move("PAID", paid);
        await clearCart(tx, order.cartId);
        await enqueueConfirmation(tx, order.id);
        await note("paid", "Payment received.");
        await holdIfNoLongerAllowed(tx, order, now);
        return result("paid", "PAID");
      }
      if (order.status === "CANCELLED") {
        // A second payment event for a late payment already handled (e.g.
        // completed, then async_payment_succeeded): its refund is queued.
        if (order.paidAt) return result("no-change", order.status);
        if (await mayReinstate(tx, order)) {
          // A savepoint: if a later line is out of stock, the lines already
          // taken go back too, and the refund below commits without them.
          await tx.$executeRaw`SAVEPOINT reinstate`;
          let taken = true;
          try {
            await takeStock(tx, lines);
          } catch (error) {
            if (!(error instanceof OutOfStockError)) throw error;
            await tx.$executeRaw`ROLLBACK TO SAVEPOINT reinstate`;
            taken = false;
          }
          if (taken) {
            await takePromo(tx, order.promoCode);
            await move("PAID", { ...paid, cancelledAt: null, cancelReason: null, cancelCause: null });
            await clearCart(tx, order.cartId);
            await enqueueConfirmation(tx, order.id);
            await note("paid", "Payment received after the time to pay had run out; the items were still here, so the order goes ahead.");
            await holdIfNoLongerAllowed(tx, order, now);
            return result("reinstated", "PAID");
          }
        }
        // Anything else would sell twice or charge twice: give the money back.
        await tx.order.update({
          where: { id: order.id },
          data: { ...paid, cancelReason: `${order.cancelReason ?? "Cancelled"} The payment arrived afterwards and is being refunded.` },
        });
        await enqueueLatePaymentRefund(tx, order, event.reference ?? null);
        await note("refund.requested", "A payment arrived after the order had closed; it is being refunded in full.");
        return result("late-payment-refunded", "CANCELLED");
      }
      if (order.status === "REFUNDED" && !order.paidAt) {
        await tx.order.update({ where: { id: order.id }, data: paid });
      }
      return result("no-change", order.status);
    }

    case "pending": {
      if (order.status !== "AWAITING_PAYMENT") return result("no-change", order.status);
      await tx.order.update({ where: { id: order.id }, data: { holdExpiresAt: new Date(now.getTime() + PENDING_HOLD_MS) } });
      return result("pending", order.status);
    }

    case "failed":
    case "expired": {
      if (order.status !== "AWAITING_PAYMENT") return result("no-change", order.status);
      await cancelUnpaid(tx, order, event.kind === "failed" ? "DECLINED" : "EXPIRED", now, {
        stopAtProvider: event.stopAtProvider ?? false,
        reference: event.reference ?? null,
        // A declined payment is the provider's word; a lapsed hold is the store's own clock.
        actorKind: event.kind === "failed" ? by : "SYSTEM",
      });
      return result("cancelled", "CANCELLED");
    }

    case "refunded": {
      // The provider reports the whole payment given back (charge.refunded,
      // or a full refund made outside the store, or a late payment's refund).
      if (order.status === "REFUNDED") return result("no-change", order.status);
      if (order.status === "AWAITING_PAYMENT") {
        // The refund overtook its payment: the payment happened, then was refunded.
        await move("PAID", { paidAt: now, amountPaidCents: order.totalCents });
        order.amountPaidCents = order.totalCents;
      }
      await refundInFull(tx, order, now, by, "The payment was refunded in full.");
      return result("refunded", "REFUNDED");
    }
  }
}

/**
 * A payment arrived for items the buyer may not buy at this moment (a
 * professional-only item whose licence ran out, or was never there, between
 * checkout and payment): the order is paid but held for staff review
 * (Order.reviewHoldReason), and nothing packs or ships it until staff
 * release it or refund it. The rule is lib/professional/eligibility.ts's.
 */
async function holdIfNoLongerAllowed(tx: Prisma.TransactionClient, order: LockedOrder, now: Date) {
  const variants = await tx.variant.findMany({ where: { id: { in: order.items.map((i) => i.variantId) } }, select: { sku: true, homeUse: true } });
  const professional = variants.filter((v) => !v.homeUse);
  if (professional.length === 0) return;
  // The buyer's licence now: the one the order was sold under, or a renewal of it.
  const buyer = await loadBuyer(tx, order.userId, now);
  const refused = professional.filter((v) => !mayBuy(v, buyer, now));
  if (refused.length === 0) return;
  const reason = `Paid for professional-only ${refused.map((v) => v.sku).join(", ")} without a valid professional licence at the time of payment. Check the buyer's licence before packing.`;
  await tx.order.update({ where: { id: order.id }, data: { reviewHoldReason: reason, reviewHeldAt: now } });
  await recordOrderEvent(tx, { orderId: order.id, kind: "held", actorKind: "SYSTEM", message: reason, customerVisible: false });
}

/**
 * The order's money is all back: it becomes REFUNDED. Units still with the
 * shop (not shipped, not already restocked by a partial refund) go back into
 * stock; a cancelled order's stock went back when it was cancelled. A
 * cancelled order whose money is all back becomes REFUNDED too, as a late
 * payment's does, so the end state is the same whichever of Stripe's events
 * (charge.refunded, refund.updated) arrives first; its cancellation stays in
 * cancelledAt, cancelReason and its timeline.
 */
async function refundInFull(tx: Prisma.TransactionClient, order: LockedOrder, now: Date, by: ActorKind, message: string) {
  if (order.status !== "CANCELLED") {
    const onHand = (await unitsOnHand(tx, order)).filter((l) => l.quantity > 0);
    if (onHand.length) await releaseStock(tx, onHand);
  }
  assertTransition(order.status, "REFUNDED");
  const paid = order.amountPaidCents ?? order.totalCents;
  await tx.order.update({ where: { id: order.id }, data: { status: "REFUNDED", refundedAt: now, refundedCents: Math.max(order.refundedCents, paid) } });
  order.status = "REFUNDED";
  order.refundedCents = Math.max(order.refundedCents, paid);
  await recordOrderEvent(tx, { orderId: order.id, kind: "refunded", actorKind: by, message });
}

const cancelReasons: Record<CancelCause, string> = {
  DECLINED: "The payment was declined.",
  EXPIRED: "The payment was not completed in time.",
  SUPERSEDED: "A newer checkout from the same cart replaced this one.",
  STAFF: "Cancelled by the shop.",
};

type UnpaidOrder = Pick<LockedOrder, "id" | "status" | "promoCode" | "paymentProvider" | "paymentReference"> & {
  items: Pick<LockedOrder["items"][number], "variantId" | "quantity">[];
};

/** Cancels an order awaiting payment (locked by the caller): stock and promo use go back. */
async function cancelUnpaid(
  tx: Prisma.TransactionClient,
  order: UnpaidOrder,
  cause: CancelCause,
  now: Date,
  options: { stopAtProvider: boolean; reference: string | null; actorKind: ActorKind },
) {
  assertTransition(order.status, "CANCELLED");
  await releaseStock(
    tx,
    order.items.map((i) => ({ variantId: i.variantId, quantity: i.quantity })),
  );
  await givePromoBack(tx, order.promoCode);
  await tx.order.update({ where: { id: order.id }, data: { status: "CANCELLED", cancelledAt: now, cancelReason: cancelReasons[cause], cancelCause: cause } });
  order.status = "CANCELLED";
  await recordOrderEvent(tx, { orderId: order.id, kind: "cancelled", actorKind: options.actorKind, message: cancelReasons[cause] });
  const reference = order.paymentReference ?? options.reference;
  if (options.stopAtProvider && reference) await enqueueExpireSession(tx, order.id, order.paymentProvider, reference);
}

/**
 * Tells the provider to stop taking payment for an order the store ended.
 * A no-op for demo payments (the demo page itself refuses a closed order).
 */
async function enqueueExpireSession(tx: Prisma.TransactionClient, orderId: string, provider: string, reference: string) {
  if (provider !== "STRIPE") return;
  await enqueueJob(tx, { kind: "stripe.expire-session", payload: { orderId, reference }, dedupeKey: `expire-session:${orderId}` });
}

async function enqueueConfirmation(tx: Prisma.TransactionClient, orderId: string) {
  await enqueueJob(tx, { kind: "mail.order-confirmation", payload: { orderId }, dedupeKey: `mail:order-confirmation:${orderId}` });
}

async function enqueueLatePaymentRefund(tx: Prisma.TransactionClient, order: LockedOrder, reference: string | null) {
  await enqueueJob(tx, {
    kind: "payment.refund",
    payload: { orderId: order.id, provider: order.paymentProvider, reference: reference ?? order.paymentReference },
    dedupeKey: `refund:${order.id}`,
    // A refund matters more than a mail: keep trying for about a day before a person is needed.
    maxAttempts: 12,
  });
  await enqueueJob(tx, { kind: "mail.refund-notice", payload: { orderId: order.id }, dedupeKey: `mail:refund-notice:${order.id}` });
}

/**
 * A late payment for a cancelled order may take the order back only when
 * nothing else stands for the same purchase: it expired (not superseded, not
 * declined), and its cart has no newer order awaiting payment or paid.
 */
async function mayReinstate(tx: Prisma.TransactionClient, order: LockedOrder): Promise<boolean> {
  if (order.cancelCause !== "EXPIRED") return false;
  if (!order.cartId) return true;
  const newer = await tx.order.count({
    where: { cartId: order.cartId, id: { not: order.id }, createdAt: { gte: order.createdAt }, status: { in: ["AWAITING_PAYMENT", ...paidStatuses] } },
  });
  return newer === 0;
}

/**
 * Inside checkout's hold transaction, with the cart row locked: cancels every
 * order of this cart still awaiting payment, releasing its stock, so a cart
 * holds stock for one checkout at a time and only the newest can be paid.
 * Their Stripe sessions are expired through a job.
 */
export async function supersedeUnpaidOrders(tx: Prisma.TransactionClient, cartId: string, now = new Date()): Promise<number> {
  const ids = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "cartId" = ${cartId} AND "status" = 'AWAITING_PAYMENT' FOR UPDATE`;
  for (const { id } of ids) {
    const order = await tx.order.findUniqueOrThrow({ where: { id }, include: { items: true } });
    await cancelUnpaid(tx, order, "SUPERSEDED", now, { stopAtProvider: true, reference: null, actorKind: "SYSTEM" });
  }
  return ids.length;
}

/**
 * Stores the provider's reference once payment has started. If a newer
 * checkout superseded the order meanwhile, the session just made must be
 * stopped too: the order row lock decides which of the two saw the reference.
 * Returns whether the order is still awaiting payment.
 *
 * One statement, not a transaction: the UPDATE takes the order row's lock
 * (waiting for a superseding checkout that holds it, then reading the row as
 * that one committed it), so either the cancel read this reference and
 * stops the session itself, or the status returned here is the cancelled one.
 */
export async function recordPaymentReference(prisma: Db, orderId: string, reference: string): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ status: string; paymentProvider: string }[]>`
    UPDATE "Order" SET "paymentReference" = ${reference}, "updatedAt" = ${new Date()} WHERE "id" = ${orderId}
    RETURNING "status"::text AS "status", "paymentProvider"::text AS "paymentProvider"`;
  const row = rows[0];
  if (!row || row.status === "AWAITING_PAYMENT") return true;
  if (row.status === "CANCELLED") await prisma.$transaction((tx) => enqueueExpireSession(tx, orderId, row.paymentProvider, reference));
  kickJobs();
  return false;
}

async function clearCart(tx: Prisma.TransactionClient, cartId: string | null) {
  if (cartId) await tx.cartItem.deleteMany({ where: { cartId } });
}

async function givePromoBack(tx: Prisma.TransactionClient, code: string | null) {
  if (code) await tx.promoCode.updateMany({ where: { code, usedCount: { gt: 0 } }, data: { usedCount: { decrement: 1 } } });
}

async function takePromo(tx: Prisma.TransactionClient, code: string | null) {
  // The customer has paid with the discount; count the use if the limit allows.
  if (!code) return;
  const promo = await tx.promoCode.findUnique({ where: { code } });
  if (promo && (promo.maxUses === null || promo.usedCount < promo.maxUses)) {
    await tx.promoCode.update({ where: { code }, data: { usedCount: { increment: 1 } } });
  }
}

// ------------------------------------------------------------ refund settlement

export type RefundSettlementInput = {
  provider: PaymentProvider;
  /** The provider's event id (Stripe's evt_..., or `demo-refund:<refundId>`): applying it twice does nothing. */
  eventId: string;
  rawType: string;
  outcome: "succeeded" | "failed";
  /** The store's refund, when the provider's refund names it (metadata.refundId). */
  refundId?: string | null;
  /** The provider's refund id: finds a refund the store already knows when refundId is absent. */
  providerRefundId?: string | null;
  failureReason?: string | null;
  /**
   * A refund the store did not make (a partial refund in Stripe's dashboard),
   * for this order: when it succeeded it is recorded as a Refund made by
   * "Stripe dashboard", so what the order shows as refunded stays true.
   */
  outside?: { orderId: string; amountCents: number };
};

/** Who a refund made outside the store is recorded as requested by. */
export const OUTSIDE_REFUND_BY = "Stripe dashboard";

/**
 * The one path a refund's outcome takes, from Stripe's refund.* events or
 * the demo provider: recorded by event id in the same transaction as its
 * effect, with the order row locked.
 *   succeeded  the refund is SUCCEEDED (once: a second event about it changes
 *              nothing), Order.refundedCents grows by its amount (never past
 *              what was paid), the customer is mailed; when everything paid
 *              is back, the order is REFUNDED (see refundInFull).
 *   failed     the refund is FAILED with the provider's reason and the
 *              timeline says so; the order's "needs action" shows it. A
 *              refund that had succeeded and then fails (Stripe allows it)
 *              takes its amount off refundedCents again.
 */
export async function applyRefundSettlement(prisma: Db, input: RefundSettlementInput): Promise<PaymentEventResult> {
  const result = await prisma.$transaction(async (tx) => {
    const known = input.refundId
      ? await tx.refund.findUnique({ where: { id: input.refundId }, select: { id: true, orderId: true } })
      : input.providerRefundId
        ? await tx.refund.findUnique({ where: { providerRefundId: input.providerRefundId }, select: { id: true, orderId: true } })
        : null;
    const orderId = known?.orderId ?? (input.refundId ? null : (input.outside?.orderId ?? null));
    const locked = orderId ? await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE` : [];
    const order = locked.length ? await tx.order.findUniqueOrThrow({ where: { id: orderId! }, include: { items: true } }) : null;
    const recorded = await tx.paymentEvent.createMany({
      data: [{ id: input.eventId, provider: input.provider, type: input.rawType, orderId: order?.id ?? null, outcome: "applying" }],
      skipDuplicates: true,
    });
    if (recorded.count === 0) return { outcome: "duplicate" as const, orderId: order?.id ?? null, status: order?.status ?? null };
    const applied: PaymentEventResult = order
      ? await settle(tx, order, known?.id ?? null, input)
      : { outcome: known || input.refundId ? "unknown-refund" : "unknown-order", orderId: null, status: null };
    await tx.paymentEvent.update({ where: { id: input.eventId }, data: { outcome: applied.outcome } });
    return applied;
  });
  kickJobs();
  return result;
}

async function settle(tx: Prisma.TransactionClient, order: LockedOrder, refundId: string | null, input: RefundSettlementInput): Promise<PaymentEventResult> {
  const now = new Date();
  const by: ActorKind = input.provider;
  const done = (outcome: PaymentEventResult["outcome"]): PaymentEventResult => ({ outcome, orderId: order.id, status: order.status });
  const paid = order.amountPaidCents ?? 0;

  let refund = refundId ? await tx.refund.findUniqueOrThrow({ where: { id: refundId } }) : null;
  if (!refund) {
    // Not the store's refund: only a succeeded one made outside it is recorded.
    if (input.outcome !== "succeeded" || !input.outside || input.outside.amountCents <= 0 || !order.paidAt) return done("no-change");
    refund = await tx.refund.create({
      data: {
        orderId: order.id,
        amountCents: input.outside.amountCents,
        reason: "Refunded by the shop with the payment provider.",
        requestedBy: OUTSIDE_REFUND_BY,
        providerRefundId: input.providerRefundId ?? null,
      },
    });
    console.warn(`[payments] order ${order.number}: a refund of ${input.outside.amountCents} made in Stripe's dashboard was recorded`);
  }
  const money = formatMoney(refund.amountCents, order.currency);

  if (input.outcome === "succeeded") {
    if (refund.status !== "PENDING") return done("no-change");
    const refundedCents = Math.min(paid, order.refundedCents + refund.amountCents);
    await tx.refund.update({
      where: { id: refund.id },
      data: {
        status: "SUCCEEDED",
        settledAt: now,
        failureReason: null,
        ...(input.providerRefundId && !refund.providerRefundId && { providerRefundId: input.providerRefundId }),
      },
    });
    await tx.order.update({ where: { id: order.id }, data: { refundedCents } });
    order.refundedCents = refundedCents;
    const whole = refundedCents >= paid && order.status !== "REFUNDED";
    await recordOrderEvent(tx, {
      orderId: order.id,
      kind: "refund.succeeded",
      actorKind: by,
      message: `${money} was refunded to the way you paid.`,
      data: { refundId: refund.id, amountCents: refund.amountCents },
    });
    await enqueueJob(tx, { kind: "mail.refund-issued", payload: { refundId: refund.id }, dedupeKey: `mail:refund-issued:${refund.id}` });
    if (whole) await refundInFull(tx, order, now, by, "Everything paid for this order has been refunded.");
    return done("refund-succeeded");
  }

  if (refund.status === "FAILED") return done("no-change");
  const reason = (input.failureReason || "the payment provider could not complete it").slice(0, 500);
  await tx.refund.update({ where: { id: refund.id }, data: { status: "FAILED", settledAt: now, failureReason: reason } });
  if (refund.status === "SUCCEEDED") {
    // Stripe reports a refund that had gone through as failed after all (a closed card account).
    const refundedCents = Math.max(0, order.refundedCents - refund.amountCents);
    await tx.order.update({ where: { id: order.id }, data: { refundedCents } });
    order.refundedCents = refundedCents;
  }
  await recordOrderEvent(tx, {
    orderId: order.id,
    kind: "refund.failed",
    actorKind: by,
    message: `The refund of ${money} could not be completed; we will be in touch about it.`,
    data: { refundId: refund.id, amountCents: refund.amountCents, failureReason: reason },
  });
  console.error(`[payments] order ${order.number}: refund ${refund.id} of ${refund.amountCents} FAILED (${reason}); needs a person`);
  return done("refund-failed");
}
