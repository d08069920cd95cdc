"use server";
// Cart changes. The client sends a variant id and a quantity, nothing else;
// errors come back as a message the form shows next to the line. A redirect
// never carries text the client sent: only a checked variant id and an error
// code, which the cart page turns back into the store's own message.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addToCart, loadCart, setCartQuantity } from "@/lib/data";
import { CartError, MAX_LINE_QUANTITY, type CartErrorCode } from "@/lib/cart";
import { currentCartOwner, setCartToken } from "@/lib/cart/cookie";
import { formField, id } from "@/lib/validation";

export type AddToCartState = { error?: string; added?: boolean };

const quantity = z
  .number({ error: "Enter a whole number." })
  .int("Enter a whole number.")
  .min(0, `Enter a quantity from 0 to ${MAX_LINE_QUANTITY}.`)
  .max(MAX_LINE_QUANTITY, `You can order up to ${MAX_LINE_QUANTITY} of one item.`);
const lineInput = z.object({
  variantId: id("That product is no longer available."),
  // A number typed in a box: a few characters at most, never a long string to parse.
  quantity: z.string({ error: "Enter a quantity." }).max(12, "Enter a whole number.").transform(Number).pipe(quantity),
});

export async function addToCartAction(_prev: AddToCartState, formData: FormData): Promise<AddToCartState> {
  const parsed = lineInput.safeParse({ variantId: formField(formData, "variantId"), quantity: formField(formData, "quantity") ?? "1" });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? `Enter a quantity from 1 to ${MAX_LINE_QUANTITY}.` };
  if (parsed.data.quantity < 1) return { error: `Enter a quantity from 1 to ${MAX_LINE_QUANTITY}.` };
  try {
    const token = await addToCart(await currentCartOwner(), parsed.data.variantId, parsed.data.quantity);
    // A guest keeps the cart token in a cookie; an account's cart needs none.
    if (token) await setCartToken(token);
  } catch (error) {
    if (error instanceof CartError) return { error: error.message };
    throw error;
  }
  if (formData.get("then") === "cart") redirect("/cart");
  revalidatePath("/cart");
  return { added: true };
}

export async function updateCartLine(formData: FormData): Promise<void> {
  const remove = formData.get("remove") !== null;
  const parsed = lineInput.safeParse({ variantId: formField(formData, "variantId"), quantity: remove ? "0" : formField(formData, "quantity") });
  // The URL may name a line only by an id read back from the cart itself, never the one sent.
  const owner = await currentCartOwner();
  const sent = id().safeParse(formField(formData, "variantId")).data;
  const line = async () => (sent ? ((await loadCart(owner)).lines.find((l) => l.variantId === sent)?.variantId ?? null) : null);
  if (!parsed.success) redirect(cartUrl(await line(), "quantity"));
  try {
    await setCartQuantity(owner, parsed.data.variantId, parsed.data.quantity);
  } catch (error) {
    if (error instanceof CartError) redirect(cartUrl(await line(), error.code));
    throw error;
  }
  redirect("/cart");
}

function cartUrl(variantId: string | null, code: CartErrorCode): string {
  const query = new URLSearchParams(variantId ? { line: variantId, error: code } : { error: code });
  return `/cart?${query}`;
}
