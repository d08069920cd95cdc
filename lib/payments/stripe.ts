// Stripe Checkout: the order (already priced and holding its stock) becomes a
// Checkout Session built only from the server-side order; the result comes
// back through the signed webhook (lib/payments/stripe-webhook.ts), never
// from the browser.
import Stripe from "stripe";
import { config } from "@/lib/config";
import { orderUrl } from "@/lib/orders/tokens";
import { RefundRefused, type CheckoutOrder, type PaymentGateway, type SentRefund } from "./index";

/** Stripe's bounds for a Checkout Session's `expires_at`, measured from its creation. */
const MIN_SESSION_SECONDS = 30 * 60;
const MAX_SESSION_SECONDS = 24 * 60 * 60;
/** When the hold is shorter than Stripe's minimum, the session outlives it by whole steps of this. */
const EXTEND_STEP_SECONDS = 5 * 60;
/** Room for the request's travel time and clock skew against Stripe's 30-minute floor. */
const FLOOR_MARGIN_SECONDS = 60;

let cached: { config: string; client: Stripe } | undefined;

/**
 * The Stripe client. STRIPE_API_BASE (e.g. "http://127.0.0.1:12111") points
 * it at a local stand-in, but only for a test key: a live key is never
 * redirected.
 */
export function stripeClient(): Stripe {
  const stripe = config().stripe;
  if (!stripe) throw new Error("STRIPE_SECRET_KEY is not set.");
  const key = stripe.secretKey;
  // lib/config.ts honours STRIPE_API_BASE only for a test key.
  const redirect = stripe.apiBase ? new URL(stripe.apiBase) : null;
  const settings = `${key}\n${redirect?.href ?? ""}`;
  if (cached?.config === settings) return cached.client;

  const client = new Stripe(key, {
    apiVersion: "2026-10-28.endive",
    maxNetworkRetries: 1,
    timeout: 20_000,
    ...(redirect && {
      host: redirect.hostname,
      port: redirect.port || (redirect.protocol === "https:" ? 443 : 80),
      protocol: redirect.protocol === "https:" ? "https" : "http",
    }),
  });
  cached = { config: settings, client };
  return client;
}

/**
 * The session's expiry: the end of the stock hold, unless that is sooner than
 * Stripe accepts (30 min). Then the hold's end is pushed back in 5-minute
 * steps, so that starting the same order twice a moment apart sends the same
 * parameters (Stripe refuses an idempotency key reused with different ones).
 */
function sessionExpiresAt(holdExpiresAt: Date, now = new Date()): number {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const hold = Math.floor(holdExpiresAt.getTime() / 1000);
  const floor = nowSeconds + MIN_SESSION_SECONDS + FLOOR_MARGIN_SECONDS;
  const expires = hold >= floor ? hold : hold + Math.ceil((floor - hold) / EXTEND_STEP_SECONDS) * EXTEND_STEP_SECONDS;
  return Math.min(expires, nowSeconds + MAX_SESSION_SECONDS - FLOOR_MARGIN_SECONDS);
}

function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError;
}

async function sessionParams(stripe: Stripe, order: CheckoutOrder, urls: { baseUrl: string; accessToken: string }) {
  const currency = order.currency.toLowerCase();
  const metadata = { orderId: order.id, orderNumber: order.number };

  // Stripe has no negative line items: the order's discount goes in as a
  // one-off coupon for exactly that amount, on the goods only (as in
  // lib/checkout/totals.ts, shipping is never discounted).
  let discounts: Stripe.Checkout.SessionCreateParams.Discount[] | undefined;
  if (order.discountCents > 0) {
    const coupon = await stripe.coupons.create(
      { amount_off: order.discountCents, currency, duration: "once", max_redemptions: 1, name: `Order ${order.number} discount`, metadata },
      { idempotencyKey: `coupon:${order.id}` },
    );
    discounts = [{ coupon: coupon.id }];
  }

  const orderPage = orderUrl(urls.baseUrl, urls.accessToken);
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    line_items: order.items.map((item) => ({
      quantity: item.quantity,
      price_data: {
        currency,
        unit_amount: item.unitPriceCents,
        product_data: { name: `${item.name}`, metadata: { sku: item.sku } },
      },
    })),
    shipping_options: [
      {
        shipping_rate_data: {
          type: "fixed_amount",
          display_name: order.shippingMethodName,
          fixed_amount: { amount: order.shippingCents, currency },
        },
      },
    ],
    ...(discounts && { discounts }),
    customer_email: order.email,
    client_reference_id: order.id,
    metadata,
    payment_intent_data: { metadata },
    success_url: orderPage,
    cancel_url: `${orderPage}?cancelled=1`,
    expires_at: sessionExpiresAt(order.holdExpiresAt),
  };
  return params;
}

