// Order numbers and confirmation-link tokens. Both are random: knowing one
// order's number or link tells nothing about another's.
import { createHash, createHmac, randomBytes, randomInt, randomUUID } from "node:crypto";
import { storeSecret } from "@/lib/secret";

// No 0/O, 1/I/L: easy to read out on the phone.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** e.g. "SP-7K4Q-9XM2": 8 random characters, about 40 bits. Unique in the database. */
export function newOrderNumber(): string {
  const pick = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `SP-${pick()}-${pick()}`;
}

/** 256 random bits, URL-safe (cart cookies). Only its hash is stored. */
export function newAccessToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A random, non-sequential order id. */
export function newOrderId(): string {
  return randomUUID();
}

/**
 * The token in an order's confirmation link: an HMAC of its random id under
 * the store secret, so the email can carry the link while the database keeps
 * only the token's hash.
 */
export function orderAccessToken(orderId: string): string {
  return createHmac("sha256", storeSecret()).update(`order-link:${orderId}`).digest("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** The confirmation page an access token opens, under `base` (trailing slashes dropped; "" gives the path alone). */
export function orderUrl(base: string, accessToken: string): string {
  return `${base.replace(/\/+$/, "")}/orders/${encodeURIComponent(accessToken)}`;
}
