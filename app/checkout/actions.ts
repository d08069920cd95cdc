"use server";
import { redirect } from "next/navigation";
import { currentUserId } from "@/lib/accounts/session";
import { cartToken } from "@/lib/cart/cookie";
import type { FieldErrors } from "@/lib/checkout/input";
import { startCheckout } from "@/lib/data";
import { siteUrl } from "@/lib/site";
import { formFields } from "@/lib/validation";

export type CheckoutState = { errors: FieldErrors; formError?: string; values: Record<string, string> };

const fields = ["email", "name", "line1", "line2", "city", "region", "postalCode", "country", "shippingMethod", "promoCode", "confirmSafety"] as const;

export async function checkoutAction(_prev: CheckoutState, formData: FormData): Promise<CheckoutState> {
  // Only the known fields are read: a price or total sent by the client is never seen.
  // lib/checkout/input.ts checks each one (length, control characters, the lists they come from).
  const raw: Record<string, string> = formFields(formData, fields);
  // Signed in, the account's cart is used and the order belongs to the account.
  const userId = await currentUserId();
  // Stripe's return addresses are built from the configured public origin, never the request's Host.
  const result = await startCheckout(await cartToken(), raw, { baseUrl: siteUrl(), userId });
  if (!result.ok) return { errors: result.errors, formError: result.formError, values: raw };
  redirect(result.redirectUrl);
}
