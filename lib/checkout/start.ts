// Starting checkout: validate, hold stock and the promo use atomically,
// snapshot what is being sold (names, prices, the instructions as they stand
// today), then hand over to the payment provider. Any failure leaves stock,
// promo counts and the cart as they were.
//
// A cart has at most one live checkout: the hold transaction locks the cart
// row first, checks the cart still holds what was priced, and supersedes
// (cancels, releasing its stock) any earlier order of that cart still
// awaiting payment. Concurrent submits from one cart therefore queue on the
// cart, and only the last one can be paid.
//
// The totals come from priceCart (./quote.ts), which the checkout page's
// summary is priced with too. A signed-in customer who asks for it has the
// address kept in their account once checkout has started (lib/accounts).
import type { Db } from "@/lib/db";
import { rememberAddress } from "@/lib/accounts";
import { pickAddress } from "@/lib/addresses";
import { cartOwner, checkoutProblem, loadCart, type CartLine, type CartView } from "@/lib/cart";
import { formatMoney } from "@/lib/catalog";
import { loadCheckoutProducts } from "@/lib/catalog/load";
import { Prisma } from "@/lib/generated/prisma/client";
import { buildInstructions, instructionsFor } from "@/lib/guides";
import type { Instructions } from "@/lib/guides/instructions";
import type { ProductInstructions } from "@/lib/guides/attachment";
import { readPublishedVersion } from "@/lib/guides/store";
import { OutOfStockError, takeStock } from "@/lib/inventory";
import { announceInvalidation } from "@/lib/cache/invalidate";
import { kickJobs } from "@/lib/jobs";
import { recordOrderEvent } from "@/lib/orders/events";
import { applyPaymentEvent, recordPaymentReference, supersedeUnpaidOrders } from "@/lib/orders/payment-events";
import { hashToken, newOrderId, newOrderNumber, orderAccessToken } from "@/lib/orders/tokens";
import { HOLD_MINUTES, paymentGateway, type PaymentGateway } from "@/lib/payments";
import { acknowledgementOf, type AcknowledgedGuide } from "@/lib/professional/acknowledgement";
import { parseCheckoutInput, type FieldErrors } from "./input";
import { priceCart } from "./quote";
import { promoMessage, type Promo } from "./totals";

export type StartCheckoutResult =
  { ok: true; orderId: string; orderNumber: string; accessToken: string; redirectUrl: string } | { ok: false; errors: FieldErrors; formError?: string };

/** Kits and cartridges need the "who must not use it" confirmation. */
export function needsSafetyLine(line: Pick<CartLine, "productKind">): boolean {
  return line.productKind === "KIT" || line.productKind === "CARTRIDGE";
}

/** Whether the cart holds a line that needs that confirmation. */
export function needsSafetyConfirmation(cart: Pick<CartView, "lines">): boolean {
  return cart.lines.some(needsSafetyLine);
}

/** The shipping methods checkout offers, in the store's order, each with the label the form shows. */
export async function shippingChoices(prisma: Db): Promise<{ code: string; label: string }[]> {
  const methods = await prisma.shippingMethod.findMany({ where: { active: true }, orderBy: { position: "asc" } });
  return methods.map((m) => ({
    code: m.code,
    label: `${m.name}: ${formatMoney(m.priceCents)}, ${m.minDays}–${m.maxDays} working days${m.freeOverCents !== null ? ` (free over ${formatMoney(m.freeOverCents)})` : ""}`,
  }));
}

