// The one code path every payment outcome takes, from Stripe's webhook or
// the demo payment page. Each event is recorded by its provider event id in
// the same transaction as its effect, so a duplicate does nothing, and the
// order row is locked so events for one order apply one at a time. The rules
// below reach the same final state whatever order the events arrive in.
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { releaseStock, takeStock, OutOfStockError } from "@/lib/inventory";
import { assertTransition, paidStatuses, shippedStatuses, type OrderStatus } from "./status";

export type PaymentEventInput = {
  provider: "STRIPE" | "DEMO";
  /** The provider's event id: the key that makes delivery idempotent. */
  eventId: string;
  /** A provider event type, kept for the record. */
  rawType: string;
  kind: "paid" | "pending" | "failed" | "expired" | "refunded";
  orderId: string;
  amountCents?: number;
  currency?: string;
};

export type PaymentEventResult = {
  outcome:
    | "duplicate"
    | "unknown-order"
    | "paid"
    | "reinstated"
    | "late-payment-no-stock"
    | "amount-mismatch"
    | "pending"
    | "cancelled"
    | "refunded"
    | "no-change";
  orderId: string | null;
  status: OrderStatus | null;
};

/** How long a delayed payment method (bank debit) may take before the hold lapses. */
const PENDING_HOLD_MS = 1000 * 60 * 60 * 24 * 7;

export async function applyPaymentEvent(prisma: Db, event: PaymentEventInput): Promise<PaymentEventResult> {
  const result = await recordPaymentEvent(prisma, event);
  if (result.orderId && result.status && paidStatuses.includes(result.status)) {
    // After the commit, so mail never goes out for a change that rolled
    // back. The send is claimed once per order; a redelivered event retries
    // it if an earlier attempt failed.
    const { sendOrderConfirmation } = await import("./confirmation");
    await sendOrderConfirmation(prisma, result.orderId);
  }
  return result;
}

async function recordPaymentEvent(prisma: Db, event: PaymentEventInput): Promise<PaymentEventResult> {
  return prisma.$transaction(async (tx) => {
    // Lock the order first, then record the event: concurrent deliveries of
    // one event queue on the lock, and the later ones find its id taken.
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
        return result("amount-mismatch", order.status);
      }
      const paid = { paidAt: order.paidAt ?? now, amountPaidCents: event.amountCents ?? order.totalCents };
      if (order.status === "AWAITING_PAYMENT") {
        await move("PAID", paid);
        await clearCart(tx, order.cartId);
        return result("paid", "PAID");
      }
      if (order.status === "CANCELLED") {
        // Paid after its hold lapsed: take the stock again if it is there.
        try {
          await takeStock(tx, lines);
        } catch (error) {
          if (error instanceof OutOfStockError) {
            await tx.order.update({ where: { id: order.id }, data: { ...paid, cancelReason: "Paid after the stock hold lapsed and the stock was gone: a refund is due." } });
            return result("late-payment-no-stock", "CANCELLED");
          }
          throw error;
        }
        await takePromo(tx, order.promoCode);
        await move("PAID", { ...paid, cancelledAt: null, cancelReason: null });
        await clearCart(tx, order.cartId);
        return result("reinstated", "PAID");
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
      await releaseStock(tx, lines);
      await givePromoBack(tx, order.promoCode);
      await move("CANCELLED", {
        cancelledAt: now,
        cancelReason: event.kind === "failed" ? "The payment was declined." : "The payment was not completed in time.",
      });
      return result("cancelled", "CANCELLED");
    }

    case "refunded": {
      if (order.status === "REFUNDED") return result("no-change", order.status);
      if (order.status === "AWAITING_PAYMENT") {
        // The refund overtook its payment: the payment happened, then was refunded.
        await move("PAID", { paidAt: now, amountPaidCents: order.totalCents });
      }
      if (order.status === "CANCELLED") {
        // Stock was released when it was cancelled.
        await move("REFUNDED", { refundedAt: now });
        return result("refunded", "REFUNDED");
      }
      if (paidStatuses.includes(order.status) && !shippedStatuses.includes(order.status)) {
        await releaseStock(tx, lines);
      }
      await move("REFUNDED", { refundedAt: now });
      return result("refunded", "REFUNDED");
    }
  }
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
