import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog, loadStock } from "@/lib/catalog/load";
import { applyListingQuery, filterOptions, parseListingQuery } from "@/lib/catalog/filters";
import { categoryBySlug } from "@/lib/catalog/categories";
import { products as seedProducts } from "@/prisma/seed-data/catalog";
import { seedCatalog } from "@/prisma/seed";
import { testDb } from "../support/db";

const prisma = testDb();
afterAll(() => prisma.$disconnect());

describe("the seeded catalog in PostgreSQL", () => {
  it("holds every seed product with its variants, kits, cartridges and aftercare", async () => {
    const catalog = await loadCatalog(prisma);
    expect(catalog.products.map((p) => p.slug).sort()).toEqual(seedProducts.map((p) => p.slug).sort());
    const kinds = new Set(catalog.products.map((p) => p.kind));
    expect(kinds).toEqual(new Set(["KIT", "CARTRIDGE", "AFTERCARE", "ACCESSORY"]));
    for (const p of catalog.products) expect(p.variants.length).toBeGreaterThan(0);
  });

  it("lists what is in every kit box, including its pen", async () => {
    const kits = (await loadCatalog(prisma)).products.filter((p) => p.kind === "KIT");
    expect(kits.length).toBeGreaterThanOrEqual(2);
    for (const kit of kits) {
      expect(kit.penModel).not.toBeNull();
      expect(kit.kitContents.map((c) => c.label)).toContain(kit.penModel!.name);
      expect(kit.kitContents.every((c) => c.quantity > 0)).toBe(true);
    }
  });

  it("narrows cartridges to exactly those with a verified fit for the chosen pen", async () => {
    const catalog = await loadCatalog(prisma);
    const cartridges = catalog.products.filter((p) => p.kind === "CARTRIDGE");
    const options = filterOptions(catalog, cartridges);
    for (const pen of catalog.penModels) {
      const fits = await prisma.cartridgeFit.findMany({
        where: { penModelId: (await prisma.penModel.findUniqueOrThrow({ where: { slug: pen.slug } })).id },
        include: { product: true },
      });
      const expected = fits
        .filter((f) => f.product.kind === "CARTRIDGE")
        .map((f) => f.product.slug)
        .sort();
      const { query } = parseListingQuery({ pen: pen.slug }, options, categoryBySlug("cartridges")!);
      const listed = applyListingQuery(cartridges, query)
        .map((i) => i.product.slug)
        .sort();
      expect(listed, pen.slug).toEqual(expected);
    }
    // The first-edition pen takes fewer cartridges than the current one.
    const count = async (slug: string) => applyListingQuery(cartridges, parseListingQuery({ pen: slug }, options, categoryBySlug("cartridges")!).query).length;
    expect(await count("stillpoint-h0")).toBeLessThan(await count("stillpoint-h1"));
  });

  it("reads stock live, not from the cached catalog", async () => {
    const variant = await prisma.variant.findUniqueOrThrow({ where: { sku: "CRT-16-10" } });
    await prisma.variant.update({ where: { id: variant.id }, data: { stock: 2 } });
    try {
      expect((await loadStock(prisma, "balance-16-cartridge")).get("CRT-16-10")).toBe(2);
    } finally {
      await prisma.variant.update({ where: { id: variant.id }, data: { stock: variant.stock } });
    }
  });

  it("can be seeded again without duplicating rows or resetting stock", async () => {
    const variant = await prisma.variant.findUniqueOrThrow({ where: { sku: "SRM-HA-30" } });
    await prisma.variant.update({ where: { id: variant.id }, data: { stock: variant.stock - 1 } });
    const before = await Promise.all([prisma.product.count(), prisma.variant.count(), prisma.kitItem.count(), prisma.cartridgeFit.count()]);
    await seedCatalog(prisma);
    const after = await Promise.all([prisma.product.count(), prisma.variant.count(), prisma.kitItem.count(), prisma.cartridgeFit.count()]);
    expect(after).toEqual(before);
    expect((await prisma.variant.findUniqueOrThrow({ where: { sku: "SRM-HA-30" } })).stock).toBe(variant.stock - 1);
    await prisma.variant.update({ where: { id: variant.id }, data: { stock: variant.stock } });
  });

  it("refuses a negative price or a duplicate SKU at the database", async () => {
    const product = await prisma.product.findFirstOrThrow();
    await expect(
      prisma.variant.create({ data: { productId: product.id, sku: "CRT-16-10", label: "dup", priceCents: 1, stock: 1, packSize: 1, packUnit: "x" } }),
    ).rejects.toThrow();
    await expect(
      prisma.variant.create({ data: { productId: product.id, sku: "NEG-1", label: "neg", priceCents: -5, stock: 1, packSize: 1, packUnit: "x" } }),
    ).rejects.toThrow();
  });
});
