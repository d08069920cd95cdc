"use server";
// The demo payment outcome: validates the form and calls one lib function,
// which makes the same applyPaymentEvent call as Stripe's webhook. Refused
// when Stripe is configured.
//
// If it fails half-way (the database drops mid-transaction), the customer
// must not meet an error page after pressing "Pay": the failure is logged
// and the page shows a calm "we are checking your payment" state instead.
import { redirect } from "next/navigation";
import { z } from "zod";
import { submitDemoPayment } from "@/lib/data";
import { type DemoPaymentResult } from "@/lib/orders/demo-payment";
import { orderUrl } from "@/lib/orders/tokens";

const input = z.object({
  token: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
  outcome: z.enum(["pay", "decline"]),
});

export async function demoPaymentAction(formData: FormData): Promise<void> {
  const parsed = input.safeParse({ token: formData.get("token"), outcome: formData.get("outcome") === "pay" ? "pay" : "decline" });
  if (!parsed.success) redirect("/");
  const { token, outcome } = parsed.data;
  let result: DemoPaymentResult;
  try {
    result = await submitDemoPayment(token, outcome);
  } catch (error) {
    // No token in the log: it opens the order.
    console.error(`[pay] demo payment (${outcome}) failed half-way, showing "checking":`, (error as Error).message);
    redirect(`/pay/demo/${token}?checking=1`);
  }
  if (result.next === "home") redirect("/");
  if (result.next === "closed") redirect(`/pay/demo/${token}`);
  // The token matched the pattern above, so it is URL-safe as it stands: the path is unchanged.
  redirect(orderUrl("", token));
}
