// What a cart costs with a shipping method and a promo code: the one place
// checkout's money rules meet the database. Starting checkout
// (lib/checkout/start.ts) prices the order with priceCart, and the checkout
// page's summary asks for the same through quoteCart, so the total shown
// before "Continue to payment" is the total the order is created with.
//
// Prices come from the database only (the cart's live prices, the
// ShippingMethod and PromoCode rows); the client chooses a method code and a
// promo code, checked by the same rules as the checkout form
// (lib/checkout/input.ts), and nothing else.
import type { Db } from "@/lib/db";
import { checkoutProblem, loadCart, type CartOwner, type CartView } from "@/lib/cart";
import { hitRateLimits, limitsReached, retryAfterMinutes, type Limit } from "@/lib/rate-limit";
import { parseQuoteInput, type QuoteChoice, type QuoteErrors } from "./input";
import { computeTotals, promoMessage, promoProblem, type Promo, type ShippingRate, type Totals } from "./totals";

export type ShippingMethodRow = ShippingRate & { minDays: number; maxDays: number };

export type Pricing = {
  /** The chosen method, or null when the code names no active method. */
  shipping: ShippingMethodRow | null;
  /** The promo code applied, or null (none given, or refused: see errors.promoCode). */
  promo: Promo | null;
  /** With no method, shipping counts as nothing. */
  totals: Totals;
  errors: QuoteErrors;
};

/**
 * Who is trying a promo code, for the limit on refused codes: the client's
 * address (when the server knows it) and the cart. Every path that looks a
 * code up (the summary's quote, the checkout page, starting checkout) passes
 * through priceCart, so the limit lives there.
 */
export type PromoTries = { ip: string | null; cartId: string | null };

/**
 * Refused codes allowed per client address and per cart in an hour. A
 * customer mistyping a code a few times never meets it; someone guessing
 * codes one after another stops learning which exist (no code is looked up
 * once it is reached, so a right guess looks the same as a wrong one).
 */
export const PROMO_TRIES = { limit: 20, windowSeconds: 60 * 60 };

function promoLimits(tries: PromoTries): Limit[] {
  const limits: Limit[] = [];
  if (tries.ip) limits.push({ key: `promo:ip:${tries.ip}`, ...PROMO_TRIES });
  if (tries.cartId) limits.push({ key: `promo:cart:${tries.cartId}`, ...PROMO_TRIES });
  return limits;
}

export function promoTriesMessage(retryAfterSeconds: number): string {
  const minutes = retryAfterMinutes(retryAfterSeconds);
  return `Too many codes have been tried. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or continue without a code.`;
}

/** No method found: the goods alone. */
const NO_SHIPPING: ShippingRate = { code: "", name: "", priceCents: 0, freeOverCents: null };

/**
 * Prices the cart's lines with an (already checked) method code and promo
 * code. A refused code is priced as no code, with the reason in
 * errors.promoCode; an unknown method as no shipping, with errors.shippingMethod.
 */
export async function priceCart(
  prisma: Db,
  cart: Pick<CartView, "lines" | "subtotalCents">,
  choice: QuoteChoice,
  now: Date,
  tries: PromoTries,
): Promise<Pricing> {
  const limits = choice.promoCode ? promoLimits(tries) : [];
  const [shipping, found, limited] = await Promise.all([
    choice.shippingMethod
      ? prisma.shippingMethod.findFirst({
          where: { code: choice.shippingMethod, active: true },
          select: { code: true, name: true, priceCents: true, freeOverCents: true, minDays: true, maxDays: true },
        })
      : null,
    choice.promoCode ? prisma.promoCode.findUnique({ where: { code: choice.promoCode } }) : null,
    limitsReached(prisma, limits, now),
  ]);
  const errors: QuoteErrors = {};
  if (choice.shippingMethod && !shipping) errors.shippingMethod = "Choose one of the shipping methods listed.";
  let promo: Promo | null = null;
  if (choice.promoCode && limited.reached) {
    errors.promoCode = promoTriesMessage(limited.retryAfterSeconds);
  } else if (choice.promoCode) {
    const problem = promoProblem(found, cart.subtotalCents, now);
    if (problem) {
      errors.promoCode = promoMessage(problem, found);
      await hitRateLimits(prisma, limits, now);
    } else promo = found;
  }
  return { shipping, promo, totals: computeTotals(cart.lines, shipping ?? NO_SHIPPING, promo), errors };
}

/** What the checkout page's summary shows, in integer cents. */
export type CheckoutQuote = {
  lines: { variantId: string; name: string; label: string; quantity: number; lineTotalCents: number }[];
  currency: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  /** The method's price was waived: the goods, after the discount, reach its free-shipping threshold. */
  freeShipping: boolean;
  /** The method priced, or null (none chosen, or not one the store offers). */
  shipping: { code: string; name: string; freeOverCents: number | null } | null;
  /** The promo code applied to the total, or null. */
  promoCode: string | null;
  /** Why the method or the code was not used, in the words the form shows next to its field. */
  errors: QuoteErrors;
};

export type QuoteResult = { ok: true; quote: CheckoutQuote } | { ok: false; formError: string };

/** The quote for a cart already loaded (the checkout page has it). `raw`: only shippingMethod and promoCode are read. */
export async function quoteCart(prisma: Db, cart: CartView, raw: Record<string, unknown>, ip: string | null, now = new Date()): Promise<CheckoutQuote> {
  const { choice, errors } = parseQuoteInput(raw);
  const priced = await priceCart(prisma, cart, choice, now, { ip, cartId: cart.id ?? null });
  return {
    lines: cart.lines.map((l) => ({
      variantId: l.variantId,
      name: l.productName,
      label: l.variantLabel,
      quantity: l.quantity,
      lineTotalCents: l.lineTotalCents,
    })),
    currency: cart.lines[0]?.currency ?? "USD",
    subtotalCents: priced.totals.subtotalCents,
    discountCents: priced.totals.discountCents,
    shippingCents: priced.totals.shippingCents,
    totalCents: priced.totals.totalCents,
    freeShipping: priced.totals.freeShipping,
    shipping: priced.shipping ? { code: priced.shipping.code, name: priced.shipping.name, freeOverCents: priced.shipping.freeOverCents } : null,
    promoCode: priced.promo?.code ?? null,
    errors: { ...errors, ...priced.errors },
  };
}

/** The quote for whoever's cart this is, or why there is nothing to quote (the same refusals as starting checkout). */
export async function quoteCheckout(prisma: Db, owner: CartOwner, raw: Record<string, unknown>, ip: string | null, now = new Date()): Promise<QuoteResult> {
  const cart = await loadCart(prisma, owner);
  const refused = checkoutProblem(cart);
  if (refused) return { ok: false, formError: refused };
  if (cart.lines.length === 0) return { ok: false, formError: "Your cart is empty." };
  return { ok: true, quote: await quoteCart(prisma, cart, raw, ip, now) };
}
