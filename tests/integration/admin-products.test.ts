// The back office's product editing (lib/admin/products.ts): each write is
// checked, audited, invalidates the catalog, and changes only what it says.
// Products of its own (unique slugs) keep the seed's catalog as it was.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/admin/actions";
import {
  addFit,
  addKitItem,
  listProducts,
  parseDollars,
  productForEdit,
  removeFit,
  removeKitItem,
  setKitItemQuantity,
  setProductActive,
  updateProductCopy,
  updateVariant,
  verifyFit,
} from "@/lib/admin/products";
import { productActions } from "@/lib/admin/product-actions";
import { AdminRefused, type Actor } from "@/lib/admin/roles";
import { addToCart, CartError, loadCart, setCartQuantity } from "@/lib/cart";
import { loadCatalog } from "@/lib/catalog/load";
import { startCheckout } from "@/lib/checkout/start";
import type { ProductKind } from "@/lib/generated/prisma/enums";
import { hashToken, newAccessToken } from "@/lib/orders/tokens";
import { demoGateway } from "@/lib/payments/demo";
import { validInput } from "../support/checkout";
import { testDb } from "../support/db";
import { createHeldOrder } from "../support/test-orders";

const prisma = testDb();
const made: string[] = [];

// The catalog tests that run after this file count the seed's products: this file's own go, with their orders.
afterAll(async () => {
  const orders = await prisma.orderItem.findMany({ where: { variant: { productId: { in: made } } }, select: { orderId: true } });
  await prisma.order.deleteMany({ where: { id: { in: orders.map((o) => o.orderId) } } });
  await prisma.product.deleteMany({ where: { id: { in: made } } });
  await prisma.$disconnect();
});

const owner: Actor = { kind: "cli", email: "owner@example.test", role: "OWNER" };
const staff: Actor = { kind: "staff", email: "staff@example.test", role: "STAFF", userId: "staff-user" };

/** A product of this test's own, with one variant in stock. */
async function makeProduct(kind: ProductKind = "AFTERCARE", over: { priceCents?: number } = {}) {
  const tag = randomBytes(5).toString("hex");
  const product = await prisma.product.create({
    data: {
      slug: `admin-test-${tag}`,
      kind,
      name: `Admin Test ${tag}`,
      tagline: "A plain tagline.",
      description: "A plain description.",
      imagePath: "/images/products/gentle-cleanser.svg",
      variants: {
        create: { sku: `ADM-${tag}`.toUpperCase(), label: "30 ml", priceCents: over.priceCents ?? 1500, stock: 20, packSize: 1, packUnit: "bottle" },
      },
    },
    include: { variants: true },
  });
  made.push(product.id);
  return product;
}

