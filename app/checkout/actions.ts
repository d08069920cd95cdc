"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentUserId } from "@/lib/accounts/session";
import { cartToken } from "@/lib/cart/cookie";
import type { FieldErrors } from "@/lib/checkout/input";
import { startCheckout } from "@/lib/checkout/start";
import { db } from "@/lib/db";
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
  const result = await startCheckout(db(), await cartToken(), raw, { baseUrl: await baseUrl(), userId });
  if (!result.ok) return { errors: result.errors, formError: result.formError, values: raw };
  redirect(result.redirectUrl);
}

async function baseUrl(): Promise<string> {
  if (process.env.SITE_URL) return siteUrl();
  const h = await headers();
  const host = h.get("host") ?? "localhost:3000";
  return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
}
