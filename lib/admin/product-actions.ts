// The product editor's forms (app/admin/products/[slug]). Each form carries
// the product's id and slug in hidden fields; the slug only says which page
// to come back to, the id is what is changed, and every other id a form
// names (a variant, a kit line, a pen fit) is checked by lib/admin/products.ts
// to belong to that product.
import { z } from "zod";
import { required } from "@/lib/forms";
import { id, isId, text } from "@/lib/validation";
import { defineAction, type AdminAction } from "./actions";
import {
  addFit,
  addKitItem,
  LIMITS,
  MAX_KIT_QUANTITY,
  MAX_PRICE_CENTS,
  parseDollars,
  removeFit,
  removeKitItem,
  setKitItemQuantity,
  setProductActive,
  updateProductCopy,
  updateVariant,
  verifyFit,
} from "./products";

/** The edit page of the product a form came from (the slug is only a way back; the id is what is checked). */
function productPage(slug: string | undefined, anchor = ""): string {
  return isId(slug, 200) ? `/admin/products/${slug}${anchor}` : "/admin/products";
}

const productFields = { productId: id("We could not find that product."), slug: z.string().max(200) };

const quantity = z
  .string({ error: `Enter a quantity from 1 to ${MAX_KIT_QUANTITY}.` })
  .trim()
  .regex(/^\d{1,2}$/, `Enter a quantity from 1 to ${MAX_KIT_QUANTITY}.`)
  .transform(Number)
  .pipe(z.number().int().min(1, `Enter a quantity from 1 to ${MAX_KIT_QUANTITY}.`).max(MAX_KIT_QUANTITY));

const day = z
  .string({ error: "Enter the day the fit was checked, like 2026-05-01." })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the day the fit was checked, like 2026-05-01.");

const price = z
  .string({ error: "Enter a price, like 49.00." })
  .max(20, "Enter a price, like 49.00.")
  .transform((v, ctx) => {
    const cents = parseDollars(v);
    if (cents === null) {
      ctx.addIssue({ code: "custom", message: "Enter a price in dollars with at most two decimals, like 49.00." });
      return z.NEVER;
    }
    if (cents <= 0 || cents > MAX_PRICE_CENTS) {
      ctx.addIssue({ code: "custom", message: "Enter a price above $0.00 and at most $100,000.00." });
      return z.NEVER;
    }
    return cents;
  });