const auditOf = (subjectId: string, action: string) => prisma.auditEntry.findMany({ where: { subjectId, action }, orderBy: { id: "asc" } });
const lastInvalidation = async () => (await prisma.cacheInvalidation.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0n;

async function guestCartHolding(variantId: string, quantity = 1): Promise<string> {
  const token = newAccessToken();
  const cart = await prisma.cart.create({ data: { tokenHash: hashToken(token) } });
  await prisma.cartItem.create({ data: { cartId: cart.id, variantId, quantity } });
  return token;
}

describe("product copy", () => {
  it("saves name, tagline and description, audits before and after, and invalidates the catalog", async () => {
    const product = await makeProduct();
    const mark = await lastInvalidation();
    await updateProductCopy(prisma, owner, {
      productId: product.id,
      name: "  Calm Cleanser  ",
      tagline: "Washes off the day.",
      description: "Line one.\r\nLine two.",
    });
    const saved = await prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(saved).toMatchObject({ name: "Calm Cleanser", tagline: "Washes off the day.", description: "Line one.\nLine two." });

    const [entry] = await auditOf(product.id, "product.copy");
    expect(entry).toMatchObject({ actorEmail: owner.email, actorRole: "CLI", subjectType: "product", subjectLabel: "Calm Cleanser" });
    expect(entry!.before).toEqual({ name: product.name, tagline: "A plain tagline.", description: "A plain description." });
    expect(entry!.after).toEqual({ name: "Calm Cleanser", tagline: "Washes off the day.", description: "Line one.\nLine two." });

    const rows = await prisma.cacheInvalidation.findMany({ where: { id: { gt: mark } } });
    expect(rows.some((r) => r.tags.includes("catalog"))).toBe(true);
    // The storefront's read of the catalog has the new copy.
    expect((await loadCatalog(prisma, [product.slug])).products[0]).toMatchObject({ name: "Calm Cleanser", tagline: "Washes off the day." });
  });

  it("refuses a forbidden claim, naming the phrase next to its field, and changes nothing", async () => {
    const product = await makeProduct();
    const mark = await lastInvalidation();
    const attempt = updateProductCopy(prisma, owner, {
      productId: product.id,
      name: "Better Cleanser",
      tagline: "Still plain.",
      description: "A Medical-Grade formula for every evening.",
    });
    await expect(attempt).rejects.toBeInstanceOf(ActionError);
    await expect(attempt).rejects.toMatchObject({
      field: "description",
      message: "“Medical-Grade” is a claim the store cannot make (medical-grade). Nothing was saved.",
    });
    await expect(
      updateProductCopy(prisma, owner, { productId: product.id, name: "Better Cleanser", tagline: "Painless every time.", description: "Plain." }),
    ).rejects.toMatchObject({ field: "tagline", message: expect.stringContaining("“Painless”") });

    const after = await prisma.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(after).toMatchObject({ name: product.name, tagline: product.tagline, description: product.description });
    expect(await auditOf(product.id, "product.copy")).toEqual([]);
    expect(await prisma.cacheInvalidation.count({ where: { id: { gt: mark }, tags: { has: "catalog" } } })).toBe(0);
  });

  it("refuses copy that is empty or too long", async () => {
    const product = await makeProduct();
    await expect(updateProductCopy(prisma, owner, { productId: product.id, name: " ", tagline: "t", description: "d" })).rejects.toMatchObject({
      field: "name",
    });
    await expect(updateProductCopy(prisma, owner, { productId: product.id, name: "n", tagline: "t", description: "x".repeat(4001) })).rejects.toMatchObject({
      field: "description",
    });
  });
});

describe("who may edit", () => {
  it("staff may; nobody signed in is refused like a missing page, before anything is read or written", async () => {
    const product = await makeProduct();
    await updateProductCopy(prisma, staff, { productId: product.id, name: "Staff Named", tagline: "t", description: "d" });
    expect((await auditOf(product.id, "product.copy"))[0]).toMatchObject({ actorEmail: staff.email, actorRole: "STAFF" });

    await expect(updateProductCopy(prisma, null, { productId: product.id, name: "Nobody", tagline: "t", description: "d" })).rejects.toBeInstanceOf(
      AdminRefused,
    );
    await expect(setProductActive(prisma, null, { productId: product.id, active: false })).rejects.toBeInstanceOf(AdminRefused);
    await expect(listProducts(prisma, null)).rejects.toBeInstanceOf(AdminRefused);
    await expect(productForEdit(prisma, undefined, product.slug)).rejects.toBeInstanceOf(AdminRefused);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).name).toBe("Staff Named");
  });

  it("every product action needs products.write", () => {
    expect(productActions.map((a) => a.name).sort()).toEqual(
      ["fit.add", "fit.remove", "fit.verify", "kit.add", "kit.quantity", "kit.remove", "product.active", "product.copy", "variant.update"].sort(),
    );
    for (const action of productActions) expect(action.capability).toBe("products.write");
  });
});

