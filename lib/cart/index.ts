// The cart: rows in the database, found by the hash of a random token kept
// in an HttpOnly cookie (a guest), or by the account that owns it (a signed-in
// customer; Cart.userId). An account's cart also has a token hash, from a
// token nobody is ever given, so a cookie can never open it. Prices and stock
// are always read live here, never from the catalog cache.
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashToken, looksLikeToken, newAccessToken } from "@/lib/orders/tokens";
import { isId } from "@/lib/validation";
import { GUEST, loadBuyer, mayBuy, PROFESSIONAL_ONLY_MESSAGE, type Buyer, type BuyerLicence } from "@/lib/professional/eligibility";
import type { ProductKind } from "@/lib/generated/prisma/enums";

export const CART_COOKIE = "cart";
export const MAX_LINE_QUANTITY = 99;

export type CartLine = {
  variantId: string;
  sku: string;
  productSlug: string;
  productName: string;
  productKind: ProductKind;
  variantLabel: string;
  imagePath: string;
  unitPriceCents: number;
  currency: string;
  quantity: number;
  stock: number;
  lineTotalCents: number;
  /** Pen model slugs this cartridge fits (empty for other kinds). */
  fits: string[];
  /** The pen in the box, for kits. */
  kitPen: { slug: string; name: string } | null;
  /** Sold to verified professionals only (the buyer's licence allows it, or it would be held back). */
  professionalOnly: boolean;
};

/** A line the cart holds but cannot sell (see mayBuy): kept out of the lines and the total, and shown with the reason. */
export type HeldBackLine = { variantId: string; sku: string; productSlug: string; productName: string; variantLabel: string; quantity: number };

export type CartView = {
  id: string | null;
  lines: CartLine[];
  subtotalCents: number;
  itemCount: number;
  fitWarnings: string[];
  /** Professional-only variants in the cart this buyer may not buy (no licence, or it ran out): not for sale to this cart. */
  professionalOnly: HeldBackLine[];
  /** The owner's valid professional licence, if any: an order with professional-only lines records it. */
  licence: BuyerLicence | null;
  /** Lines of products the store no longer sells (made inactive in the back office since they were added). */
  unavailable: HeldBackLine[];
};

/**
 * Why a cart change was refused. The code is what a URL may carry (the cart
 * page maps it back to the store's own message with cartErrorMessage); the
 * message is for a form that shows the error directly.
 */
export type CartErrorCode = "quantity" | "too-many" | "out-of-stock" | "not-enough-stock" | "unavailable" | "professional-only" | "empty";

export { PROFESSIONAL_ONLY_MESSAGE };

const CART_ERROR_MESSAGES: Record<CartErrorCode, string> = {
  quantity: `Enter a quantity from 0 to ${MAX_LINE_QUANTITY}.`,
  "too-many": `You can order up to ${MAX_LINE_QUANTITY} of one item.`,
  "out-of-stock": "Sorry, this is out of stock.",
  "not-enough-stock": "There are not that many left in stock.",
  unavailable: "That product is no longer available.",
  "professional-only": PROFESSIONAL_ONLY_MESSAGE,
  empty: "Your cart is empty.",
};

/**
 * The store's message for a cart error code from a URL, or null for anything
 * else: the page never shows text the URL brought. With the line, a stock
 * message says how many are left now.
 */
export function cartErrorMessage(code: unknown, line?: Pick<CartLine, "stock"> | null): string | null {
  if (typeof code !== "string" || !Object.hasOwn(CART_ERROR_MESSAGES, code)) return null;
  if (code === "not-enough-stock" && line) return line.stock > 0 ? `Only ${line.stock} left in stock.` : CART_ERROR_MESSAGES["out-of-stock"];
  return CART_ERROR_MESSAGES[code as CartErrorCode];
}

export class CartError extends Error {
  constructor(
    readonly code: CartErrorCode,
    message: string = CART_ERROR_MESSAGES[code],
    readonly sku?: string,
  ) {
    super(message);
  }
}

/** Said of a line whose product the store stopped selling after it was added to the cart. */
export const UNAVAILABLE_MESSAGE = "We no longer sell this, so it cannot be ordered.";