/** A checkbox: present ("on") or absent. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "1" || v === "true");

export const productActions: AdminAction[] = [
  defineAction({
    name: "product.copy",
    capability: "products.write",
    input: z.object({
      ...productFields,
      name: required("a name", LIMITS.name),
      tagline: required("a tagline", LIMITS.tagline),
      description: z
        .string({ error: "Enter a description." })
        .pipe(text({ max: LIMITS.description, multiline: true, tooLong: `Keep the description under ${LIMITS.description} characters.` }))
        .transform((v) => v.trim())
        .pipe(z.string().min(1, "Enter a description.")),
    }),
    back: (f) => productPage(f.slug, "#copy"),
    run: async ({ db, actor }, input) => {
      const { slug } = await updateProductCopy(db, actor, input);
      return { redirect: productPage(slug, "#copy"), notice: "Copy saved. The storefront shows it now." };
    },
  }),

  defineAction({
    name: "product.active",
    capability: "products.write",
    input: z.object({ ...productFields, active: z.enum(["1", "0"], { error: "Choose shown or hidden." }) }),
    back: (f) => productPage(f.slug),
    run: async ({ db, actor }, input) => {
      const active = input.active === "1";
      const { slug } = await setProductActive(db, actor, { productId: input.productId, active });
      return {
        redirect: productPage(slug),
        notice: active ? "The product is active: shown in the store and for sale." : "The product is inactive: hidden from the store and not for sale.",
      };
    },
  }),

  defineAction({
    name: "variant.update",
    capability: "products.write",
    input: z.object({
      ...productFields,
      variantId: id("We could not find that variant."),
      label: text({ max: LIMITS.variantLabel, tooLong: `Keep the label under ${LIMITS.variantLabel} characters.` }).transform((v) => v.trim()),
      price,
      professionalOnly: checkbox,
    }),
    back: (f) => productPage(f.slug, "#variants"),
    run: async ({ db, actor }, input) => {
      const { slug } = await updateVariant(db, actor, {
        productId: input.productId,
        variantId: input.variantId,
        label: input.label,
        priceCents: input.price,
        homeUse: !input.professionalOnly,
      });
      return { redirect: productPage(slug, "#variants"), notice: "Variant saved. Orders already placed keep the price they were sold at." };
    },
  }),

  defineAction({
    name: "kit.add",
    capability: "products.write",
    input: z.discriminatedUnion(
      "type",
      [
        z.object({ ...productFields, type: z.literal("variant"), sku: required("a SKU", 64), quantity }),
        z.object({ ...productFields, type: z.literal("pen"), penModelId: id("Choose a pen model from the list."), quantity }),
        z.object({ ...productFields, type: z.literal("label"), label: required("what the item is", LIMITS.kitLabel), quantity }),
      ],
      { error: "Choose what to add." },
    ),
    back: (f) => productPage(f.slug, "#kit"),
    run: async ({ db, actor }, input) => {
      const { slug, name } = await addKitItem(db, actor, input);
      return { redirect: productPage(slug, "#kit"), notice: `Added ${name} to the kit.` };
    },
  }),

  defineAction({
    name: "kit.remove",
    capability: "products.write",
    input: z.object({ ...productFields, kitItemId: id("We could not find that line.") }),
    back: (f) => productPage(f.slug, "#kit"),
    run: async ({ db, actor }, input) => {
      const { slug, name } = await removeKitItem(db, actor, input);
      return { redirect: productPage(slug, "#kit"), notice: `Removed ${name} from the kit.` };
    },
  }),

  defineAction({
    name: "kit.quantity",
    capability: "products.write",
    input: z.object({ ...productFields, kitItemId: id("We could not find that line."), quantity }),
    back: (f) => productPage(f.slug, "#kit"),
    run: async ({ db, actor }, input) => {
      const { slug, name } = await setKitItemQuantity(db, actor, input);
      return { redirect: productPage(slug, "#kit"), notice: `The kit now has ${input.quantity} × ${name}.` };
    },
  }),

  defineAction({
    name: "fit.add",
    capability: "products.write",
    input: z.object({ ...productFields, penModelId: id("Choose a pen model from the list."), verifiedAt: day }),
    back: (f) => productPage(f.slug, "#fits"),
    run: async ({ db, actor }, input) => {
      const { slug, pen } = await addFit(db, actor, input);
      return { redirect: productPage(slug, "#fits"), notice: `Listed as fitting the ${pen}.` };
    },
  }),

  defineAction({
    name: "fit.remove",
    capability: "products.write",
    input: z.object({ ...productFields, penModelId: id("We could not find that fit.") }),
    back: (f) => productPage(f.slug, "#fits"),
    run: async ({ db, actor }, input) => {
      const { slug, pen } = await removeFit(db, actor, input);
      return { redirect: productPage(slug, "#fits"), notice: `No longer listed as fitting the ${pen}.` };
    },
  }),

  defineAction({
    name: "fit.verify",
    capability: "products.write",
    input: z.object({ ...productFields, penModelId: id("We could not find that fit."), verifiedAt: day }),
    back: (f) => productPage(f.slug, "#fits"),
    run: async ({ db, actor }, input) => {
      const { slug, pen } = await verifyFit(db, actor, input);
      return { redirect: productPage(slug, "#fits"), notice: `The fit with the ${pen} is now marked verified on ${input.verifiedAt}.` };
    },
  }),
];