describe("variants", () => {
  it("a price change applies to new sales; an order already placed keeps its price and total", async () => {
    const product = await makeProduct("AFTERCARE", { priceCents: 1500 });
    const variant = product.variants[0]!;
    const { orderId } = await createHeldOrder(prisma, { sku: variant.sku, quantity: 2 });

    await updateVariant(prisma, owner, { productId: product.id, variantId: variant.id, label: "50 ml", priceCents: 4900, homeUse: true });

    expect(await prisma.variant.findUniqueOrThrow({ where: { id: variant.id } })).toMatchObject({ priceCents: 4900, label: "50 ml" });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
    expect(order.items).toMatchObject([{ unitPriceCents: 1500, lineTotalCents: 3000, variantLabel: "30 ml" }]);
    expect(order.totalCents).toBe(3000);
    const [entry] = await auditOf(variant.id, "variant.update");
    expect(entry!.before).toMatchObject({ priceCents: 1500, label: "30 ml", homeUse: true });
    expect(entry!.after).toMatchObject({ priceCents: 4900, label: "50 ml", homeUse: true });
  });

  it("the professional-only flag stops sales to home buyers", async () => {
    const product = await makeProduct();
    const variant = product.variants[0]!;
    await updateVariant(prisma, owner, { productId: product.id, variantId: variant.id, label: "30 ml", priceCents: 1500, homeUse: false });
    await expect(addToCart(prisma, null, variant.id, 1)).rejects.toMatchObject({ code: "professional-only" });
  });

  it("refuses a price out of range, and a variant of another product", async () => {
    const product = await makeProduct();
    const other = await makeProduct();
    const variant = product.variants[0]!;
    for (const priceCents of [0, -100, 100_000_01, 12.5]) {
      await expect(updateVariant(prisma, owner, { productId: product.id, variantId: variant.id, label: "x", priceCents, homeUse: true })).rejects.toMatchObject(
        {
          field: "price",
        },
      );
    }
    await expect(
      updateVariant(prisma, owner, { productId: other.id, variantId: variant.id, label: "x", priceCents: 100, homeUse: true }),
    ).rejects.toBeInstanceOf(ActionError);
    expect((await prisma.variant.findUniqueOrThrow({ where: { id: variant.id } })).priceCents).toBe(1500);
  });

  it("reads a price in dollars: two decimals at most", () => {
    expect(parseDollars("49.00")).toBe(4900);
    expect(parseDollars("49")).toBe(4900);
    expect(parseDollars("$1,049.5")).toBe(104950);
    expect(parseDollars("0.07")).toBe(7);
    for (const bad of ["49.001", "abc", "", "-5", "4 9", "1e3"]) expect(parseDollars(bad)).toBeNull();
  });

  it("the form's action turns the dollars and the checkbox into the variant's price and flag", async () => {
    const product = await makeProduct();
    const variant = product.variants[0]!;
    const action = productActions.find((a) => a.name === "variant.update")!;
    const bad = action.input.safeParse({ productId: product.id, slug: product.slug, variantId: variant.id, label: "x", price: "49.999" });
    expect(bad.success).toBe(false);
    const input = action.input.parse({
      productId: product.id,
      slug: product.slug,
      variantId: variant.id,
      label: "Big",
      price: "49.00",
      professionalOnly: "on",
    });
    const done = await action.run({ db: prisma, actor: owner }, input);
    expect(done.redirect).toBe(`/admin/products/${product.slug}#variants`);
    expect(await prisma.variant.findUniqueOrThrow({ where: { id: variant.id } })).toMatchObject({ priceCents: 4900, homeUse: false, label: "Big" });
  });
});

