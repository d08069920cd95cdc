import { cookies } from "next/headers";
import { config } from "@/lib/config";
import { currentUserId } from "@/lib/accounts/session";
import { CART_COOKIE, cartOwner, type CartOwner } from "./index";

export async function cartToken(): Promise<string | null> {
  return (await cookies()).get(CART_COOKIE)?.value ?? null;
}

export async function setCartToken(token: string): Promise<void> {
  (await cookies()).set(CART_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config().https,
    maxAge: 60 * 60 * 24 * 60,
  });
}

/** Whose cart this request uses: the signed-in account's, else the cookie's. */
export async function currentCartOwner(): Promise<CartOwner> {
  const [userId, token] = await Promise.all([currentUserId(), cartToken()]);
  return cartOwner(userId, token);
}