/** The session's PaymentIntent id, or null when nothing was charged. */
export async function paymentIntentOf(stripe: Stripe, sessionId: string): Promise<string | null> {
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  const pi = session.payment_intent;
  return typeof pi === "string" ? pi : (pi?.id ?? null);
}

export function stripeGateway(): PaymentGateway {
  return {
    provider: "STRIPE",

    async start(order, urls) {
      const stripe = stripeClient();
      const params = await sessionParams(stripe, order, urls);
      // One session per order: a retried or doubled start gets the same one back.
      const session = await stripe.checkout.sessions.create(params, { idempotencyKey: `checkout:${order.id}` });
      if (!session.url) throw new Error(`Stripe returned Checkout Session ${session.id} without a URL.`);
      return { redirectUrl: session.url, reference: session.id };
    },

    async cancel(reference) {
      try {
        await stripeClient().checkout.sessions.expire(reference);
      } catch (error) {
        // Already complete or expired: nothing left to stop. The webhook
        // decides what a completed payment means for the order.
        if (isStripeError(error) && error.type === "StripeInvalidRequestError") {
          console.warn(`[stripe] session ${reference} not expired: ${error.message}`);
          return;
        }
        throw error;
      }
    },

    async refund(reference) {
      const stripe = stripeClient();
      const paymentIntent = await paymentIntentOf(stripe, reference);
      if (!paymentIntent) {
        console.warn(`[stripe] session ${reference} has no payment to refund`);
        return;
      }
      try {
        await stripe.refunds.create({ payment_intent: paymentIntent }, { idempotencyKey: `refund:${reference}` });
      } catch (error) {
        // A repeat after the idempotency key has lapsed (24 h): the money is already back.
        if (isStripeError(error) && error.code === "charge_already_refunded") {
          console.warn(`[stripe] session ${reference}: ${error.message}`);
          return;
        }
        throw error;
      }
    },

    async refundPart({ reference, amountCents, orderId, refundId }) {
      const stripe = stripeClient();
      const paymentIntent = await paymentIntentOf(stripe, reference);
      if (!paymentIntent) throw new RefundRefused(`Stripe has no payment for session ${reference}.`);
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: paymentIntent, amount: amountCents, reason: "requested_by_customer", metadata: { orderId, refundId } },
          { idempotencyKey: `refund:${refundId}` },
        );
        return { providerRefundId: refund.id, status: refundStatus(refund.status), failureReason: refund.failure_reason ?? undefined };
      } catch (error) {
        // Stripe said no to this refund itself (more than is left, already
        // refunded, no such payment): asking again cannot help.
        if (isStripeError(error) && error.type === "StripeInvalidRequestError" && error.statusCode !== undefined && error.statusCode < 500) {
          throw new RefundRefused(`Stripe refused the refund: ${error.message}`);
        }
        throw error;
      }
    },
  };
}

/** Stripe's refund status as the store's three: requires_action is still pending; canceled is failed. */
export function refundStatus(status: string | null | undefined): SentRefund["status"] {
  if (status === "succeeded") return "succeeded";
  if (status === "failed" || status === "canceled") return "failed";
  return "pending";
}
