// Loads the seed catalog (prisma/seed-data/catalog.ts) into the database.
// Safe to run again: rows are matched by slug or SKU and brought up to date,
// except stock, which belongs to the shop once it is trading.
import { pathToFileURL } from "node:url";
import type { Db } from "../lib/db";
import { isDeepStrictEqual } from "node:util";
import { loadCurrentGuide, publishGuide } from "../lib/guides/store";
import { recordInvalidation } from "../lib/cache/invalidate";
import { CATALOG_TAG } from "../lib/cache/tags";
import { areas, concerns, penModels, products } from "./seed-data/catalog";
import { promoCodes, shippingMethods } from "./seed-data/checkout";
import { guides } from "./seed-data/guides";

export async function seedCatalog(prisma: Db): Promise<{ products: number; variants: number }> {
  for (const tag of concerns) {
    await prisma.concern.upsert({ where: { slug: tag.slug }, create: tag, update: { name: tag.name } });
  }
  for (const tag of areas) {
    await prisma.treatmentArea.upsert({ where: { slug: tag.slug }, create: tag, update: { name: tag.name } });
  }
  const penIds = new Map<string, string>();
  for (const pen of penModels) {
    const row = await prisma.penModel.upsert({ where: { slug: pen.slug }, create: pen, update: pen });
    penIds.set(pen.slug, row.id);
  }
  const penId = (slug: string) => {
    const id = penIds.get(slug);
    if (!id) throw new Error(`seed: unknown pen model ${slug}`);
    return id;
  };

  let variantCount = 0;
  for (const p of products) {
    const fields = {
      kind: p.kind,
      name: p.name,
      tagline: p.tagline,
      description: p.description,
      imagePath: `/images/products/${p.slug}.svg`,
      publishedAt: new Date(p.publishedAt),
      penModelId: p.penModel ? penId(p.penModel) : null,
      concerns: { set: p.concerns.map((slug) => ({ slug })) },
      areas: { set: p.areas.map((slug) => ({ slug })) },
    };
    const product = await prisma.product.upsert({
      where: { slug: p.slug },
      create: {
        ...fields,
        slug: p.slug,
        concerns: { connect: p.concerns.map((slug) => ({ slug })) },
        areas: { connect: p.areas.map((slug) => ({ slug })) },
      },
      update: fields,
    });
    for (const [position, v] of p.variants.entries()) {
      const { stock, ...rest } = v;
      await prisma.variant.upsert({
        where: { sku: v.sku },
        create: { ...v, position, productId: product.id },
        update: { ...rest, position, productId: product.id },
      });
      variantCount++;
    }
    await prisma.cartridgeFit.deleteMany({ where: { productId: product.id } });
    for (const fit of p.fits ?? []) {
      await prisma.cartridgeFit.create({
        data: { productId: product.id, penModelId: penId(fit.pen), verifiedAt: new Date(fit.verifiedAt) },
      });
    }
  }

  // Kit contents refer to variants of other products, so they come last.
  for (const p of products) {
    if (!p.kitItems) continue;
    const kit = await prisma.product.findUniqueOrThrow({ where: { slug: p.slug } });
    await prisma.kitItem.deleteMany({ where: { kitId: kit.id } });
    for (const [position, item] of p.kitItems.entries()) {
      const link =
        "sku" in item
          ? { variantId: (await prisma.variant.findUniqueOrThrow({ where: { sku: item.sku } })).id }
          : "pen" in item
            ? { penModelId: penId(item.pen) }
            : { label: item.label };
      await prisma.kitItem.create({ data: { kitId: kit.id, quantity: item.quantity, position, ...link } });
    }
  }
  await seedGuides(prisma);
  for (const m of shippingMethods) {
    await prisma.shippingMethod.upsert({ where: { code: m.code }, create: m, update: m });
  }
  for (const p of promoCodes) {
    // Usage counts belong to the shop: never reset them.
    await prisma.promoCode.upsert({ where: { code: p.code }, create: p, update: p });
  }
  // A running store stops serving pages made from the catalog as it was (lib/cache/invalidate.ts).
  await recordInvalidation(prisma, [CATALOG_TAG]);
  return { products: products.length, variants: variantCount };
}

/**
 * Publishes each seed guide, unless its current version already says exactly
 * this (so seeding again adds no versions), and attaches it to its products.
 */
export async function seedGuides(prisma: Db): Promise<void> {
  for (const guide of guides) {
    const current = await loadCurrentGuide(prisma, guide.slug);
    if (!current || !isDeepStrictEqual(current.content, guide.content)) {
      const audience = guide.audience === "home" ? "HOME" : "PROFESSIONAL";
      await publishGuide(
        prisma,
        { slug: guide.slug, title: guide.title, summary: guide.summary, audience },
        guide.content,
        current ? "Updated from the seed content." : "First edition.",
      );
    }
    const row = await prisma.guide.findUniqueOrThrow({ where: { slug: guide.slug } });
    await prisma.product.updateMany({ where: { slug: { in: guide.productSlugs } }, data: { guideId: row.id } });
  }
}

export async function catalogIsEmpty(prisma: Db): Promise<boolean> {
  return (await prisma.product.count()) === 0;
}

// `npm run db:seed` (with DATABASE_URL set).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { createDb } = await import("../lib/db");
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set.");
    process.exit(2);
  }
  const prisma = createDb(url);
  const counts = await seedCatalog(prisma);
  console.log(`Seeded ${counts.products} products, ${counts.variants} variants.`);
  await prisma.$disconnect();
}
