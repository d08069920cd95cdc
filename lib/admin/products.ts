// The back office's product editing: names and copy, active or not, each
// variant's label, price and professional-only flag, what is in a kit's box,
// and which pens a cartridge fits (with the day a fit test confirmed it).
//
// Every write calls authorize() first, runs in one transaction that locks the
// product (or variant) row, writes the audit entry with the row before and
// after, and records a "catalog" invalidation so cached pages drop the old
// copy; after the commit announceInvalidation() has this process serve the
// change on its very next request. Copy is put through the claims check
// (lib/copy/claims.ts) before anything is written: a forbidden claim is
// refused, naming the phrase, and nothing is saved. A price change touches
// only the variant: orders keep the price they were sold at (OrderItem has
// its own copy of name, label and price).
import { db, type Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProductKind } from "@/lib/generated/prisma/enums";
import { announceInvalidation, recordInvalidation } from "@/lib/cache/invalidate";
import { CATALOG_TAG } from "@/lib/cache/tags";
import { findClaims } from "@/lib/copy/claims";
import { storeTimeZone } from "@/lib/time-zone";
import { ActionError } from "./actions";
import { recordAudit } from "./audit";
import { authorize, type Actor } from "./roles";

export const PRODUCT_KINDS: readonly ProductKind[] = ["KIT", "CARTRIDGE", "AFTERCARE", "ACCESSORY"];
export const KIND_LABELS: Record<ProductKind, string> = { KIT: "Kit", CARTRIDGE: "Cartridge", AFTERCARE: "Aftercare", ACCESSORY: "Accessory" };

export const LIMITS = { name: 120, tagline: 200, description: 4000, variantLabel: 80, kitLabel: 120 } as const;
export const MAX_PRICE_CENTS = 100_000_00;
export const MAX_KIT_QUANTITY = 99;
export const PRODUCTS_PAGE_SIZE = 50;

/** A kind named in a URL, or null for anything else (all kinds). */
export function parseKind(value: unknown): ProductKind | null {
  return typeof value === "string" && (PRODUCT_KINDS as readonly string[]).includes(value) ? (value as ProductKind) : null;
}

const NOTHING_SAVED = "Nothing was saved.";

// ------------------------------------------------------------------ reading

export type ProductListRow = {
  id: string;
  slug: string;
  name: string;
  kind: ProductKind;
  active: boolean;
  variants: number;
  /** The lowest variant price, or null for a product without variants. */
  fromCents: number | null;
};

export type ProductList = { rows: ProductListRow[]; total: number; page: number; pages: number };

/** Products by name, optionally matching `q` (name or slug) and of one kind; inactive ones included and marked. */
export async function listProducts(
  prisma: Db,
  actor: Actor | null | undefined,
  query: { q?: string | null; kind?: ProductKind | null; page?: number | null } = {},
): Promise<ProductList> {
  authorize(actor, "products.write");
  const q = query.q?.trim().slice(0, 100) ?? "";
  const where: Prisma.ProductWhereInput = {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { slug: { contains: q, mode: "insensitive" } }] } : {}),
  };
  const total = await prisma.product.count({ where });
  const pages = Math.max(1, Math.ceil(total / PRODUCTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1) || 1), pages);
  const rows = await prisma.product.findMany({
    where,
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    skip: (page - 1) * PRODUCTS_PAGE_SIZE,
    take: PRODUCTS_PAGE_SIZE,
    select: { id: true, slug: true, name: true, kind: true, active: true, variants: { select: { priceCents: true } } },
  });
  return {
    rows: rows.map((p) => ({
      id: p.id,
      slug: p.slug,
      name: p.name,
      kind: p.kind,
      active: p.active,
      variants: p.variants.length,
      fromCents: p.variants.length ? Math.min(...p.variants.map((v) => v.priceCents)) : null,
    })),
    total,
    page,
    pages,
  };
}

export type ProductForEdit = NonNullable<Awaited<ReturnType<typeof readProduct>>> & {
  /** Pen models, for a kit's contents and a cartridge's fits. */
  penModels: { id: string; slug: string; name: string }[];
};

