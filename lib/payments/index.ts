// Payments behind one interface with two providers:
//   Stripe  when STRIPE_SECRET_KEY is set (Checkout Session + signed webhook);
//   demo    otherwise: a clearly labelled page in the store where the
//           customer chooses "pay" or "decline". It drives exactly the same
//           order code (applyPaymentEvent) as Stripe's webhook, and it cannot
//           be active while a Stripe key is set.
import { config } from "@/lib/config";
import type { PaymentProvider } from "@/lib/generated/prisma/enums";

export type CheckoutOrder = {
  id: string;
  number: string;
  email: string;
  currency: string;
  totalCents: number;
  shippingCents: number;
  shippingMethodName: string;
  discountCents: number;
  holdExpiresAt: Date;
  items: { name: string; sku: string; unitPriceCents: number; quantity: number }[];
};

export type StartedPayment = { redirectUrl: string; reference: string };

export interface PaymentGateway {
  readonly provider: PaymentProvider;
  /** Starts payment for an order whose stock is already held. */
  start(order: CheckoutOrder, urls: { baseUrl: string; accessToken: string }): Promise<StartedPayment>;
  /** Stops a started payment from completing (the hold is being released). */
  cancel(reference: string): Promise<void>;
  /** Returns all the money for a payment that cannot be fulfilled (a late payment). */
  refund(reference: string): Promise<void>;
  /**
   * Sends one of the shop's refunds (all or part of a payment) to the
   * provider. Idempotent per refund id: a retry after a lost answer never
   * refunds twice. The outcome may come later (Stripe's refund events).
   */
  refundPart(request: PartialRefund): Promise<SentRefund>;
}

export type PartialRefund = {
  /** The payment's reference (a Stripe Checkout Session id). */
  reference: string;
  amountCents: number;
  orderId: string;
  refundId: string;
};

export type SentRefund = {
  /** The provider's id for the refund (re_... at Stripe). */
  providerRefundId: string;
  /** What the provider said at once: Stripe's answer may already be final, or pending. */
  status: "pending" | "succeeded" | "failed";
  failureReason?: string;
};

/**
 * The provider refused the refund for good (more than is left, already
 * refunded): retrying cannot help, so the refund is marked failed.
 */
export class RefundRefused extends Error {}

export function stripeConfigured(): boolean {
  return config().stripe !== null;
}

/** Demo payments are on exactly when the store runs in demo mode without Stripe: never in production. */
export function demoPaymentsEnabled(): boolean {
  const c = config();
  return c.mode === "demo" && c.stripe === null;
}

export async function paymentGateway(): Promise<PaymentGateway> {
  if (stripeConfigured()) {
    const { stripeGateway } = await import("./stripe");
    return stripeGateway();
  }
  const { demoGateway } = await import("./demo");
  return demoGateway;
}

/** How long stock is held for a started payment. Stripe allows 30 min to 24 h. */
export const HOLD_MINUTES = 30;
