// What the checkout form may send: contact, address, shipping method, promo
// code and the confirmation. Never prices or totals: those come from the
// database (any extra field is ignored).
import { z } from "zod";
import { fieldErrors, required } from "@/lib/forms";

export const countries: Record<string, string> = {
  US: "United States",
  CA: "Canada",
  GB: "United Kingdom",
  IE: "Ireland",
  AU: "Australia",
  NZ: "New Zealand",
};

const checkoutInput = z.object({
  email: z.string({ error: "Enter your email address." }).trim().max(200).pipe(z.email("Enter an email address like name@example.com.")),
  name: required("your full name"),
  line1: required("the first line of your address"),
  line2: z.string().trim().max(120, "Keep this line under 120 characters.").optional().transform((v) => v || null),
  city: required("your town or city", 80),
  region: z.string().trim().max(80, "Keep this under 80 characters.").optional().transform((v) => v || null),
  postalCode: required("your postal code", 20).pipe(z.string().regex(/^[A-Za-z0-9 -]{2,12}$/, "Enter a valid postal code.")),
  country: z.string().refine((c) => c in countries, "Choose a country we ship to."),
  shippingMethod: z.string({ error: "Choose a shipping method." }).min(1, "Choose a shipping method.").max(40),
  promoCode: z.string().trim().max(40).optional().transform((v) => (v ? v.toUpperCase() : null)),
  confirmSafety: z.string().optional().transform((v) => v === "on" || v === "yes" || v === "true"),
});

export type CheckoutInput = z.infer<typeof checkoutInput>;
export type FieldErrors = Partial<Record<keyof CheckoutInput | "cart", string>>;

export function parseCheckoutInput(raw: Record<string, unknown>): { data: CheckoutInput | null; errors: FieldErrors } {
  const result = checkoutInput.safeParse(raw);
  if (result.success) return { data: result.data, errors: {} };
  return { data: null, errors: fieldErrors<keyof FieldErrors>(result.error.issues) };
}
