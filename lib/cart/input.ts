// The one reading of "add this to the cart" / "set this line's quantity"
// from a form: a variant id and a quantity, nothing else. Used by the cart's
// server actions and by POST /cart/add.
import { z } from "zod";
import { formField, id } from "@/lib/validation";
import { MAX_LINE_QUANTITY } from "./index";

const quantity = z
  .number({ error: "Enter a whole number." })
  .int("Enter a whole number.")
  .min(0, `Enter a quantity from 0 to ${MAX_LINE_QUANTITY}.`)
  .max(MAX_LINE_QUANTITY, `You can order up to ${MAX_LINE_QUANTITY} of one item.`);

export const lineInput = z.object({
  variantId: id("That product is no longer available."),
  // A number typed in a box: a few characters at most, never a long string to parse.
  quantity: z.string({ error: "Enter a quantity." }).max(12, "Enter a whole number.").transform(Number).pipe(quantity),
});

export type AddInput = { ok: true; variantId: string; quantity: number } | { ok: false; error: string };

/** An add-to-cart form: a quantity of at least one (missing means one). */
export function readAddToCart(formData: FormData): AddInput {
  const parsed = lineInput.safeParse({ variantId: formField(formData, "variantId"), quantity: formField(formData, "quantity") ?? "1" });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? `Enter a quantity from 1 to ${MAX_LINE_QUANTITY}.` };
  if (parsed.data.quantity < 1) return { ok: false, error: `Enter a quantity from 1 to ${MAX_LINE_QUANTITY}.` };
  return { ok: true, ...parsed.data };
}