/** Why this cart cannot be checked out as it stands, or null. startCheckout asks this. */
export function checkoutProblem(cart: Pick<CartView, "professionalOnly" | "unavailable">): string | null {
  const gone = cart.unavailable;
  if (gone.length > 0) {
    const names = gone.map((l) => l.productName).join(" and ");
    return `${names} ${gone.length > 1 ? "are" : "is"} no longer sold. Remove ${gone.length > 1 ? "them" : "it"} from your cart to check out.`;
  }
  const held = cart.professionalOnly;
  if (held.length === 0) return null;
  const names = held.map((l) => l.productName).join(" and ");
  return `${names} ${held.length > 1 ? "are" : "is"} sold only to verified professionals. Remove ${held.length > 1 ? "them" : "it"} from your cart to check out.`;
}

const empty: CartView = { id: null, lines: [], subtotalCents: 0, itemCount: 0, fitWarnings: [], professionalOnly: [], unavailable: [], licence: null };

/** Whose cart: a guest's cookie token, or a signed-in account. */
export type CartOwner = string | null | undefined | { userId: string };

/** The cart owner for a request: the account when signed in, else the cookie token. */
export function cartOwner(userId: string | null | undefined, token: string | null | undefined): CartOwner {
  return userId ? { userId } : token;
}

export function looksLikeCartToken(token: string | null | undefined): token is string {
  return typeof token === "string" && looksLikeToken(token);
}

async function cartId(prisma: Db, owner: CartOwner): Promise<string | null> {
  if (owner && typeof owner === "object") {
    const cart = await prisma.cart.findUnique({ where: { userId: owner.userId }, select: { id: true } });
    return cart?.id ?? null;
  }
  if (!looksLikeCartToken(owner)) return null;
  const cart = await prisma.cart.findUnique({ where: { tokenHash: hashToken(owner) }, select: { id: true, userId: true } });
  // A guest token never opens an account's cart.
  return cart && cart.userId === null ? cart.id : null;
}

/** Which cart row an owner opens, as a SQL condition on "Cart" c (null: none can). A guest token never opens an account's cart. */
function ownerCondition(owner: CartOwner): Prisma.Sql | null {
  if (owner && typeof owner === "object") return Prisma.sql`c."userId" = ${owner.userId}`;
  if (!looksLikeCartToken(owner)) return null;
  return Prisma.sql`c."tokenHash" = ${hashToken(owner)} AND c."userId" IS NULL`;
}

/** One row per cart line (or one row with a null variantId for an empty cart), with what the cart shows of its variant and product. */
type CartRow = {
  cartId: string;
  variantId: string | null;
  quantity: number;
  sku: string;
  label: string;
  priceCents: number;
  currency: string;
  stock: number;
  homeUse: boolean;
  active: boolean;
  slug: string;
  name: string;
  kind: ProductKind;
  imagePath: string;
  penSlug: string | null;
  penName: string | null;
  fits: string[];
};

/**
 * The cart with its lines, in one statement: the cart row, its items, their
 * variants and products, a kit's pen and the pens a product fits (a page
 * view and every checkout read it, so it is one round trip, not one per relation).
 */
