// What the checkout form may send: contact, address, shipping method, promo
// code and the confirmation. Never prices or totals: those come from the
// database (any extra field is ignored). The address is the one address
// model's (lib/addresses), so it is normalised as a saved address is.
import { z } from "zod";
import { addressFields } from "@/lib/addresses";
import { fieldErrors } from "@/lib/forms";
import { email, id, text } from "@/lib/validation";

const checkoutInput = z.object({
  email: email(),
  ...addressFields("your"),
  shippingMethod: z
    .string({ error: "Choose a shipping method." })
    .min(1, "Choose a shipping method.")
    .pipe(id("Choose one of the shipping methods listed.", 40)),
  promoCode: text({ max: 40, tooLong: "We do not recognise that code. Check the spelling and try again." })
    .optional()
    .transform((v) => v?.trim().toUpperCase() || null)
    .pipe(
      z
        .string()
        .regex(/^[A-Z0-9_-]+$/, "We do not recognise that code. Check the spelling and try again.")
        .nullable(),
    ),
  confirmSafety: z
    .string()
    .max(10)
    .optional()
    .transform((v) => v === "on" || v === "yes" || v === "true"),
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
] as const satisfies readonly (keyof CheckoutInput)[];
export type FieldErrors = Partial<Record<keyof CheckoutInput | "cart", string>>;

export function parseCheckoutInput(raw: Record<string, unknown>): { data: CheckoutInput | null; errors: FieldErrors } {
  const result = checkoutInput.safeParse(raw);
  if (result.success) return { data: result.data, errors: {} };
  return { data: null, errors: fieldErrors<keyof FieldErrors>(result.error.issues) };
}
