// Stripe's webhook: verify the signature over the raw body, turn the event
// into a payment outcome for one order, and apply it through
// applyPaymentEvent, which records the event id in the same transaction as
// its effect (duplicates do nothing) and reaches the same final state in any
// order of arrival. The answer tells Stripe whether to deliver again: 400 for
// a request that is not from Stripe, 500 when applying failed (retry), 200
// otherwise. Bodies are short fixed words: no error detail ever leaves here.
// A 200 means the effect and the jobs that must follow it (a confirmation
// mail, or the refund of a payment for an order that had closed, and the mail
// telling the customer) are committed together; the job worker delivers them.
import type Stripe from "stripe";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import {
  applyPaymentEvent,
  applyRefundSettlement,
  type PaymentEventInput,
  type PaymentEventResult,
  type RefundSettlementInput,
} from "@/lib/orders/payment-events";
import { refundStatus, stripeClient } from "./stripe";

export type WebhookResponse = { status: number; body: string };

type Outcome = { action: "apply"; input: PaymentEventInput } | { action: "settle-refund"; input: RefundSettlementInput } | { action: "ignore"; reason: string };

export async function handleStripeWebhook(prisma: Db, rawBody: string, signature: string | null): Promise<WebhookResponse> {
  const secret = config().stripe?.webhookSecret;
  if (!secret) {
    // Misconfigured, not a bad request: 500 so Stripe keeps the event and retries.
    console.error("[stripe webhook] STRIPE_WEBHOOK_SECRET is not set");
    return { status: 500, body: "not configured" };
  }
  if (!signature) return { status: 400, body: "missing signature" };

  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, body: "invalid signature" };
  }
  if (!event || typeof event.id !== "string" || typeof event.type !== "string" || !event.data?.object) {
    return { status: 400, body: "invalid event" };
  }

  let outcome: Outcome;
  try {
    outcome = await toPaymentEvent(event);
  } catch (error) {
    // Reading the PaymentIntent from Stripe failed: let Stripe deliver again.
    console.error(`[stripe webhook] ${event.id} (${event.type}): could not read from Stripe: ${describe(error)}`);
    return { status: 500, body: "retry" };
  }
  if (outcome.action === "ignore") return { status: 200, body: "ignored" };

  let result: PaymentEventResult;
  try {
    result = outcome.action === "apply" ? await applyPaymentEvent(prisma, outcome.input) : await applyRefundSettlement(prisma, outcome.input);
  } catch (error) {
    const about = outcome.action === "apply" ? `order ${outcome.input.orderId}` : `refund ${outcome.input.refundId ?? outcome.input.providerRefundId}`;
    console.error(`[stripe webhook] ${event.id} (${event.type}) for ${about} failed: ${describe(error)}`);
    return { status: 500, body: "retry" };
  }

  return { status: 200, body: result.outcome === "duplicate" ? "duplicate" : "ok" };
}

async function toPaymentEvent(event: Stripe.Event): Promise<Outcome> {
  const base = { provider: "STRIPE" as const, eventId: event.id, rawType: event.type };

  const fromSession = (session: Stripe.Checkout.Session, kind: PaymentEventInput["kind"], withAmount = false): Outcome => {
    const orderId = session.metadata?.orderId ?? session.client_reference_id;
    if (!orderId) return { action: "ignore", reason: "session without an order" };
    const amount = withAmount
      ? {
          // A paid session always carries its total; without one there is nothing
          // to check against the order, so it must not count as a match.
          amountCents: session.amount_total ?? -1,
          currency: session.currency ?? "",
        }
      : {};
    return { action: "apply", input: { ...base, kind, orderId, reference: session.id, ...amount } };
  };

  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      if (session.payment_status === "paid" || session.payment_status === "no_payment_required") {
        return fromSession(session, "paid", true);
      }
      // "unpaid": a delayed method (bank debit); the outcome comes as async_payment_*.
      return fromSession(session, "pending");
    }
    case "checkout.session.async_payment_succeeded":
      return fromSession(event.data.object, "paid", true);
    case "checkout.session.async_payment_failed":
      return fromSession(event.data.object, "failed");
    case "checkout.session.expired":
      return fromSession(event.data.object, "expired");

    case "charge.refunded": {
      const charge = event.data.object;
      // Only a full refund refunds the order; a partial one is settled by its
      // refund.* event (the store's own, or one made in the dashboard).
      if (!charge.refunded || charge.amount_refunded !== charge.amount) return { action: "ignore", reason: "partial refund" };
      const orderId = charge.metadata?.orderId ?? (await paymentIntentOrder(charge.payment_intent))?.orderId;
      if (!orderId) return { action: "ignore", reason: "charge without an order" };
      return { action: "apply", input: { ...base, kind: "refunded", orderId } };
    }
    case "refund.created":
    case "refund.updated":
    case "refund.failed": {
      const refund = event.data.object;
      const status = refundStatus(refund.status);
      const refundId = refund.metadata?.refundId;
      const settlement = { ...base, providerRefundId: refund.id, failureReason: refund.failure_reason ?? null };
      // One of the store's own refunds (lib/orders/refund-jobs.ts): settle it.
      if (refundId) {
        if (status === "pending") return { action: "ignore", reason: "refund pending" };
        return { action: "settle-refund", input: { ...settlement, outcome: status, refundId } };
      }
      // Made outside the store. A failure settles one the store recorded
      // (found by Stripe's refund id), if any.
      if (status === "failed") return { action: "settle-refund", input: { ...settlement, outcome: "failed" } };
      if (status !== "succeeded") return { action: "ignore", reason: `refund ${refund.status}` };
      const pi = await paymentIntentOrder(refund.payment_intent);
      const orderId = refund.metadata?.orderId ?? pi?.orderId;
      if (!orderId || !pi) return { action: "ignore", reason: "refund without an order" };
      // All of it at once: the order is refunded, as charge.refunded does.
      if (refund.amount === pi.amount) return { action: "apply", input: { ...base, kind: "refunded", orderId } };
      // Part of it, in Stripe's dashboard: recorded as a refund by "Stripe
      // dashboard", so the order's refunded total stays true.
      return { action: "settle-refund", input: { ...settlement, outcome: "succeeded", outside: { orderId, amountCents: refund.amount } } };
    }

    default:
      return { action: "ignore", reason: "not handled" };
  }
}

/** The order id and amount from a PaymentIntent's metadata (set by the gateway when the session was made). */
async function paymentIntentOrder(ref: string | Stripe.PaymentIntent | null): Promise<{ orderId: string | null; amount: number } | null> {
  if (!ref) return null;
  const pi = typeof ref === "string" ? await stripeClient().paymentIntents.retrieve(ref) : ref;
  return { orderId: pi.metadata?.orderId ?? null, amount: pi.amount };
}

/** For the log only: the error's kind and message, never a stack. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const kind = "type" in error && typeof error.type === "string" ? error.type : error.name;
  return `${kind}: ${error.message}`;
}