export async function loadCart(prisma: Db, owner: CartOwner, savedPen: { slug: string; name: string } | null = null, now = new Date()): Promise<CartView> {
  const where = ownerCondition(owner);
  if (!where) return empty;
  // The buyer's licence is read beside the cart, not after it.
  const [buyer, rows] = await Promise.all([
    buyerOf(prisma, owner, now),
    prisma.$queryRaw<CartRow[]>`
    SELECT c."id" AS "cartId", ci."variantId", ci."quantity", v."sku", v."label", v."priceCents", v."currency", v."stock", v."homeUse",
           p."active", p."slug", p."name", p."kind"::text AS "kind", p."imagePath", pm."slug" AS "penSlug", pm."name" AS "penName",
           ARRAY(SELECT fp."slug" FROM "CartridgeFit" f JOIN "PenModel" fp ON fp."id" = f."penModelId" WHERE f."productId" = p."id") AS "fits"
    FROM "Cart" c
    LEFT JOIN "CartItem" ci ON ci."cartId" = c."id"
    LEFT JOIN "Variant" v ON v."id" = ci."variantId"
    LEFT JOIN "Product" p ON p."id" = v."productId"
    LEFT JOIN "PenModel" pm ON pm."id" = p."penModelId"
    WHERE ${where}
    ORDER BY ci."addedAt" ASC, ci."id" ASC`,
  ]);
  // An account without a cart still has its licence (the visitor view reads it from here).
  if (rows.length === 0) return { ...empty, licence: buyer.licence };
  const id = rows[0]!.cartId;
  const items = rows.filter((r) => r.variantId !== null);
  const heldBack = (i: CartRow): HeldBackLine => ({
    variantId: i.variantId!,
    sku: i.sku,
    productSlug: i.slug,
    productName: i.name,
    variantLabel: i.label,
    quantity: i.quantity,
  });
  // A product no longer sold is held back first, whoever it was for.
  const unavailable = items.filter((i) => !i.active).map(heldBack);
  const professionalOnly = items.filter((i) => i.active && !mayBuy(i, buyer, now)).map(heldBack);
  const lines: CartLine[] = items
    .filter((i) => i.active && mayBuy(i, buyer, now))
    .map((i) => ({
      variantId: i.variantId!,
      sku: i.sku,
      productSlug: i.slug,
      productName: i.name,
      productKind: i.kind,
      variantLabel: i.label,
      imagePath: i.imagePath,
      unitPriceCents: i.priceCents,
      currency: i.currency,
      quantity: i.quantity,
      stock: i.stock,
      lineTotalCents: i.priceCents * i.quantity,
      fits: i.fits,
      kitPen: i.kind === "KIT" && i.penSlug !== null ? { slug: i.penSlug, name: i.penName! } : null,
      professionalOnly: !i.homeUse,
    }));
  return {
    id,
    lines,
    subtotalCents: lines.reduce((s, l) => s + l.lineTotalCents, 0),
    itemCount: lines.reduce((s, l) => s + l.quantity, 0),
    fitWarnings: fitWarnings(lines, savedPen),
    professionalOnly,
    unavailable,
    licence: buyer.licence,
  };
}

/** The buyer a cart belongs to: a guest's cookie cart never carries a licence. */
function buyerOf(prisma: Db, owner: CartOwner, now: Date): Promise<Buyer> {
  return owner && typeof owner === "object" ? loadBuyer(prisma, owner.userId, now) : Promise.resolve(GUEST);
}

/**
 * Cartridges that fit neither the pen of a kit in the cart nor the pen the
 * visitor told us they have.
 */
function fitWarnings(lines: CartLine[], savedPen: { slug: string; name: string } | null): string[] {
  const pens = new Map<string, string>();
  for (const l of lines) if (l.kitPen) pens.set(l.kitPen.slug, `the ${l.kitPen.name} in your cart`);
  if (savedPen && !pens.has(savedPen.slug)) pens.set(savedPen.slug, `your ${savedPen.name}`);
  if (pens.size === 0) return [];
  const warnings: string[] = [];
  for (const l of lines) {
    if (l.productKind !== "CARTRIDGE") continue;
    if (![...pens.keys()].some((slug) => l.fits.includes(slug))) {
      warnings.push(`${l.productName} does not fit ${[...pens.values()].join(" or ")}.`);
    }
  }
  return warnings;
}

/**
 * Adds to the cart (creating it if needed). For a guest it returns the cart
 * token to keep in the cookie; for an account, null (no cookie needed).
 */