function readProduct(prisma: Db, slug: string) {
  return prisma.product.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      kind: true,
      name: true,
      tagline: true,
      description: true,
      active: true,
      updatedAt: true,
      variants: {
        orderBy: [{ position: "asc" }, { sku: "asc" }],
        select: { id: true, sku: true, label: true, priceCents: true, currency: true, homeUse: true, stock: true },
      },
      kitItems: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          quantity: true,
          label: true,
          variant: { select: { sku: true, label: true, product: { select: { name: true, slug: true, active: true } } } },
          penModel: { select: { name: true, slug: true } },
        },
      },
      fits: { orderBy: { penModel: { name: "asc" } }, select: { verifiedAt: true, penModel: { select: { id: true, slug: true, name: true } } } },
    },
  });
}

/** Everything the edit page shows of one product, or null when there is no such product. */
export async function productForEdit(prisma: Db, actor: Actor | null | undefined, slug: string): Promise<ProductForEdit | null> {
  authorize(actor, "products.write");
  const [product, penModels] = await Promise.all([
    readProduct(prisma, slug),
    prisma.penModel.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } }),
  ]);
  return product ? { ...product, penModels } : null;
}

/** The back-office pages' reads, on the store's database (app/ does not import lib/db). */
export const productPages = {
  list: (actor: Actor | null | undefined, query: Parameters<typeof listProducts>[2]) => listProducts(db(), actor, query),
  edit: (actor: Actor | null | undefined, slug: string) => productForEdit(db(), actor, slug),
};

/** What a kit line is, in words: the product and variant, the pen, or its own label. */
export function kitItemName(item: {
  label: string | null;
  variant: { label: string; product: { name: string } } | null;
  penModel: { name: string } | null;
}): string {
  if (item.variant) return item.variant.product.name + (item.variant.label ? ` (${item.variant.label})` : "");
  if (item.penModel) return item.penModel.name;
  return item.label ?? "";
}

// ------------------------------------------------------------------ input rules

/** "49", "49.5" or "49.00" (a "$" and thousands commas allowed) as cents; null for anything else. */
export function parseDollars(value: string): number | null {
  const m = /^\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/.exec(value);
  if (!m) return null;
  const whole = Number(m[1]!.replace(/,/g, ""));
  const cents = m[2] ? Number(m[2].padEnd(2, "0")) : 0;
  const total = whole * 100 + cents;
  return Number.isSafeInteger(total) ? total : null;
}

/** Cents as the price field shows them: "49.00". */
export function dollarsText(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** Today in the store's time zone, as YYYY-MM-DD. */
export function storeToday(now = new Date(), zone = storeTimeZone()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A fit test's day: a real calendar date, not after today in the store's time zone. */
function verifiedDay(value: string, now: Date, field = "verifiedAt"): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value || date.getUTCFullYear() < 2000) {
    throw new ActionError("Enter the day the fit was checked, like 2026-05-01.", field);
  }
  if (value > storeToday(now)) throw new ActionError("The fit cannot have been checked on a day still to come. Enter the day it was checked.", field);
  return date;
}

function checkText(value: string, field: string, max: number, what: string, { multiline = false, required = true } = {}): string {
  const text = multiline ? value.replace(/\r\n?/g, "\n").trim() : value.trim();
  if (required && !text) throw new ActionError(`Enter ${what}.`, field);
  if (text.length > max) throw new ActionError(`Keep ${what} under ${max} characters.`, field);
  if ((multiline ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/).test(text)) {
    throw new ActionError("Remove the special characters from this field (such as invisible control characters).", field);
  }
  return text;
}

/** The claims check on copy about to be saved: the first forbidden phrase, named, next to its field. */
function refuseClaims(fields: Record<string, string>): void {
  const [finding] = findClaims(Object.entries(fields).map(([field, text]) => ({ source: "product", field, text })));
  if (finding) {
    throw new ActionError(`“${finding.phrase}” is a claim the store cannot make (${finding.claim}). ${NOTHING_SAVED}`, finding.field);
  }
}

// ------------------------------------------------------------------ writing

type Tx = Prisma.TransactionClient;

async function lockProduct(tx: Tx, productId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Product" WHERE "id" = ${productId} FOR UPDATE`;
  if (locked.length === 0) throw new ActionError(`We could not find that product. ${NOTHING_SAVED}`);
  return tx.product.findUniqueOrThrow({
    where: { id: productId },
    select: { id: true, slug: true, kind: true, name: true, tagline: true, description: true, active: true },
  });
}

