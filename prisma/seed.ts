// Loads the seed catalog (prisma/seed-data/catalog.ts) into the database.
// Safe to run again: rows are matched by slug or SKU and brought up to date,
// except stock, which belongs to the shop once it is trading.
//
//   npm run db:seed                        the hand-written catalog (18 products)
//   npm run db:seed -- --products 2000     plus generated products (prisma/seed-data/generated.ts)
//                                          until the catalog holds that many; a smaller number
//                                          removes generated products beyond it (never one sold)
import { pathToFileURL } from "node:url";
import type { Db } from "../lib/db";
import { isDeepStrictEqual } from "node:util";
import { loadCurrentGuide, publishGuide } from "../lib/guides/store";
import { recordInvalidation } from "../lib/cache/invalidate";
import { CATALOG_TAG } from "../lib/cache/tags";
import { areas, concerns, penModels, products } from "./seed-data/catalog";
import { promoCodes, shippingMethods } from "./seed-data/checkout";
import { guides } from "./seed-data/guides";
import { GENERATED_SLUG, generatedProducts } from "./seed-data/generated";
import type { SeedProduct } from "./seed-data/types";

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
      imagePath: p.imagePath ?? `/images/products/${p.slug}.svg`,
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

export type GeneratedSeedCounts = { products: number; created: number; updated: number; removed: number; keptSold: number };

/**
 * Makes the generated part of the catalog exactly the first `count` products
 * of prisma/seed-data/generated.ts, in a few bulk statements: 2,000 products
 * take seconds. Rows are matched by slug and SKU and only written where they
 * differ, so a second run with the same count writes nothing. Stock is set
 * when a variant is made and left to the shop after that, as in seedCatalog.
 * Generated products beyond `count` are removed, unless they were ever sold
 * (an order keeps its variant). Run seedCatalog first: kits hold its products.
 */