export async function addToCart(prisma: Db, token: string | null | undefined, variantId: string, quantity: number): Promise<string>;
export async function addToCart(prisma: Db, owner: CartOwner, variantId: string, quantity: number): Promise<string | null>;
export async function addToCart(prisma: Db, owner: CartOwner, variantId: string, quantity: number): Promise<string | null> {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
    throw new CartError("quantity", `Choose a quantity from 1 to ${MAX_LINE_QUANTITY}.`);
  }
  if (!isId(variantId)) throw new CartError("unavailable");
  // The variant, the owner's cart and the line it may already have, in one statement.
  const found = await prisma.$queryRaw<{ sku: string; stock: number; homeUse: boolean; active: boolean; cartId: string | null; existing: number | null }[]>`
    SELECT v."sku", v."stock", v."homeUse", p."active", c."id" AS "cartId", ci."quantity" AS "existing"
    FROM "Variant" v
    JOIN "Product" p ON p."id" = v."productId"
    LEFT JOIN "Cart" c ON ${ownerCondition(owner) ?? Prisma.sql`FALSE`}
    LEFT JOIN "CartItem" ci ON ci."cartId" = c."id" AND ci."variantId" = v."id"
    WHERE v."id" = ${variantId}`;
  const variant = found[0];
  // A product the store no longer sells is refused like one it never had.
  if (!variant || !variant.active) throw new CartError("unavailable", undefined, variant?.sku);
  if (!variant.homeUse && !mayBuy(variant, await buyerOf(prisma, owner, new Date()))) throw new CartError("professional-only", undefined, variant.sku);
  const wanted = (variant.existing ?? 0) + quantity;
  // Checked before a cart is made: a refused first add leaves no empty cart behind.
  checkQuantity(wanted, variant);
  let id = variant.cartId;
  const userId = owner && typeof owner === "object" ? owner.userId : null;
  let useToken = userId ? null : ((owner as string | null | undefined) ?? null);
  let created = false;
  if (!id && userId) {
    id = await accountCartId(prisma, userId);
  } else if (!id) {
    useToken = newAccessToken();
    id = (await prisma.cart.create({ data: { tokenHash: hashToken(useToken) }, select: { id: true } })).id;
    created = true;
  }
  await prisma.cartItem.upsert({
    where: { cartId_variantId: { cartId: id, variantId } },
    create: { cartId: id, variantId, quantity: wanted },
    update: { quantity: wanted },
    select: { id: true },
  });
  // A cart made just now already has this updatedAt.
  if (!created) await prisma.cart.update({ where: { id }, data: { updatedAt: new Date() }, select: { id: true } });
  return useToken;
}

/** The account's cart, created (with a token nobody holds) if it has none. */
export async function accountCartId(prisma: Pick<Db, "cart">, userId: string): Promise<string> {
  try {
    const cart = await prisma.cart.upsert({
      where: { userId },
      create: { userId, tokenHash: hashToken(newAccessToken()) },
      update: {},
      select: { id: true },
    });
    return cart.id;
  } catch (error) {
    // Two requests making the account's first cart at once: the other one made it (an upsert is
    // not atomic in Prisma; the unique userId is what keeps it to one cart).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return (await prisma.cart.findUniqueOrThrow({ where: { userId }, select: { id: true } })).id;
    }
    throw error;
  }
}

export async function setCartQuantity(prisma: Db, owner: CartOwner, variantId: string, quantity: number): Promise<void> {
  if (!isId(variantId)) throw new CartError("unavailable");
  const id = await cartId(prisma, owner);
  if (!id) throw new CartError("empty");
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_LINE_QUANTITY) {
    throw new CartError("quantity", `Choose a quantity from 0 to ${MAX_LINE_QUANTITY}.`);
  }
  if (quantity === 0) {
    await prisma.cartItem.deleteMany({ where: { cartId: id, variantId } });
    return;
  }
  const variant = await prisma.variant.findUnique({
    where: { id: variantId },
    select: { sku: true, stock: true, homeUse: true, product: { select: { active: true } } },
  });
  // A line of a product no longer sold can be removed (above), never kept at a new quantity.
  if (!variant || !variant.product.active) throw new CartError("unavailable", undefined, variant?.sku);
  // A professional-only line already in the cart can be removed, never kept at a new quantity.
  if (!variant.homeUse && !mayBuy(variant, await buyerOf(prisma, owner, new Date()))) throw new CartError("professional-only", undefined, variant.sku);
  checkQuantity(quantity, variant);
  await prisma.cartItem.updateMany({ where: { cartId: id, variantId }, data: { quantity } });
}

function checkQuantity(quantity: number, variant: { sku: string; stock: number }) {
  if (quantity > MAX_LINE_QUANTITY) throw new CartError("too-many", undefined, variant.sku);
  if (variant.stock <= 0) throw new CartError("out-of-stock", undefined, variant.sku);
  if (quantity > variant.stock) {
    throw new CartError("not-enough-stock", `Only ${variant.stock} left in stock, so we cannot add ${quantity}.`, variant.sku);
  }
}
