// The stock forms: an adjustment (a reason, a quantity, an optional
// reference) and a variant's low-stock threshold. Quantities arrive as text
// and must be plain whole numbers; the sign comes from the reason.
import { z } from "zod";
import { optional } from "@/lib/forms";
import { id, isId } from "@/lib/validation";
import { defineAction, type AdminAction } from "./actions";
import { adjustStock, MAX_ADJUSTMENT, MAX_REFERENCE, MAX_THRESHOLD, reasonLabels, setLowStockThreshold, stockReasons } from "./stock";

/** A whole number typed into a form: digits only (no sign, no decimals), at most `max`. */
export function wholeNumber(empty: string, max: number) {
  return z
    .string({ error: empty })
    .max(20, "Enter a whole number, like 10.")
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(1, empty)
        .regex(/^\d+$/, "Enter a whole number, like 10 (digits only, no signs or decimals).")
        .transform(Number)
        .pipe(z.number().max(max, `Enter at most ${max.toLocaleString("en-US")}.`)),
    );
}

const variantPage = (fields: Record<string, string>, anchor: string) =>
  isId(fields.variantId) ? `/admin/stock/${fields.variantId}#${anchor}` : "/admin/stock";

const adjustInput = z.object({
  variantId: id("We could not find that variant."),
  reason: z.enum(stockReasons, { error: "Choose a reason." }),
  quantity: wholeNumber("Enter a quantity.", MAX_ADJUSTMENT),
  reference: optional(MAX_REFERENCE, `Keep the reference under ${MAX_REFERENCE} characters.`),
});

const thresholdInput = z.object({
  variantId: id("We could not find that variant."),
  threshold: wholeNumber("Enter a threshold.", MAX_THRESHOLD),
});

export const stockActions: AdminAction[] = [
  defineAction({
    name: "stock.adjust",
    capability: "stock.write",
    input: adjustInput,
    back: (fields) => variantPage(fields, "adjust"),
    run: async ({ db, actor }, input) => {
      const done = await adjustStock(db, actor, {
        variantId: input.variantId,
        reason: input.reason,
        reference: input.reference,
        ...(input.reason === "COUNT_CORRECTION" ? { countedTo: input.quantity } : { delta: input.reason === "DAMAGED" ? -input.quantity : input.quantity }),
      });
      const change = done.delta === 0 ? "no change" : done.delta > 0 ? `+${done.delta}` : `−${-done.delta}`;
      return {
        redirect: `/admin/stock/${done.variantId}`,
        notice: `${reasonLabels[done.reason]} for ${done.sku} saved (${change}). Free to sell now: ${done.after}.`,
      };
    },
  }),
  defineAction({
    name: "stock.threshold",
    capability: "stock.write",
    input: thresholdInput,
    back: (fields) => variantPage(fields, "threshold"),
    run: async ({ db, actor }, input) => {
      const done = await setLowStockThreshold(db, actor, input);
      return {
        redirect: `/admin/stock/${input.variantId}`,
        notice:
          done.before === done.after
            ? `The low-stock threshold for ${done.sku} was already ${done.after}.`
            : `${done.sku} is now listed as low at ${done.after} or fewer free to sell.`,
      };
    },
  }),
];