export async function seedGeneratedCatalog(prisma: Db, count: number): Promise<GeneratedSeedCounts> {
  const wanted = generatedProducts(count);
  const [pens, concernRows, areaRows, guideRows] = await Promise.all([
    prisma.penModel.findMany({ select: { id: true, slug: true } }),
    prisma.concern.findMany({ select: { id: true, slug: true } }),
    prisma.treatmentArea.findMany({ select: { id: true, slug: true } }),
    prisma.guide.findMany({ select: { id: true, slug: true } }),
  ]);
  const lookup = (rows: { id: string; slug: string }[], what: string) => {
    const ids = new Map(rows.map((r) => [r.slug, r.id]));
    return (slug: string) => ids.get(slug) ?? fail(`seed: unknown ${what} ${slug}`);
  };
  const penId = lookup(pens, "pen model");
  const concernId = lookup(concernRows, "concern");
  const areaId = lookup(areaRows, "treatment area");
  const guideId = lookup(guideRows, "guide");

  // Every generated product in the database, with what the seed writes.
  const ours = (await prisma.product.findMany({ select: { id: true, slug: true } })).filter((r) => GENERATED_SLUG.test(r.slug));
  const existing = await prisma.product.findMany({
    where: { id: { in: ours.map((r) => r.id) } },
    include: {
      variants: true,
      concerns: { select: { id: true } },
      areas: { select: { id: true } },
      fits: { select: { penModelId: true, verifiedAt: true } },
      kitItems: { select: { variantId: true, penModelId: true, label: true, quantity: true, position: true } },
    },
  });
  const wantedSlugs = new Set(wanted.map((p) => p.slug));

  const surplus = existing.filter((p) => !wantedSlugs.has(p.slug)).map((p) => p.id);
  const removed = surplus.length
    ? (await prisma.product.deleteMany({ where: { id: { in: surplus }, variants: { none: { orderItems: { some: {} } } } } })).count
    : 0;

  // Products: create the missing ones in bulk, update the ones that differ.
  const productRow = (p: SeedProduct) => ({
    slug: p.slug,
    kind: p.kind,
    name: p.name,
    tagline: p.tagline,
    description: p.description,
    imagePath: p.imagePath ?? `/images/products/${p.slug}.svg`,
    publishedAt: new Date(p.publishedAt),
    penModelId: p.penModel ? penId(p.penModel) : null,
    guideId: p.guide ? guideId(p.guide) : null,
  });
  const bySlug = new Map(existing.map((p) => [p.slug, p]));
  const productIds = new Map(existing.map((p) => [p.slug, p.id]));
  const toCreate = wanted.filter((p) => !bySlug.has(p.slug));
  for (const chunk of chunks(toCreate, 500)) {
    const rows = await prisma.product.createManyAndReturn({ data: chunk.map(productRow), select: { id: true, slug: true } });
    for (const r of rows) productIds.set(r.slug, r.id);
  }
  const changedProducts = wanted.filter((p) => {
    const row = bySlug.get(p.slug);
    return row && !sameFields(row, productRow(p));
  });
  await inBatches(changedProducts, (p) => prisma.product.update({ where: { slug: p.slug }, data: productRow(p) }));
  const idOf = (slug: string) => productIds.get(slug) ?? fail(`seed: no product ${slug}`);

  // Variants, by SKU; stock only when one is made.
  const variantRows = wanted.flatMap((p) => p.variants.map((v, position) => ({ stock: v.stock, row: variantRow(v, position, idOf(p.slug)) })));
  const variantsBySku = new Map(
    (await prisma.variant.findMany({ where: { sku: { in: variantRows.map((v) => v.row.sku) } }, omit: { stock: true } })).map((v) => [v.sku, v]),
  );
  const newVariants = variantRows.filter((v) => !variantsBySku.has(v.row.sku));
  for (const chunk of chunks(newVariants, 1000)) await prisma.variant.createMany({ data: chunk.map((v) => ({ ...v.row, stock: v.stock })) });
  const changedVariants = variantRows.filter((v) => {
    const row = variantsBySku.get(v.row.sku);
    return row && !sameFields(row, v.row);
  });
  await inBatches(changedVariants, (v) => prisma.variant.update({ where: { sku: v.row.sku }, data: v.row }));
  const wantedSkus = new Set(variantRows.map((v) => v.row.sku));
  const kept = new Set(existing.filter((p) => wantedSlugs.has(p.slug)).map((p) => p.id));
  const extraVariants = existing.flatMap((p) => p.variants).filter((v) => !wantedSkus.has(v.sku) && kept.has(v.productId));
  if (extraVariants.length) {
    await prisma.variant.deleteMany({ where: { id: { in: extraVariants.map((v) => v.id) }, orderItems: { none: {} } } });
  }

  // Relations: a product whose set differs (or that is new) has its rows replaced.
  const differs = <T>(want: (p: SeedProduct) => T[], have: (row: (typeof existing)[number]) => T[]) =>
    wanted.filter((p) => {
      const row = bySlug.get(p.slug);
      return !row || JSON.stringify(want(p)) !== JSON.stringify(have(row));
    });

  const wantConcerns = (p: SeedProduct) => p.concerns.map(concernId).sort();
  const wantAreas = (p: SeedProduct) => p.areas.map(areaId).sort();
  const tagsToSet = {
    concerns: differs(wantConcerns, (r) => r.concerns.map((c) => c.id).sort()),
    areas: differs(wantAreas, (r) => r.areas.map((a) => a.id).sort()),
  };
  // Implicit many-to-many tables: Prisma has no createMany for them. "A" and "B" are the two models in name order.
  if (tagsToSet.concerns.length) {
    const ids = tagsToSet.concerns.map((p) => idOf(p.slug));
    const pairs = tagsToSet.concerns.flatMap((p) => wantConcerns(p).map((c) => [c, idOf(p.slug)] as const));
    await prisma.$executeRaw`DELETE FROM "_ConcernToProduct" WHERE "B" = ANY(${ids})`;
    await prisma.$executeRaw`INSERT INTO "_ConcernToProduct" ("A", "B") SELECT * FROM unnest(${pairs.map((x) => x[0])}::text[], ${pairs.map((x) => x[1])}::text[])`;
  }
  if (tagsToSet.areas.length) {
    const ids = tagsToSet.areas.map((p) => idOf(p.slug));
    const pairs = tagsToSet.areas.flatMap((p) => wantAreas(p).map((a) => [idOf(p.slug), a] as const));
    await prisma.$executeRaw`DELETE FROM "_ProductToTreatmentArea" WHERE "A" = ANY(${ids})`;
    await prisma.$executeRaw`INSERT INTO "_ProductToTreatmentArea" ("A", "B") SELECT * FROM unnest(${pairs.map((x) => x[0])}::text[], ${pairs.map((x) => x[1])}::text[])`;
  }

  const wantFits = (p: SeedProduct) => (p.fits ?? []).map((f) => `${penId(f.pen)} ${new Date(f.verifiedAt).toISOString()}`).sort();
  const fitsToSet = differs(wantFits, (r) => r.fits.map((f) => `${f.penModelId} ${f.verifiedAt.toISOString()}`).sort());
  if (fitsToSet.length) {
    await prisma.cartridgeFit.deleteMany({ where: { productId: { in: fitsToSet.map((p) => idOf(p.slug)) } } });
    await prisma.cartridgeFit.createMany({
      data: fitsToSet.flatMap((p) => (p.fits ?? []).map((f) => ({ productId: idOf(p.slug), penModelId: penId(f.pen), verifiedAt: new Date(f.verifiedAt) }))),
    });
  }

  const kitSkus = [...new Set(wanted.flatMap((p) => (p.kitItems ?? []).flatMap((i) => ("sku" in i ? [i.sku] : []))))];
  const skuIds = new Map((await prisma.variant.findMany({ where: { sku: { in: kitSkus } }, select: { id: true, sku: true } })).map((v) => [v.sku, v.id]));
  const kitRows = (p: SeedProduct) =>
    (p.kitItems ?? []).map((item, position) => ({
      variantId: "sku" in item ? (skuIds.get(item.sku) ?? fail(`seed: kit ${p.slug} holds unknown SKU ${item.sku}`)) : null,
      penModelId: "pen" in item ? penId(item.pen) : null,
      label: "label" in item ? item.label : null,
      quantity: item.quantity,
      position,
    }));
  const kitsToSet = differs(kitRows, (r) => r.kitItems);
  if (kitsToSet.length) {
    await prisma.kitItem.deleteMany({ where: { kitId: { in: kitsToSet.map((p) => idOf(p.slug)) } } });
    await prisma.kitItem.createMany({ data: kitsToSet.flatMap((p) => kitRows(p).map((row) => ({ ...row, kitId: idOf(p.slug) }))) });
  }

  const changed = toCreate.length + changedProducts.length + removed + newVariants.length + changedVariants.length + extraVariants.length;
  const relationsChanged = tagsToSet.concerns.length + tagsToSet.areas.length + fitsToSet.length + kitsToSet.length;
  if (changed + relationsChanged > 0) await recordInvalidation(prisma, [CATALOG_TAG]);
  const created = new Set(toCreate.map((p) => p.slug));
  const slugOfId = new Map([...productIds].map(([slug, id]) => [id, slug]));
  const touched = new Set([
    ...[...changedProducts, ...tagsToSet.concerns, ...tagsToSet.areas, ...fitsToSet, ...kitsToSet].map((p) => p.slug),
    ...[...changedVariants.map((v) => v.row.productId), ...extraVariants.map((v) => v.productId)].map((id) => slugOfId.get(id)!),
  ]);
  return {
    products: wanted.length,
    created: created.size,
    updated: [...touched].filter((slug) => !created.has(slug)).length,
    removed,
    keptSold: surplus.length - removed,
  };
}