/** The write and its record, then the cache: every page built from the catalog shows the change on its next request. */
async function catalogWrite<T>(prisma: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await prisma.$transaction(async (tx) => {
    const out = await work(tx);
    await recordInvalidation(tx, [CATALOG_TAG]);
    return out;
  });
  await announceInvalidation();
  return result;
}

export type ProductCopyInput = { productId: string; name: string; tagline: string; description: string };

/** A product's name, tagline and description, after the claims check. */
export async function updateProductCopy(prisma: Db, actor: Actor | null | undefined, input: ProductCopyInput): Promise<{ slug: string }> {
  authorize(actor, "products.write");
  const copy = {
    name: checkText(input.name, "name", LIMITS.name, "a name"),
    tagline: checkText(input.tagline, "tagline", LIMITS.tagline, "a tagline"),
    description: checkText(input.description, "description", LIMITS.description, "a description", { multiline: true }),
  };
  refuseClaims(copy);
  return catalogWrite(prisma, async (tx) => {
    const before = await lockProduct(tx, input.productId);
    await tx.product.update({ where: { id: before.id }, data: copy });
    await recordAudit(tx, actor, {
      action: "product.copy",
      subjectType: "product",
      subjectId: before.id,
      subjectLabel: copy.name,
      before: { name: before.name, tagline: before.tagline, description: before.description },
      after: copy,
    });
    return { slug: before.slug };
  });
}

/** Shown and sold, or not: an inactive product is gone from the storefront, and carts cannot buy it; past orders keep their copy. */
export async function setProductActive(
  prisma: Db,
  actor: Actor | null | undefined,
  input: { productId: string; active: boolean },
): Promise<{ slug: string; changed: boolean }> {
  authorize(actor, "products.write");
  return catalogWrite(prisma, async (tx) => {
    const before = await lockProduct(tx, input.productId);
    if (before.active === input.active) return { slug: before.slug, changed: false };
    await tx.product.update({ where: { id: before.id }, data: { active: input.active } });
    await recordAudit(tx, actor, {
      action: "product.active",
      subjectType: "product",
      subjectId: before.id,
      subjectLabel: before.name,
      before: { active: before.active },
      after: { active: input.active },
    });
    return { slug: before.slug, changed: true };
  });
}

export type VariantInput = { productId?: string; variantId: string; label: string; priceCents: number; homeUse: boolean };

/** A variant's label, price (cents) and whether it is sold for home use (false: professional only). Orders keep their own prices. */
export async function updateVariant(prisma: Db, actor: Actor | null | undefined, input: VariantInput): Promise<{ slug: string }> {
  authorize(actor, "products.write");
  const label = checkText(input.label, "label", LIMITS.variantLabel, "a label", { required: false });
  refuseClaims({ label });
  if (!Number.isSafeInteger(input.priceCents) || input.priceCents <= 0 || input.priceCents > MAX_PRICE_CENTS) {
    throw new ActionError("Enter a price above $0.00 and at most $100,000.00.", "price");
  }
  return catalogWrite(prisma, async (tx) => {
    const locked = await tx.$queryRaw<{ productId: string }[]>`SELECT "productId" FROM "Variant" WHERE "id" = ${input.variantId} FOR UPDATE`;
    const productId = locked[0]?.productId;
    if (!productId || (input.productId !== undefined && productId !== input.productId)) {
      throw new ActionError(`We could not find that variant of this product. ${NOTHING_SAVED}`);
    }
    const before = await tx.variant.findUniqueOrThrow({
      where: { id: input.variantId },
      select: { sku: true, label: true, priceCents: true, homeUse: true, product: { select: { slug: true, name: true } } },
    });
    const after = { label, priceCents: input.priceCents, homeUse: input.homeUse };
    await tx.variant.update({ where: { id: input.variantId }, data: after });
    await recordAudit(tx, actor, {
      action: "variant.update",
      subjectType: "variant",
      subjectId: input.variantId,
      subjectLabel: `${before.product.name} (${before.sku})`,
      before: { label: before.label, priceCents: before.priceCents, homeUse: before.homeUse },
      after,
    });
    return { slug: before.product.slug };
  });
}

function checkKitQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_KIT_QUANTITY) {
    throw new ActionError(`Enter a quantity from 1 to ${MAX_KIT_QUANTITY}.`, "quantity");
  }
}

