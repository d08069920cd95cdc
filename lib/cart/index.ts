// The cart: rows in the database, found by the hash of a random token kept
// in an HttpOnly cookie (a guest), or by the account that owns it (a signed-in
// customer; Cart.userId). An account's cart also has a token hash, from a
// token nobody is ever given, so a cookie can never open it. Prices and stock
// are always read live here, never from the catalog cache.
import type { Db } from "@/lib/db";
import { hashToken, looksLikeToken, newAccessToken } from "@/lib/orders/tokens";

export const CART_COOKIE = "cart";
export const MAX_LINE_QUANTITY = 99;

export type CartLine = {
  variantId: string;
  sku: string;
  productSlug: string;
  productName: string;
  productKind: "KIT" | "CARTRIDGE" | "AFTERCARE" | "ACCESSORY";
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
};

export type CartView = { id: string | null; lines: CartLine[]; subtotalCents: number; itemCount: number; fitWarnings: string[] };

export class CartError extends Error {
  constructor(
    message: string,
    readonly sku?: string,
  ) {
    super(message);
  }
}

const empty: CartView = { id: null, lines: [], subtotalCents: 0, itemCount: 0, fitWarnings: [] };

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

export async function loadCart(prisma: Db, owner: CartOwner, savedPen: { slug: string; name: string } | null = null): Promise<CartView> {
  const id = await cartId(prisma, owner);
  if (!id) return empty;
  const items = await prisma.cartItem.findMany({
    where: { cartId: id },
    orderBy: { addedAt: "asc" },
    include: {
      variant: {
        include: {
          product: { include: { fits: { select: { penModel: { select: { slug: true } } } }, penModel: { select: { slug: true, name: true } } } },
        },
      },
    },
  });
  const lines: CartLine[] = items.map((i) => ({
    variantId: i.variantId,
    sku: i.variant.sku,
    productSlug: i.variant.product.slug,
    productName: i.variant.product.name,
    productKind: i.variant.product.kind,
    variantLabel: i.variant.label,
    imagePath: i.variant.product.imagePath,
    unitPriceCents: i.variant.priceCents,
    currency: i.variant.currency,
    quantity: i.quantity,
    stock: i.variant.stock,
    lineTotalCents: i.variant.priceCents * i.quantity,
    fits: i.variant.product.fits.map((f) => f.penModel.slug),
    kitPen: i.variant.product.kind === "KIT" ? i.variant.product.penModel : null,
  }));
  return {
    id,
    lines,
    subtotalCents: lines.reduce((s, l) => s + l.lineTotalCents, 0),
    itemCount: lines.reduce((s, l) => s + l.quantity, 0),
    fitWarnings: fitWarnings(lines, savedPen),
  };
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
    throw new CartError(`Choose a quantity from 1 to ${MAX_LINE_QUANTITY}.`);
  }
  const variant = await prisma.variant.findUnique({ where: { id: variantId }, select: { id: true, sku: true, stock: true } });
  if (!variant) throw new CartError("That product is no longer available.");
  let id = await cartId(prisma, owner);
  const userId = owner && typeof owner === "object" ? owner.userId : null;
  let useToken = userId ? null : ((owner as string | null | undefined) ?? null);
  if (!id && userId) {
    id = await accountCartId(prisma, userId);
  } else if (!id) {
    useToken = newAccessToken();
    id = (await prisma.cart.create({ data: { tokenHash: hashToken(useToken) } })).id;
  }
  const existing = await prisma.cartItem.findUnique({ where: { cartId_variantId: { cartId: id, variantId } } });
  const wanted = (existing?.quantity ?? 0) + quantity;
  checkQuantity(wanted, variant);
  await prisma.cartItem.upsert({
    where: { cartId_variantId: { cartId: id, variantId } },
    create: { cartId: id, variantId, quantity: wanted },
    update: { quantity: wanted },
  });
  await prisma.cart.update({ where: { id }, data: { updatedAt: new Date() } });
  return useToken;
}

/** The account's cart, created (with a token nobody holds) if it has none. */
export async function accountCartId(prisma: Pick<Db, "cart">, userId: string): Promise<string> {
  const cart = await prisma.cart.upsert({
    where: { userId },
    create: { userId, tokenHash: hashToken(newAccessToken()) },
    update: {},
    select: { id: true },
  });
  return cart.id;
}

export async function setCartQuantity(prisma: Db, owner: CartOwner, variantId: string, quantity: number): Promise<void> {
  const id = await cartId(prisma, owner);
  if (!id) throw new CartError("Your cart is empty.");
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_LINE_QUANTITY) {
    throw new CartError(`Choose a quantity from 0 to ${MAX_LINE_QUANTITY}.`);
  }
  if (quantity === 0) {
    await prisma.cartItem.deleteMany({ where: { cartId: id, variantId } });
    return;
  }
  const variant = await prisma.variant.findUnique({ where: { id: variantId }, select: { sku: true, stock: true } });
  if (!variant) throw new CartError("That product is no longer available.");
  checkQuantity(quantity, variant);
  await prisma.cartItem.updateMany({ where: { cartId: id, variantId }, data: { quantity } });
}

function checkQuantity(quantity: number, variant: { sku: string; stock: number }) {
  if (quantity > MAX_LINE_QUANTITY) throw new CartError(`You can order up to ${MAX_LINE_QUANTITY} of one item.`, variant.sku);
  if (variant.stock <= 0) throw new CartError("Sorry, this is out of stock.", variant.sku);
  if (quantity > variant.stock) {
    throw new CartError(`Only ${variant.stock} left in stock, so we cannot add ${quantity}.`, variant.sku);
  }
}