function variantRow(v: SeedProduct["variants"][number], position: number, productId: string) {
  return {
    sku: v.sku,
    productId,
    position,
    label: v.label,
    priceCents: v.priceCents,
    packSize: v.packSize,
    packUnit: v.packUnit,
    pinCount: v.pinCount ?? null,
    needleGeometry: v.needleGeometry ?? null,
    needleMaterial: v.needleMaterial ?? null,
    sterilization: v.sterilization ?? null,
    maxDepthMm: v.maxDepthMm ?? null,
    homeUse: v.homeUse,
  };
}

/** True when every field of `want` has the same value in `row` (dates by instant). */
function sameFields(row: Record<string, unknown>, want: Record<string, unknown>): boolean {
  return Object.entries(want).every(([key, value]) => {
    const have = row[key];
    if (value instanceof Date) return have instanceof Date && have.getTime() === value.getTime();
    return have === value;
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One statement per item, a few at a time (the pool has five connections). */
async function inBatches<T>(items: T[], write: (item: T) => Promise<unknown>): Promise<void> {
  for (const chunk of chunks(items, 5)) await Promise.all(chunk.map(write));
}

function fail(message: string): never {
  throw new Error(message);
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
  const flag = process.argv.indexOf("--products");
  const total = flag === -1 ? null : Number(process.argv[flag + 1]);
  if (total !== null && !(Number.isInteger(total) && total >= 0 && total <= 100_000)) {
    console.error("--products wants a whole number of products, at most 100000, e.g. --products 2000.");
    process.exit(2);
  }
  const prisma = createDb(url);
  const counts = await seedCatalog(prisma);
  console.log(`Seeded ${counts.products} products, ${counts.variants} variants.`);
  if (total !== null) {
    const started = performance.now();
    const g = await seedGeneratedCatalog(prisma, total - counts.products);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Generated products: ${g.products} wanted, ${g.created} created, ${g.updated} updated, ${g.removed} removed` +
        (g.keptSold ? `, ${g.keptSold} beyond the count kept because they were sold` : "") +
        ` (${seconds} s). The catalog holds ${await prisma.product.count()} products.`,
    );
  }
  await prisma.$disconnect();
}
