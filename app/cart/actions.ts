"use server";
// Cart changes. The client sends a variant id and a quantity, nothing else;
// errors come back as a message the form shows next to the line. A redirect
// never carries text the client sent: only a checked variant id and an error
// code, which the cart page turns back into the store's own message.
import { redirect } from "next/navigation";
import { loadCart, setCartQuantity } from "@/lib/data";
import { CartError, type CartErrorCode } from "@/lib/cart";
import { lineInput } from "@/lib/cart/input";
import { currentCartOwner } from "@/lib/cart/cookie";
import { formField, id } from "@/lib/validation";

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
