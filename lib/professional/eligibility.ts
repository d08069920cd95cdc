// Who may buy what. Variants with homeUse = false are sold to verified
// professionals only: an account with a licence staff approved
// (ProfessionalLicence) that has not run out. This file is the only place
// that rule lives: adding to a cart, showing it, starting checkout and
// applying a payment (lib/cart, lib/checkout, lib/orders/payment-events) all
// ask `mayBuy`, with the buyer `loadBuyer` reads.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A licence as the rule needs it: which one, and the first instant it is no longer valid. */
export type BuyerLicence = { id: string; validUntil: Date; expiresOn: Date };

/** Who is buying: a guest or an account without a licence has `licence: null`. */
export type Buyer = { userId: string | null; licence: BuyerLicence | null };

export const GUEST: Buyer = { userId: null, licence: null };

/**
 * The one refusal for a professional-only variant, the same to a guest, to an
 * account that never applied and to one whose application or licence is not
 * (or no longer) valid: it tells nobody anything about anyone's account.
 */
export const PROFESSIONAL_ONLY_MESSAGE =
  "This is sold only to verified professionals. A professional account, with a licence we have checked, is needed to order it; you can apply from your account page.";

/** Whether a licence is valid at `now`. */
export function licenceValid(licence: Pick<BuyerLicence, "validUntil"> | null | undefined, now = new Date()): boolean {
  return !!licence && licence.validUntil.getTime() > now.getTime();
}

/** Whether this buyer may buy this variant at `now`. */
export function mayBuy(variant: { homeUse: boolean }, buyer: Buyer, now = new Date()): boolean {
  return variant.homeUse || licenceValid(buyer.licence, now);
}

/**
 * The account's licence valid at `now` (the one that runs longest when a
 * renewal overlaps the old one), or null. Revoking a licence is done by
 * ending its validity (validUntil), so there is no other state to check.
 */
export async function currentLicence(prisma: Db | Prisma.TransactionClient, userId: string, now = new Date()): Promise<BuyerLicence | null> {
  return prisma.professionalLicence.findFirst({
    where: { userId, validUntil: { gt: now } },
    orderBy: { validUntil: "desc" },
    select: { id: true, validUntil: true, expiresOn: true },
  });
}

/** The buyer for a request: a guest, or an account with its current licence. */
export async function loadBuyer(prisma: Db | Prisma.TransactionClient, userId: string | null | undefined, now = new Date()): Promise<Buyer> {
  if (!userId) return GUEST;
  return { userId, licence: await currentLicence(prisma, userId, now) };
}

/**
 * Takes professional-only items out of the account's cart unless it still
 * holds a valid licence at `now` (a renewal approved meanwhile keeps them):
 * the number of lines removed, or null when a licence still holds. Run in
 * the transaction that ended a licence (the expiry sweep, a withdrawal).
 */
export async function dropProfessionalItems(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<number | null> {
  if (await currentLicence(tx, userId, now)) return null;
  return (await tx.cartItem.deleteMany({ where: { cart: { userId }, variant: { homeUse: false } } })).count;
}
