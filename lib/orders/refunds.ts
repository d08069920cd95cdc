// PLACEHOLDER interface until the refunds part of issue 13 lands (the refunds
// helper replaces the body; the orders helper's cancel calls it).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/admin/roles";

export type RefundRequest = {
  orderId: string;
  /** Cents to give back; at most what was paid and not yet refunded (pending refunds count). */
  amountCents: number;
  reason: string;
  /** Lines refunded, with whether their units go back into stock. May be empty for an amount-only refund. */
  lines: { orderItemId: string; quantity: number; restock: boolean }[];
};

/**
 * Inside the caller's transaction, with the order row locked by the caller:
 * records a PENDING refund, its order event and audit entry, and enqueues
 * the job that sends it to the payment provider. Returns the refund's id.
 * Callers authorize first (refunds are owner-only; a staff cancel of a paid
 * order refunds as the store, see lib/admin/orders.ts).
 */
export async function requestRefundInTx(_tx: Prisma.TransactionClient, _actor: Actor, request: RefundRequest): Promise<string> {
  throw new Error(`refund for ${request.orderId}: not built yet`);
}
