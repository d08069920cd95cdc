"use server";
// "Buy the same cartridges again", from any page that shows an order. The
// form says how the order was opened (its confirmation link, a tracking link,
// or the signed-in account); the order is opened again through openOrder,
// so the form can never reach an order the visitor could not open.
import { z } from "zod";
import { currentUserId } from "@/lib/accounts/session";
import { cartOwner } from "@/lib/cart";
import { cartToken, setCartToken } from "@/lib/cart/cookie";
import { openOrder, reorderCartridges } from "@/lib/data";
import { reorderAnswer, type ReorderState } from "@/lib/orders/reorder";
import { formField, id } from "@/lib/validation";

// ref: an order id or a link token, both URL-safe ids; anything else names no order.
const input = z.object({ via: z.enum(["confirmation", "tracking", "account"]), ref: id() });

export async function reorderAction(_prev: ReorderState, formData: FormData): Promise<ReorderState> {
  const parsed = input.safeParse({ via: formField(formData, "via", 20), ref: formField(formData, "ref", 200) });
  if (!parsed.success) return { error: "We could not find that order." };
  const { via, ref } = parsed.data;
  // The session is read once: up front for an account's order, otherwise
  // only once the order is found (for whose cart it goes to).
  const accountUserId = via === "account" ? await currentUserId() : null;
  const opened = await openOrder(via === "account" ? { via, orderId: ref, userId: accountUserId } : { via, token: ref });
  if (!opened) return { error: "We could not find that order." };

  const userId = accountUserId ?? (await currentUserId());
  const result = await reorderCartridges(opened.order, cartOwner(userId, await cartToken()));
  if (result.cartToken) await setCartToken(result.cartToken);
  return reorderAnswer(result);
}
