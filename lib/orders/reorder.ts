// "Buy the same cartridges again": the cartridges of a past order go back in
// the cart, as many as are in stock now. Prices and stock are today's; the
// order only says which variants and how many.
import { addToCart, CartError, loadCart, MAX_LINE_QUANTITY, type CartOwner } from "@/lib/cart";
import type { Db } from "@/lib/db";
import type { OrderView } from "./view";

export type ReorderResult = {
  /** A new guest cart token to set in the cookie, if a cart had to be made. */
  cartToken: string | null;
  added: { name: string; quantity: number }[];
  capped: { name: string; quantity: number; wanted: number }[];
  soldOut: string[];
};

export async function reorderCartridges(prisma: Db, order: Pick<OrderView, "items">, owner: CartOwner): Promise<ReorderResult> {
  const result: ReorderResult = { cartToken: null, added: [], capped: [], soldOut: [] };
  const cartridges = order.items.filter((i) => i.productKind === "CARTRIDGE");
  if (!cartridges.length) return result;
  const cart = await loadCart(prisma, owner);
  const inCart = new Map(cart.lines.map((l) => [l.variantId, l.quantity]));
  const variants = await prisma.variant.findMany({
    where: { id: { in: cartridges.map((i) => i.variantId) } },
    select: { id: true, stock: true },
  });
  let current: CartOwner = owner;
  for (const item of cartridges) {
    const name = item.variantLabel ? `${item.name} (${item.variantLabel})` : item.name;
    const variant = variants.find((v) => v.id === item.variantId);
    const already = inCart.get(item.variantId) ?? 0;
    const room = variant ? Math.min(variant.stock, MAX_LINE_QUANTITY) - already : 0;
    const quantity = Math.min(item.quantity, room);
    if (quantity < 1) {
      result.soldOut.push(name);
      continue;
    }
    try {
      const token = await addToCart(prisma, current, item.variantId, quantity);
      if (token) {
        result.cartToken = token;
        current = token;
      }
      inCart.set(item.variantId, already + quantity);
      if (quantity < item.quantity) result.capped.push({ name, quantity, wanted: item.quantity });
      else result.added.push({ name, quantity });
    } catch (error) {
      // Stock moved between the read and the add: treat it as sold out.
      if (error instanceof CartError) result.soldOut.push(name);
      else throw error;
    }
  }
  return result;
}