async function lockKit(tx: Tx, productId: string) {
  const kit = await lockProduct(tx, productId);
  if (kit.kind !== "KIT") throw new ActionError(`Only a kit has contents. ${NOTHING_SAVED}`);
  return kit;
}

const kitLineSelect = {
  id: true,
  quantity: true,
  label: true,
  variant: { select: { sku: true, label: true, product: { select: { name: true } } } },
  penModel: { select: { name: true } },
} as const;

export type KitItemInput =
  | { productId: string; type: "variant"; sku: string; quantity: number }
  | { productId: string; type: "pen"; penModelId: string; quantity: number }
  | { productId: string; type: "label"; label: string; quantity: number };

/** A line in a kit's box: a variant the store sells (by SKU), a pen model, or something only found in the kit. */
export async function addKitItem(prisma: Db, actor: Actor | null | undefined, input: KitItemInput): Promise<{ slug: string; name: string }> {
  authorize(actor, "products.write");
  checkKitQuantity(input.quantity);
  const label = input.type === "label" ? checkText(input.label, "label", LIMITS.kitLabel, "what the item is") : null;
  if (label) refuseClaims({ label });
  return catalogWrite(prisma, async (tx) => {
    const kit = await lockKit(tx, input.productId);
    const line: { variantId?: string; penModelId?: string; label?: string } = {};
    if (input.type === "variant") {
      const sku = input.sku.trim();
      const variant = sku ? await tx.variant.findUnique({ where: { sku }, select: { id: true, productId: true } }) : null;
      if (!variant) throw new ActionError("No variant has that SKU. Copy it from the product's page in the back office.", "sku");
      if (variant.productId === kit.id) throw new ActionError("A kit cannot contain itself.", "sku");
      line.variantId = variant.id;
    } else if (input.type === "pen") {
      const pen = await tx.penModel.findUnique({ where: { id: input.penModelId }, select: { id: true } });
      if (!pen) throw new ActionError("Choose a pen model from the list.", "penModelId");
      line.penModelId = pen.id;
    } else {
      line.label = label!;
    }
    const last = await tx.kitItem.aggregate({ where: { kitId: kit.id }, _max: { position: true } });
    const item = await tx.kitItem.create({
      data: { kitId: kit.id, ...line, quantity: input.quantity, position: (last._max.position ?? -1) + 1 },
      select: kitLineSelect,
    });
    const name = kitItemName(item);
    await recordAudit(tx, actor, {
      action: "kit.add",
      subjectType: "product",
      subjectId: kit.id,
      subjectLabel: kit.name,
      after: { kitItemId: item.id, item: name, quantity: item.quantity },
    });
    return { slug: kit.slug, name };
  });
}

async function kitLine(tx: Tx, kitId: string, kitItemId: string) {
  const item = await tx.kitItem.findFirst({ where: { id: kitItemId, kitId }, select: kitLineSelect });
  if (!item) throw new ActionError(`That line is not in this kit. ${NOTHING_SAVED}`);
  return item;
}

export async function removeKitItem(
  prisma: Db,
  actor: Actor | null | undefined,
  input: { productId: string; kitItemId: string },
): Promise<{ slug: string; name: string }> {
  authorize(actor, "products.write");
  return catalogWrite(prisma, async (tx) => {
    const kit = await lockKit(tx, input.productId);
    const item = await kitLine(tx, kit.id, input.kitItemId);
    await tx.kitItem.delete({ where: { id: item.id } });
    const name = kitItemName(item);
    await recordAudit(tx, actor, {
      action: "kit.remove",
      subjectType: "product",
      subjectId: kit.id,
      subjectLabel: kit.name,
      before: { kitItemId: item.id, item: name, quantity: item.quantity },
    });
    return { slug: kit.slug, name };
  });
}

export async function setKitItemQuantity(
  prisma: Db,
  actor: Actor | null | undefined,
  input: { productId: string; kitItemId: string; quantity: number },
): Promise<{ slug: string; name: string }> {
  authorize(actor, "products.write");
  checkKitQuantity(input.quantity);
  return catalogWrite(prisma, async (tx) => {
    const kit = await lockKit(tx, input.productId);
    const item = await kitLine(tx, kit.id, input.kitItemId);
    await tx.kitItem.update({ where: { id: item.id }, data: { quantity: input.quantity } });
    const name = kitItemName(item);
    await recordAudit(tx, actor, {
      action: "kit.quantity",
      subjectType: "product",
      subjectId: kit.id,
      subjectLabel: kit.name,
      before: { kitItemId: item.id, item: name, quantity: item.quantity },
      after: { kitItemId: item.id, item: name, quantity: input.quantity },
    });
    return { slug: kit.slug, name };
  });
}

