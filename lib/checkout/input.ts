// What the checkout form may send: contact, address, shipping method, promo
// code and the confirmation. Never prices or totals: those come from the
// database (any extra field is ignored). The address is the one address
// model's (lib/addresses), so it is normalised as a saved address is.
import { z } from "zod";
import { addressFields } from "@/lib/addresses";
import { fieldErrors } from "@/lib/forms";
import { email, id, text } from "@/lib/validation";
import { QUOTE_FIELDS as QUOTE_FIELD_NAMES } from "./quote-fields";

const UNKNOWN_CODE = "We do not recognise that code. Check the spelling and try again.";

/** The shipping method's code (the method itself is looked up in lib/checkout/quote.ts). */
const shippingMethod = z
  .string({ error: "Choose a shipping method." })
  .min(1, "Choose a shipping method.")
  .pipe(id("Choose one of the shipping methods listed.", 40));

/** A promo code as typed: trimmed and upper-cased; empty is no code. */
const promoCode = text({ max: 40, tooLong: UNKNOWN_CODE })
  .optional()
  .transform((v) => v?.trim().toUpperCase() || null)
  .pipe(
    z
      .string()
      .regex(/^[A-Z0-9_-]+$/, UNKNOWN_CODE)
      .nullable(),
  );

/** A checkbox: ticked is "on" (what a browser sends). */
const checkbox = z
  .string()
  .max(10)
  .optional()
  .transform((v) => v === "on" || v === "yes" || v === "true");

const checkoutInput = z.object({
  email: email(),
  ...addressFields("your"),
  shippingMethod,
  promoCode,
  confirmSafety: checkbox,
  /** Signed in: keep this address in the account for next time (ignored for a guest). */
  saveAddress: checkbox,
});

export type CheckoutInput = z.infer<typeof checkoutInput>;

/** The names the checkout form sends; nothing else is read from it. */
export const CHECKOUT_FIELDS = [
  "email",
  "name",
  "line1",
  "line2",
  "city",
  "region",
  "postalCode",
  "country",
  "shippingMethod",
  "promoCode",
  "confirmSafety",
  "saveAddress",
] as const satisfies readonly (keyof CheckoutInput)[];
export type FieldErrors = Partial<Record<keyof CheckoutInput | "cart", string>>;

export function parseCheckoutInput(raw: Record<string, unknown>): { data: CheckoutInput | null; errors: FieldErrors } {
  const result = checkoutInput.safeParse(raw);
  if (result.success) return { data: result.data, errors: {} };
  return { data: null, errors: fieldErrors<keyof FieldErrors>(result.error.issues) };
}

/** What a price quote may be asked with (./quote-fields.ts): fields of the checkout form. */
export const QUOTE_FIELDS = QUOTE_FIELD_NAMES satisfies readonly (keyof CheckoutInput)[];
export type QuoteChoice = { shippingMethod: string | null; promoCode: string | null };
export type QuoteErrors = Pick<FieldErrors, "shippingMethod" | "promoCode">;

/**
 * The method and code of a quote, by the same rules as checkout's (each on
 * its own: a malformed code still gets the method priced). A value that
 * breaks a rule is left out (null) with its message.
 */
export function parseQuoteInput(raw: Record<string, unknown>): { choice: QuoteChoice; errors: QuoteErrors } {
  const errors: QuoteErrors = {};
  const method = shippingMethod.safeParse(raw.shippingMethod);
  const code = promoCode.safeParse(raw.promoCode);
  if (!method.success) errors.shippingMethod = method.error.issues[0]?.message;
  if (!code.success) errors.promoCode = code.error.issues[0]?.message;
  return { choice: { shippingMethod: method.success ? method.data : null, promoCode: code.success ? code.data : null }, errors };
}
