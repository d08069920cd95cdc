// "Buy the same cartridges again": the cartridges of a past order go back in
// the cart, as many as are in stock now. Prices and stock are today's; the
// order only says which variants and how many. The cart is brought up to the
// order's quantities, never past them: asking twice (a double click, a second
// tab) does not put the cartridges in twice.
import { addToCart, CartError, loadCart, MAX_LINE_QUANTITY, PROFESSIONAL_ONLY_MESSAGE, type CartOwner } from "@/lib/cart";
import type { Db } from "@/lib/db";
import type { OrderView } from "./view";

export type ReorderResult = {
  /** A new guest cart token to set in the cookie, if a cart had to be made. */
  cartToken: string | null;
  added: { name: string; quantity: number }[];
  capped: { name: string; quantity: number; wanted: number }[];
  soldOut: string[];
  /** Professional-only, and this buyer may not buy it now (lib/professional/eligibility.ts). */
  professionalOnly: string[];
  /** Already in the cart in the order's quantity (or more): left as they are. */
  alreadyInCart: string[];
};

export async function reorderCartridges(prisma: Db, order: Pick<OrderView, "items">, owner: CartOwner): Promise<ReorderResult> {
  const result: ReorderResult = { cartToken: null, added: [], capped: [], soldOut: [], professionalOnly: [], alreadyInCart: [] };
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
    const wanted = item.quantity - already;
    if (wanted <= 0) {
      result.alreadyInCart.push(name);
      continue;
    }
    const room = variant ? Math.min(variant.stock, MAX_LINE_QUANTITY) - already : 0;
    const quantity = Math.min(wanted, room);
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
      if (quantity < wanted) result.capped.push({ name, quantity, wanted });
      else result.added.push({ name, quantity });
    } catch (error) {
      // Not for this buyer (a licence that ran out since), or stock moved between the read and the add.
      if (error instanceof CartError && error.code === "professional-only") result.professionalOnly.push(name);
      else if (error instanceof CartError) result.soldOut.push(name);
      else throw error;
    }
  }
  return result;
}

export type ReorderState = { message?: string; error?: string };

const list = (names: string[]) => names.join(", ");

/** What the shopper is told after "Buy the same cartridges again": what went in, and why anything did not. */
export function reorderAnswer(result: Omit<ReorderResult, "cartToken">): ReorderState {
  const sentences: string[] = [];
  if (result.added.length || result.capped.length) {
    sentences.push(`Added ${list([...result.added, ...result.capped].map((a) => `${a.quantity} × ${a.name}`))} to your cart.`);
  }
  for (const c of result.capped) sentences.push(`Only ${c.quantity} of the ${c.wanted} × ${c.name} you ordered ${c.quantity > 1 ? "are" : "is"} in stock.`);
  if (result.alreadyInCart.length) sentences.push(`Already in your cart: ${list(result.alreadyInCart)}.`);
  if (result.soldOut.length) sentences.push(`Sorry, ${list(result.soldOut)} ${result.soldOut.length > 1 ? "are" : "is"} sold out right now.`);
  if (result.professionalOnly.length) sentences.push(`${list(result.professionalOnly)}: ${PROFESSIONAL_ONLY_MESSAGE}`);
  if (!sentences.length) return { error: "This order has no cartridges to buy again." };
  const nothingIn = !result.added.length && !result.capped.length && !result.alreadyInCart.length;
  return nothingIn ? { error: sentences.join(" ") } : { message: sentences.join(" ") };
}