async function lockCartridge(tx: Tx, productId: string) {
  const product = await lockProduct(tx, productId);
  if (product.kind !== "CARTRIDGE") throw new ActionError(`Only a cartridge has pen fits. ${NOTHING_SAVED}`);
  return product;
}

export type FitInput = { productId: string; penModelId: string; verifiedAt: string };

/** A pen this cartridge fits, and the day a fit test confirmed it (YYYY-MM-DD, not in the future). */
export async function addFit(prisma: Db, actor: Actor | null | undefined, input: FitInput, now = new Date()): Promise<{ slug: string; pen: string }> {
  authorize(actor, "products.write");
  const verifiedAt = verifiedDay(input.verifiedAt, now);
  return catalogWrite(prisma, async (tx) => {
    const product = await lockCartridge(tx, input.productId);
    const pen = await tx.penModel.findUnique({ where: { id: input.penModelId }, select: { id: true, name: true } });
    if (!pen) throw new ActionError("Choose a pen model from the list.", "penModelId");
    const existing = await tx.cartridgeFit.findUnique({ where: { productId_penModelId: { productId: product.id, penModelId: pen.id } } });
    if (existing) throw new ActionError(`This cartridge is already listed as fitting the ${pen.name}; update its verified date below.`, "penModelId");
    await tx.cartridgeFit.create({ data: { productId: product.id, penModelId: pen.id, verifiedAt } });
    await recordAudit(tx, actor, {
      action: "fit.add",
      subjectType: "product",
      subjectId: product.id,
      subjectLabel: product.name,
      after: { pen: pen.name, verifiedAt: input.verifiedAt },
    });
    return { slug: product.slug, pen: pen.name };
  });
}

async function fitOf(tx: Tx, productId: string, penModelId: string) {
  const fit = await tx.cartridgeFit.findUnique({
    where: { productId_penModelId: { productId, penModelId } },
    select: { verifiedAt: true, penModel: { select: { id: true, name: true } } },
  });
  if (!fit) throw new ActionError(`This cartridge is not listed as fitting that pen. ${NOTHING_SAVED}`);
  return fit;
}

export async function removeFit(
  prisma: Db,
  actor: Actor | null | undefined,
  input: { productId: string; penModelId: string },
): Promise<{ slug: string; pen: string }> {
  authorize(actor, "products.write");
  return catalogWrite(prisma, async (tx) => {
    const product = await lockCartridge(tx, input.productId);
    const fit = await fitOf(tx, product.id, input.penModelId);
    await tx.cartridgeFit.delete({ where: { productId_penModelId: { productId: product.id, penModelId: fit.penModel.id } } });
    await recordAudit(tx, actor, {
      action: "fit.remove",
      subjectType: "product",
      subjectId: product.id,
      subjectLabel: product.name,
      before: { pen: fit.penModel.name, verifiedAt: fit.verifiedAt.toISOString().slice(0, 10) },
    });
    return { slug: product.slug, pen: fit.penModel.name };
  });
}

/** A new fit test confirmed it: the day it was done. */
export async function verifyFit(prisma: Db, actor: Actor | null | undefined, input: FitInput, now = new Date()): Promise<{ slug: string; pen: string }> {
  authorize(actor, "products.write");
  const verifiedAt = verifiedDay(input.verifiedAt, now);
  return catalogWrite(prisma, async (tx) => {
    const product = await lockCartridge(tx, input.productId);
    const fit = await fitOf(tx, product.id, input.penModelId);
    await tx.cartridgeFit.update({ where: { productId_penModelId: { productId: product.id, penModelId: fit.penModel.id } }, data: { verifiedAt } });
    await recordAudit(tx, actor, {
      action: "fit.verify",
      subjectType: "product",
      subjectId: product.id,
      subjectLabel: product.name,
      before: { pen: fit.penModel.name, verifiedAt: fit.verifiedAt.toISOString().slice(0, 10) },
      after: { pen: fit.penModel.name, verifiedAt: input.verifiedAt },
    });
    return { slug: product.slug, pen: fit.penModel.name };
  });
}