describe("an inactive product", () => {
  it("is gone from the catalog, cannot be added, and a cart holding it cannot check out; active again, it is back", async () => {
    const product = await makeProduct();
    const variant = product.variants[0]!;
    const held = await guestCartHolding(variant.id);

    await setProductActive(prisma, owner, { productId: product.id, active: false });
    expect((await auditOf(product.id, "product.active"))[0]).toMatchObject({ before: { active: true }, after: { active: false } });

    expect((await loadCatalog(prisma)).products.some((p) => p.slug === product.slug)).toBe(false);
    expect((await loadCatalog(prisma, [product.slug])).products).toEqual([]);

    await expect(addToCart(prisma, null, variant.id, 1)).rejects.toBeInstanceOf(CartError);
    await expect(addToCart(prisma, null, variant.id, 1)).rejects.toMatchObject({ code: "unavailable", message: "That product is no longer available." });
    await expect(setCartQuantity(prisma, held, variant.id, 2)).rejects.toMatchObject({ code: "unavailable" });

    const cart = await loadCart(prisma, held);
    expect(cart.lines).toEqual([]);
    expect(cart.unavailable).toMatchObject([{ sku: variant.sku, productName: product.name }]);
    const stock = variant.stock;
    const orders = await prisma.order.count();
    const result = await startCheckout(prisma, held, validInput, { baseUrl: "http://store.test", gateway: demoGateway });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.cart).toBe(`${product.name} is no longer sold. Remove it from your cart to check out.`);
    expect(await prisma.order.count()).toBe(orders);
    expect((await prisma.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(stock);

    // Removing the held-back line still works.
    await setCartQuantity(prisma, held, variant.id, 0);
    expect((await loadCart(prisma, held)).unavailable).toEqual([]);

    await setProductActive(prisma, owner, { productId: product.id, active: true });
    expect((await loadCatalog(prisma)).products.some((p) => p.slug === product.slug)).toBe(true);
    expect(await addToCart(prisma, null, variant.id, 1)).toEqual(expect.any(String));
  });

  it("a past order keeps its copy", async () => {
    const product = await makeProduct();
    const { orderId } = await createHeldOrder(prisma, { sku: product.variants[0]!.sku, quantity: 1 });
    await setProductActive(prisma, owner, { productId: product.id, active: false });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
    expect(order.items[0]).toMatchObject({ name: product.name, productSlug: product.slug });
  });
});

describe("kit contents", () => {
  it("adds a variant, a pen and a labelled item, changes a quantity and removes a line", async () => {
    const kit = await makeProduct("KIT");
    const serum = await prisma.variant.findUniqueOrThrow({ where: { sku: "SRM-HA-30" } });
    const pen = await prisma.penModel.findFirstOrThrow();

    await addKitItem(prisma, owner, { productId: kit.id, type: "variant", sku: "SRM-HA-30", quantity: 2 });
    await addKitItem(prisma, owner, { productId: kit.id, type: "pen", penModelId: pen.id, quantity: 1 });
    await addKitItem(prisma, owner, { productId: kit.id, type: "label", label: "Travel case", quantity: 1 });
    const items = await prisma.kitItem.findMany({ where: { kitId: kit.id }, orderBy: { position: "asc" } });
    expect(items.map((i) => [i.variantId, i.penModelId, i.label, i.quantity, i.position])).toEqual([
      [serum.id, null, null, 2, 0],
      [null, pen.id, null, 1, 1],
      [null, null, "Travel case", 1, 2],
    ]);
    expect((await loadCatalog(prisma, [kit.slug])).products[0]!.kitContents.map((c) => [c.label, c.quantity])).toEqual([
      ["Soothing Hydrating Serum (30 ml)", 2],
      [pen.name, 1],
      ["Travel case", 1],
    ]);

    await setKitItemQuantity(prisma, owner, { productId: kit.id, kitItemId: items[2]!.id, quantity: 3 });
    await removeKitItem(prisma, owner, { productId: kit.id, kitItemId: items[0]!.id });
    const after = await prisma.kitItem.findMany({ where: { kitId: kit.id }, orderBy: { position: "asc" } });
    expect(after.map((i) => [i.id, i.quantity])).toEqual([
      [items[1]!.id, 1],
      [items[2]!.id, 3],
    ]);
    expect((await auditOf(kit.id, "kit.remove"))[0]!.before).toMatchObject({ item: "Soothing Hydrating Serum (30 ml)", quantity: 2 });
    expect((await auditOf(kit.id, "kit.quantity"))[0]).toMatchObject({ before: { quantity: 1 }, after: { quantity: 3 } });
  });

  it("refuses quantities outside 1–99, an unknown SKU, the kit itself, a claim, a line of another kit and a product that is not a kit", async () => {
    const kit = await makeProduct("KIT");
    const other = await makeProduct("KIT");
    const notKit = await makeProduct("AFTERCARE");
    for (const quantity of [0, 100, 1.5]) {
      await expect(addKitItem(prisma, owner, { productId: kit.id, type: "label", label: "Case", quantity })).rejects.toMatchObject({ field: "quantity" });
    }
    await expect(addKitItem(prisma, owner, { productId: kit.id, type: "variant", sku: "NO-SUCH-SKU", quantity: 1 })).rejects.toMatchObject({ field: "sku" });
    await expect(addKitItem(prisma, owner, { productId: kit.id, type: "variant", sku: kit.variants[0]!.sku, quantity: 1 })).rejects.toMatchObject({
      field: "sku",
    });
    await expect(addKitItem(prisma, owner, { productId: kit.id, type: "label", label: "Collagen booster", quantity: 1 })).rejects.toMatchObject({
      field: "label",
    });
    await expect(addKitItem(prisma, owner, { productId: notKit.id, type: "label", label: "Case", quantity: 1 })).rejects.toBeInstanceOf(ActionError);

    await addKitItem(prisma, owner, { productId: other.id, type: "label", label: "Their case", quantity: 1 });
    const theirs = await prisma.kitItem.findFirstOrThrow({ where: { kitId: other.id } });
    await expect(removeKitItem(prisma, owner, { productId: kit.id, kitItemId: theirs.id })).rejects.toBeInstanceOf(ActionError);
    await expect(setKitItemQuantity(prisma, owner, { productId: kit.id, kitItemId: theirs.id, quantity: 5 })).rejects.toBeInstanceOf(ActionError);
    expect(await prisma.kitItem.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ quantity: 1 });
    expect(await prisma.kitItem.count({ where: { kitId: kit.id } })).toBe(0);
  });
});

