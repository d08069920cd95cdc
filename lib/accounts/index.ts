// Accounts: what a signed-in customer keeps (addresses, their pen model) and
// what happens at sign-in (the guest cart joins the account's cart, guest
// orders placed with the verified email attach). Every function takes the
// owner's user id and reads or writes only that owner's rows.
import { looksLikeCartToken, MAX_LINE_QUANTITY } from "@/lib/cart";
import { ADDRESS_FIELDS, type Address, type AddressErrors, parseAddress, pickAddress } from "@/lib/addresses";
import type { Db } from "@/lib/db";
import { isId } from "@/lib/validation";
import { emailOrIpLimitReached, hitEmailAndIpLimits } from "@/lib/rate-limit";
import { hashToken, newAccessToken } from "@/lib/orders/tokens";

// ---------------------------------------------------------------- addresses

export type { AddressErrors, AddressField } from "@/lib/addresses";
export type SavedAddress = Address & { id: string };

/** An account may keep this many addresses. */
const MAX_ADDRESSES = 20;

export async function listAddresses(prisma: Pick<Db, "address">, userId: string): Promise<SavedAddress[]> {
  return prisma.address.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, line1: true, line2: true, city: true, region: true, postalCode: true, country: true },
  });
}

export async function addAddress(
  prisma: Pick<Db, "address">,
  userId: string,
  raw: Record<string, unknown>,
): Promise<{ ok: true; id: string } | { ok: false; errors: AddressErrors; formError?: string }> {
  const result = parseAddress(raw, "the");
  if (!result.data) return { ok: false, errors: result.errors };
  if ((await prisma.address.count({ where: { userId } })) >= MAX_ADDRESSES) {
    return { ok: false, errors: {}, formError: `You can keep up to ${MAX_ADDRESSES} addresses. Delete one to add another.` };
  }
  const row = await prisma.address.create({ data: { ...pickAddress(result.data), userId }, select: { id: true } });
  return { ok: true, id: row.id };
}

/**
 * Keeps an address typed at checkout for next time: added to the account
 * unless it already holds the same address (compared in its normal form,
 * ignoring case and repeated spaces), and never beyond the limit. Two
 * checkouts of one account at once queue on the account's row, so the same
 * address is never added twice.
 */
export async function rememberAddress(prisma: Db, userId: string, address: Address): Promise<"added" | "already-saved" | "full" | "invalid"> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const saved = await listAddresses(tx, userId);
    const key = addressKey(address);
    if (saved.some((s) => addressKey(s) === key)) return "already-saved";
    // As a form would send it: an empty optional line is "", not null.
    const added = await addAddress(tx, userId, Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, address[f] ?? ""])));
    if (added.ok) return "added";
    return added.formError ? "full" : "invalid";
  });
}

/** One address, however it was capitalised or spaced. */
function addressKey(a: Address): string {
  return ADDRESS_FIELDS.map((f) => (a[f] ?? "").replace(/\s+/g, " ").trim().toLowerCase()).join("\u0000");
}

/** Deletes one of the owner's addresses. Someone else's address, or none, is "not found". */
export async function deleteAddress(prisma: Db, userId: string, addressId: string): Promise<boolean> {
  if (!isId(addressId)) return false;
  const { count } = await prisma.address.deleteMany({ where: { id: addressId, userId } });
  return count > 0;
}

// ---------------------------------------------------------------- pen model

export async function savedPenModel(prisma: Db, userId: string): Promise<{ slug: string; name: string } | null> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { penModelSlug: true } });
  if (!user?.penModelSlug) return null;
  return prisma.penModel.findUnique({ where: { slug: user.penModelSlug }, select: { slug: true, name: true } });
}

/** Why a pen could not be saved, as a code a URL may carry; the message is the store's own (penErrorMessage). */
export type PenError = "unknown-pen";
const PEN_ERRORS: Record<PenError, string> = { "unknown-pen": "Choose one of the pen models listed." };

/** The store's message for a pen error code; null for anything else (a URL can hold any text). */
export function penErrorMessage(code: unknown): string | null {
  return typeof code === "string" && Object.hasOwn(PEN_ERRORS, code) ? PEN_ERRORS[code as PenError] : null;
}

/** Saves the pen the customer has; an empty slug clears it. Unknown slugs are refused. */
export async function savePenModel(
  prisma: Db,
  userId: string,
  slug: string,
): Promise<{ ok: true; slug: string | null } | { ok: false; code: PenError; error: string }> {
  if (slug === "") {
    await prisma.user.update({ where: { id: userId }, data: { penModelSlug: null } });
    return { ok: true, slug: null };
  }
  const known = isId(slug, 60) && (await prisma.penModel.findUnique({ where: { slug }, select: { slug: true } }));
  if (!known) return { ok: false, code: "unknown-pen", error: PEN_ERRORS["unknown-pen"] };
  await prisma.user.update({ where: { id: userId }, data: { penModelSlug: known.slug } });
  return { ok: true, slug: known.slug };
}