export async function startCheckout(
  prisma: Db,
  cartToken: string | null | undefined,
  raw: Record<string, unknown>,
  /**
   * userId: a signed-in customer; their account cart is used and the order is theirs.
   * clientIp: the client's address when the server knows it, for the limit on refused promo codes.
   */
  options: { baseUrl: string; now?: Date; gateway?: PaymentGateway; userId?: string | null; clientIp?: string | null },
): Promise<StartCheckoutResult> {
  const now = options.now ?? new Date();
  const { data, errors } = parseCheckoutInput(raw);
  const cart = await loadCart(prisma, cartOwner(options.userId, cartToken));
  const refused = checkoutProblem(cart); // who may buy what: lib/cart
  if (refused) return { ok: false, errors: { ...errors, cart: refused }, formError: refused };
  if (cart.lines.length === 0) return { ok: false, errors: { ...errors, cart: "Your cart is empty." } };
  if (data && needsSafetyConfirmation(cart) && !data.confirmSafety) {
    errors.confirmSafety = "Please confirm you have read who must not use these products, and that you are 18 or over.";
  }
  // The method, the code and the totals, by the rules the checkout page's summary is quoted with (./quote.ts).
  // From values read before the transaction: the same on every attempt.
  const priced = data ? await priceCart(prisma, cart, data, now, { ip: options.clientIp ?? null, cartId: cart.id }) : null;
  if (priced) Object.assign(errors, priced.errors);
  if (!data || !priced?.shipping || Object.keys(errors).length > 0) return { ok: false, errors };
  const shipping = priced.shipping;
  const { promo, totals } = priced;

  const gateway = options.gateway ?? (await paymentGateway());

  // What is being sold, with the instructions that travel with it today.
  const sold = await instructionsSnapshot(prisma, [...new Set(cart.lines.map((l) => l.productSlug))]);
  // The guide versions whose "who must not use it" the buyer confirmed, and the
  // licence professional-only lines are sold under (loadCart held them back without one).
  const acknowledgement = data.confirmSafety
    ? acknowledgementOf(
        cart.lines.filter(needsSafetyLine).map((l) => sold.get(l.productSlug)?.guide),
        now,
      )
    : null;
  const licenceId = cart.lines.some((l) => l.professionalOnly) ? (cart.licence?.id ?? null) : null;
  let order: { id: string; number: string; holdExpiresAt: Date; totalCents: number; shippingCents: number; discountCents: number };
  let accessToken: string;
  // Earlier unpaid orders of this cart cancelled by the committed attempt.
  let superseded = 0;
  try {
    ({ order, accessToken } = await createHeldOrder());
  } catch (error) {
    if (error instanceof OutOfStockError) {
      return { ok: false, errors: { cart: error.message + " Please change the quantity in your cart." }, formError: error.message };
    }
    if (error instanceof PromoUsedUp) return { ok: false, errors: { promoCode: promoMessage("used-up", promo) } };
    if (error instanceof CartChanged) return { ok: false, errors: { cart: CART_CHANGED }, formError: CART_CHANGED };
    throw error;
  }
  // Superseded orders' Stripe sessions are to be expired: that job is committed now.
  // (Nothing superseded, nothing enqueued: no need to wake the worker.)
  if (superseded > 0) kickJobs();

  function createHeldOrder() {
    return holdOrder(prisma, {
      // Serialise on the cart: a second checkout from it waits here until this one commits.
      prepare: async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "Cart" WHERE "id" = ${cart.id} FOR UPDATE`;
        // Under the lock, the cart must still hold what was priced above: if
        // another tab paid it (emptying it) or changed it, this would sell it twice.
        const current = await tx.cartItem.findMany({ where: { cartId: cart.id! }, select: { variantId: true, quantity: true } });
        const key = (l: { variantId: string; quantity: number }) => `${l.variantId}x${l.quantity}`;
        if (current.map(key).sort().join() !== cart.lines.map(key).sort().join()) throw new CartChanged();
        superseded = await supersedeUnpaidOrders(tx, cart.id!, now);
      },
      stock: cart.lines,
      promo,
      order: {
        email: data!.email.toLowerCase(),
        shipName: data!.name,
        shipLine1: data!.line1,
        shipLine2: data!.line2,
        shipCity: data!.city,
        shipRegion: data!.region,
        shipPostalCode: data!.postalCode,
        shipCountry: data!.country,
        shippingMethodCode: shipping!.code,
        shippingMethodName: shipping!.name,
        subtotalCents: totals.subtotalCents,
        discountCents: totals.discountCents,
        shippingCents: totals.shippingCents,
        totalCents: totals.totalCents,
        currency: cart.lines[0]!.currency,
        promoCode: promo?.code ?? null,
        contraindicationsConfirmedAt: data!.confirmSafety ? now : null,
        acknowledgement: acknowledgement ?? Prisma.DbNull,
        licenceId,
        cartId: cart.id,
        userId: options.userId ?? null,
        paymentProvider: gateway.provider,
        holdExpiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
        items: {
          create: cart.lines.map((l) => {
            const snapshot = sold.get(l.productSlug);
            return {
              variantId: l.variantId,
              productSlug: l.productSlug,
              productKind: l.productKind,
              name: l.productName,
              variantLabel: l.variantLabel,
              sku: l.sku,
              unitPriceCents: l.unitPriceCents,
              quantity: l.quantity,
              lineTotalCents: l.lineTotalCents,
              guideVersionId: snapshot?.guideVersionId ?? null,
              instructions: snapshot?.instructions ? (snapshot.instructions as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
            };
          }),
        },
      },
    });
  }

  try {
    const started = await gateway.start(
      {
        id: order.id,
        number: order.number,
        email: data.email,
        currency: cart.lines[0]!.currency,
        totalCents: order.totalCents,
        shippingCents: order.shippingCents,
        shippingMethodName: shipping.name,
        discountCents: order.discountCents,
        holdExpiresAt: order.holdExpiresAt,
        items: cart.lines.map((l) => ({ name: `${l.productName} (${l.variantLabel})`, sku: l.sku, unitPriceCents: l.unitPriceCents, quantity: l.quantity })),
      },
      { baseUrl: options.baseUrl, accessToken },
    );
    if (!(await recordPaymentReference(prisma, order.id, started.reference))) {
      // A newer checkout from the same cart replaced this one while payment was starting.
      return { ok: false, errors: {}, formError: SUPERSEDED };
    }
    // Asked for, and signed in: the address is kept for next time. Checkout has
    // started either way; a failure here is logged, not shown.
    if (options.userId && data.saveAddress) {
      await rememberAddress(prisma, options.userId, pickAddress(data)).catch((error: Error) =>
        console.error(`[checkout] the address of order ${order.number} could not be saved to the account:`, error.message),
      );
    }
    return { ok: true, orderId: order.id, orderNumber: order.number, accessToken, redirectUrl: started.redirectUrl };
  } catch (error) {
    console.error(`[checkout] payment could not start for order ${order.number}:`, (error as Error).message);
    await applyPaymentEvent(prisma, {
      provider: gateway.provider,
      eventId: `start-failed:${order.id}`,
      rawType: "store.payment_start_failed",
      kind: "failed",
      orderId: order.id,
    });
    return {
      ok: false,
      errors: {},
      formError: "We could not reach the payment service, so nothing was charged and your cart is unchanged. Please try again in a moment.",
    };
  }
}

/**
 * What each product sold travels with today: its guide's current published
 * version and the instructions built from it (null: no guide, or none
 * published). One statement for the products and which versions are current;
 * a version's content only the first time this process meets it; and, when
 * an item's instructions name other products (a kit's aftercare timeline),
 * one more for those products' names, so the order names and links them.
 */
type SoldSnapshot = { guideVersionId: string | null; guide: AcknowledgedGuide | null; instructions: Instructions | null };

export async function instructionsSnapshot(prisma: Db, slugs: string[]): Promise<Map<string, SoldSnapshot>> {
  const products = await loadCheckoutProducts(prisma, slugs);
  const names = new Map(products.map((p) => [p.slug, p.name]));
  const attached = new Map<string, ProductInstructions | null>();
  const mentioned = new Set<string>();
  for (const product of products) {
    const guide = product.guideVersionId ? await readPublishedVersion(prisma, product.guideVersionId) : null;
    const instructions = guide ? instructionsFor(product, guide) : null;
    attached.set(product.slug, instructions);
    // Only the whole guide lists the products of each aftercare window.
    if (instructions?.kind === "full") {
      for (const w of instructions.guide.content.AFTERCARE.windows) for (const slug of w.productSlugs) if (!names.has(slug)) mentioned.add(slug);
    }
  }
  if (mentioned.size) {
    const rows = await prisma.product.findMany({ where: { slug: { in: [...mentioned] } }, select: { slug: true, name: true } });
    for (const row of rows) names.set(row.slug, row.name);
  }
  const snapshot = new Map<string, SoldSnapshot>();
  for (const product of products) {
    const a = attached.get(product.slug);
    snapshot.set(product.slug, {
      guideVersionId: a?.guide.versionId ?? null,
      guide: a ? { versionId: a.guide.versionId, guideSlug: a.guide.guideSlug, guideTitle: a.guide.guideTitle, number: a.guide.number } : null,
      instructions: a ? buildInstructions(product, a, (s) => names.get(s)) : null,
    });
  }
  return snapshot;
}

export type HoldOrderInput = {
  /** What the order says: buyer, address, totals, items as sold. Its id, number and link token are made here. */
  order: Omit<Prisma.OrderUncheckedCreateInput, "id" | "number" | "accessTokenHash">;
  /** The stock to take, atomically with the order's creation. */
  stock: { variantId: string; quantity: number }[];
  /** A promo code whose use is counted in the same transaction. */
  promo?: Pick<Promo, "code" | "maxUses"> | null;
  /** Runs first inside the transaction (checkout locks and checks its cart here). */
  prepare?: (tx: Prisma.TransactionClient) => Promise<void>;
};

/**
 * Creates an order awaiting payment: stock taken, promo use counted and the
 * order written in one transaction, with a random id, a random readable
 * number (retried on the rare clash) and the confirmation-link token derived
 * from the id. Throws OutOfStockError, or PromoUsedUp, and then nothing changed.
 */
export async function holdOrder(prisma: Db, hold: HoldOrderInput) {
  const id = newOrderId();
  const accessToken = orderAccessToken(id);
  for (let attempt = 0; ; attempt++) {
    try {
      let outdated = false;
      const order = await prisma.$transaction(async (tx) => {
        await hold.prepare?.(tx);
        const created = await tx.order.create({
          data: { ...hold.order, id, number: newOrderNumber(), accessTokenHash: hashToken(accessToken) },
          // The items as written, without the instructions just built (large JSON nobody reads back here).
          include: { items: { orderBy: { id: "asc" }, omit: { instructions: true } } },
        });
        // The first step of its timeline, with when the customer confirmed the safety information.
        await recordOrderEvent(tx, {
          orderId: created.id,
          kind: "placed",
          actorKind: "CUSTOMER",
          message: "Order placed.",
          data: { contraindicationsConfirmedAt: created.contraindicationsConfirmedAt?.toISOString() ?? null },
          at: created.createdAt,
        });
        // Stock, then the promo's count, last: every checkout of a popular kit
        // updates the same Variant row, and its lock is held from this UPDATE to
        // the commit, so nothing else waits inside it. If either cannot be
        // taken, the throw rolls back the order written above with it.
        outdated = await takeStock(tx, hold.stock);
        const promo = hold.promo;
        if (promo) {
          const taken = await tx.promoCode.updateMany({
            where: { code: promo.code, active: true, ...(promo.maxUses !== null ? { usedCount: { lt: promo.maxUses } } : {}) },
            data: { usedCount: { increment: 1 } },
          });
          if (taken.count === 0) throw new PromoUsedUp();
        }
        return created;
      });
      // A stock band changed: this process's cached pages learn of it now, not at the next poll.
      if (outdated) void announceInvalidation();
      return { order, accessToken };
    } catch (error) {
      // A clash of random order numbers: try again with a new one.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && attempt < 3) continue;
      throw error;
    }
  }
}

export class PromoUsedUp extends Error {}
class CartChanged extends Error {}

const CART_CHANGED = "Your cart changed while checking out (it may have been paid or edited in another tab). Please check it and try again.";
const SUPERSEDED =
  "This checkout was replaced by a newer one from the same cart, so nothing will be charged for it. Please continue in the newest tab, or check your cart.";
