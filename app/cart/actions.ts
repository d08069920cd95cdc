"use server";
// Cart changes. The client sends a variant id and a quantity, nothing else;
// errors come back as a message the form shows next to the line.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { addToCart, CartError, MAX_LINE_QUANTITY, setCartQuantity } from "@/lib/cart";
import { currentCartOwner, setCartToken } from "@/lib/cart/cookie";
import { db } from "@/lib/db";

export type AddToCartState = { error?: string; added?: boolean };

const lineInput = z.object({
  variantId: z.string().min(1).max(64),
  quantity: z.coerce.number({ error: "Enter a quantity." }).int("Enter a whole number.").min(0).max(MAX_LINE_QUANTITY, `You can order up to ${MAX_LINE_QUANTITY} of one item.`),
});

export async function addToCartAction(_prev: AddToCartState, formData: FormData): Promise<AddToCartState> {
  const parsed = lineInput.safeParse({ variantId: formData.get("variantId"), quantity: formData.get("quantity") ?? 1 });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? `Enter a quantity from 1 to ${MAX_LINE_QUANTITY}.` };
  if (parsed.data.quantity < 1) return { error: `Enter a quantity from 1 to ${MAX_LINE_QUANTITY}.` };
  try {
    const token = await addToCart(db(), await currentCartOwner(), parsed.data.variantId, parsed.data.quantity);
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
  const parsed = lineInput.safeParse({ variantId: formData.get("variantId"), quantity: formData.get("remove") ? 0 : formData.get("quantity") });
  const variantId = String(formData.get("variantId") ?? "");
  if (!parsed.success) redirect(`/cart?line=${encodeURIComponent(variantId)}&error=${encodeURIComponent(parsed.error.issues[0]?.message ?? `Enter a quantity from 0 to ${MAX_LINE_QUANTITY}.`)}`);
  try {
    await setCartQuantity(db(), await currentCartOwner(), parsed.data.variantId, parsed.data.quantity);
  } catch (error) {
    if (error instanceof CartError) redirect(`/cart?line=${encodeURIComponent(variantId)}&error=${encodeURIComponent(error.message)}`);
    throw error;
  }
  redirect("/cart");
}