/**
 * At sign-in, the pen the visitor chose as a guest and the account's saved pen
 * become one: the account's wins when it has one, otherwise the guest's choice
 * is saved to the account. Returns the slug the pen cookie should hold.
 */
export async function reconcilePenAtSignIn(prisma: Db, userId: string, cookieSlug: string | null): Promise<string | null> {
  const saved = await savedPenModel(prisma, userId);
  if (saved) return saved.slug;
  if (!cookieSlug) return null;
  const result = await savePenModel(prisma, userId, cookieSlug);
  return result.ok ? result.slug : null;
}

// ---------------------------------------------------------------- sign-in

/** Sign-in links per email and per client address, counted in the database. */
export const SIGN_IN_LIMITS = {
  email: { limit: 5, windowSeconds: 15 * 60 },
  ip: { limit: 20, windowSeconds: 15 * 60 },
} as const;

/**
 * Whether another sign-in link may be sent now: stops a script from flooding
 * someone's inbox with links, or trying addresses wholesale. Every request
 * counts, allowed or not.
 */
export async function allowSignInLink(
  prisma: Db,
  email: string,
  ip: string | null,
  now = new Date(),
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  return hitEmailAndIpLimits(prisma, "sign-in", email, ip, SIGN_IN_LIMITS, now);
}

/** Whether the sign-in link limit is used up for this email or address (counts nothing). */
export async function signInLinkLimitReached(prisma: Db, email: string, ip: string | null, now = new Date()): Promise<boolean> {
  return emailOrIpLimitReached(prisma, "sign-in", email, ip, SIGN_IN_LIMITS, now);
}

export type SignInResult = { mergedLines: number; attachedOrders: number };

/**
 * After a successful sign-in: (a) the guest cart named by the cookie token
 * joins the account's cart (quantities summed per variant, capped at 99 and at
 * stock) and is deleted, or simply becomes the account's cart, with a fresh
 * token nobody holds, when the account has none; (b) guest orders placed with
 * the account's verified email are attached to it. Orders are matched only
 * when the email is verified (the magic link proves it; an OAuth provider's
 * claim alone does not).
 */
export async function onSignIn(prisma: Db, userId: string, email: string | null, guestCartToken: string | null | undefined): Promise<SignInResult> {
  const mergedLines = await mergeGuestCart(prisma, userId, guestCartToken);
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
  let attachedOrders = 0;
  if (user?.emailVerified && (!email || email.toLowerCase() === user.email.toLowerCase())) {
    const { count } = await prisma.order.updateMany({ where: { email: user.email.toLowerCase(), userId: null }, data: { userId } });
    attachedOrders = count;
  }
  return { mergedLines, attachedOrders };
}

async function mergeGuestCart(prisma: Db, userId: string, token: string | null | undefined): Promise<number> {
  if (!looksLikeCartToken(token)) return 0;
  return prisma.$transaction(async (tx) => {
    const guest = await tx.cart.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, userId: true, items: { select: { variantId: true, quantity: true, variant: { select: { stock: true } } } } },
    });
    if (!guest || guest.userId !== null) return 0;
    const existing = await tx.cart.findUnique({ where: { userId }, select: { id: true } });
    if (!existing) {
      // The guest cart becomes the account's; its old token stops opening it.
      await tx.cart.update({ where: { id: guest.id }, data: { userId, tokenHash: hashToken(newAccessToken()) } });
      return guest.items.length;
    }
    const targetId = existing.id;
    const mine = await tx.cartItem.findMany({ where: { cartId: targetId }, select: { variantId: true, quantity: true } });
    const have = new Map(mine.map((i) => [i.variantId, i.quantity]));
    for (const item of guest.items) {
      const cap = Math.min(MAX_LINE_QUANTITY, Math.max(item.variant.stock, 0));
      const sum = (have.get(item.variantId) ?? 0) + item.quantity;
      const quantity = Math.min(sum, cap);
      if (quantity < 1) continue;
      await tx.cartItem.upsert({
        where: { cartId_variantId: { cartId: targetId, variantId: item.variantId } },
        create: { cartId: targetId, variantId: item.variantId, quantity },
        update: { quantity },
      });
    }
    await tx.cart.delete({ where: { id: guest.id } });
    await tx.cart.update({ where: { id: targetId }, data: { updatedAt: new Date() } });
    return guest.items.length;
  });
}
