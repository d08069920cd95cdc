// What the checkout form may send: contact, address, shipping method, promo
// code and the confirmation. Never prices or totals: those come from the
// database (any extra field is ignored).
import { z } from "zod";
import { fieldErrors, optional, required } from "@/lib/forms";
import { email, id, text } from "@/lib/validation";

export const countries: Record<string, string> = {
  US: "United States",
  CA: "Canada",
  GB: "United Kingdom",
  IE: "Ireland",
  AU: "Australia",
  NZ: "New Zealand",
};

const checkoutInput = z.object({
  email: email(),
  name: required("your full name"),
  line1: required("the first line of your address"),
  line2: optional(120, "Keep this line under 120 characters."),
  city: required("your town or city", 80),
  region: optional(80),
  postalCode: required("your postal code", 20).pipe(z.string().regex(/^[A-Za-z0-9 -]{2,12}$/, "Enter a valid postal code.")),
  country: z.string({ error: "Choose a country we ship to." }).refine((c) => Object.hasOwn(countries, c), "Choose a country we ship to."),
  // Codes from the store's own lists: anything else cannot match one.
  shippingMethod: z.string({ error: "Choose a shipping method." }).min(1, "Choose a shipping method.").pipe(id("Choose one of the shipping methods listed.", 40)),
  promoCode: text({ max: 40, tooLong: "We do not recognise that code. Check the spelling and try again." })
    .optional()
    .transform((v) => v?.trim().toUpperCase() || null)
    .pipe(z.string().regex(/^[A-Z0-9_-]+$/, "We do not recognise that code. Check the spelling and try again.").nullable()),
  confirmSafety: z.string().max(10).optional().transform((v) => v === "on" || v === "yes" || v === "true"),
});

export type CheckoutInput = z.infer<typeof checkoutInput>;
export type FieldErrors = Partial<Record<keyof CheckoutInput | "cart", string>>;

export function parseCheckoutInput(raw: Record<string, unknown>): { data: CheckoutInput | null; errors: FieldErrors } {
  const result = checkoutInput.safeParse(raw);
  if (result.success) return { data: result.data, errors: {} };
  return { data: null, errors: fieldErrors<keyof FieldErrors>(result.error.issues) };
}