describe("cartridge fits", () => {
  const now = new Date("2026-06-15T12:00:00Z");

  it("adds a fit with the day it was verified, updates that day, and removes it", async () => {
    const cartridge = await makeProduct("CARTRIDGE");
    const pen = await prisma.penModel.findFirstOrThrow({ orderBy: { slug: "asc" } });
    await addFit(prisma, owner, { productId: cartridge.id, penModelId: pen.id, verifiedAt: "2026-05-01" }, now);
    const fit = await prisma.cartridgeFit.findUniqueOrThrow({ where: { productId_penModelId: { productId: cartridge.id, penModelId: pen.id } } });
    expect(fit.verifiedAt.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect((await loadCatalog(prisma, [cartridge.slug])).products[0]!.fits).toMatchObject([
      { pen: { slug: pen.slug }, verifiedAt: "2026-05-01T00:00:00.000Z" },
    ]);
    await expect(addFit(prisma, owner, { productId: cartridge.id, penModelId: pen.id, verifiedAt: "2026-05-02" }, now)).rejects.toMatchObject({
      field: "penModelId",
    });

    await verifyFit(prisma, owner, { productId: cartridge.id, penModelId: pen.id, verifiedAt: "2026-06-15" }, now);
    const verified = await prisma.cartridgeFit.findUniqueOrThrow({ where: { productId_penModelId: { productId: cartridge.id, penModelId: pen.id } } });
    expect(verified.verifiedAt.toISOString().slice(0, 10)).toBe("2026-06-15");
    expect((await auditOf(cartridge.id, "fit.verify"))[0]).toMatchObject({ before: { verifiedAt: "2026-05-01" }, after: { verifiedAt: "2026-06-15" } });

    await removeFit(prisma, owner, { productId: cartridge.id, penModelId: pen.id });
    expect(await prisma.cartridgeFit.count({ where: { productId: cartridge.id } })).toBe(0);
  });

  it("refuses a day in the future, a day that does not exist, a fit on a product that is not a cartridge, and a fit of another product", async () => {
    const cartridge = await makeProduct("CARTRIDGE");
    const other = await makeProduct("CARTRIDGE");
    const kit = await makeProduct("KIT");
    const pen = await prisma.penModel.findFirstOrThrow({ orderBy: { slug: "asc" } });
    for (const verifiedAt of ["2026-06-16", "2030-01-01", "2026-02-30", "15/06/2026"]) {
      await expect(addFit(prisma, owner, { productId: cartridge.id, penModelId: pen.id, verifiedAt }, now)).rejects.toMatchObject({ field: "verifiedAt" });
    }
    await expect(addFit(prisma, owner, { productId: kit.id, penModelId: pen.id, verifiedAt: "2026-05-01" }, now)).rejects.toBeInstanceOf(ActionError);
    expect(await prisma.cartridgeFit.count({ where: { productId: { in: [cartridge.id, kit.id] } } })).toBe(0);

    await addFit(prisma, owner, { productId: other.id, penModelId: pen.id, verifiedAt: "2026-05-01" }, now);
    // The pen fits the other cartridge, not this one: nothing of the other's fit can be changed through this one.
    await expect(verifyFit(prisma, owner, { productId: cartridge.id, penModelId: pen.id, verifiedAt: "2026-06-01" }, now)).rejects.toBeInstanceOf(ActionError);
    await expect(removeFit(prisma, owner, { productId: cartridge.id, penModelId: pen.id })).rejects.toBeInstanceOf(ActionError);
    expect(await prisma.cartridgeFit.count({ where: { productId: other.id } })).toBe(1);
  });
});

describe("the list and the edit page's read", () => {
  it("finds by name or slug and kind, inactive products included and marked", async () => {
    const product = await makeProduct("ACCESSORY");
    await setProductActive(prisma, owner, { productId: product.id, active: false });
    const found = await listProducts(prisma, staff, { q: product.slug.toUpperCase(), kind: "ACCESSORY" });
    expect(found.rows).toMatchObject([{ slug: product.slug, active: false, fromCents: 1500, variants: 1 }]);
    expect((await listProducts(prisma, staff, { q: product.slug, kind: "KIT" })).rows).toEqual([]);
    expect((await productForEdit(prisma, staff, product.slug))?.active).toBe(false);
    expect(await productForEdit(prisma, staff, "no-such-product")).toBeNull();
  });
});
