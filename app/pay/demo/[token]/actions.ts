"use server";
// The demo payment outcome: the same applyPaymentEvent call that Stripe's
// webhook makes. Refused when Stripe is configured.
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { readableOrderByConfirmationToken } from "@/lib/orders/access";
import { applyPaymentEvent } from "@/lib/orders/payment-events";
import { orderUrl } from "@/lib/orders/tokens";
import { demoPaymentsEnabled } from "@/lib/payments";

export async function demoPaymentAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const outcome = formData.get("outcome") === "pay" ? "pay" : "decline";
  if (!demoPaymentsEnabled()) redirect("/");
  const order = await readableOrderByConfirmationToken(db(), token);
  if (!order || order.paymentProvider !== "DEMO") redirect("/");
  await applyPaymentEvent(db(), {
    provider: "DEMO",
    // One event per order and outcome: pressing the button twice changes nothing.
    eventId: `demo:${order.id}:${outcome}`,
    rawType: outcome === "pay" ? "demo.payment_succeeded" : "demo.payment_declined",
    kind: outcome === "pay" ? "paid" : "failed",
    orderId: order.id,
    amountCents: outcome === "pay" ? order.totalCents : undefined,
    currency: order.currency,
  });
  // The token opened the order above, so it is URL-safe as it stands: the path is unchanged.
  redirect(orderUrl("", token));
}
