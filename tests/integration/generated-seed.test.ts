// `npm run db:seed -- --products N` against a database of its own (made and
// dropped here), so the shared test database keeps the hand-written catalog
// the other tests expect.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import { describeFindings } from "@/lib/copy/claims";
import { scanStoreCopy } from "@/lib/copy/scan";
import { createDb, type Db } from "@/lib/db";
import { buildInstructions, instructionsFor } from "@/lib/guides";
import { loadCurrentGuide } from "@/lib/guides/store";
import { products as handWritten } from "@/prisma/seed-data/catalog";
import { generatedProducts } from "@/prisma/seed-data/generated";
import { seedCatalog, seedGeneratedCatalog } from "@/prisma/seed";
import { paidOrder } from "../support/orders";

const TOTAL = 200;
const GENERATED = TOTAL - handWritten.length;

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("Integration tests need DATABASE_URL; run them through `npm test`.");
const url = new URL(serverUrl);
const name = `${url.pathname.slice(1) || "store"}_generated`.replace(/[^a-zA-Z0-9_]/g, "_");
url.pathname = `/${name}`;

async function admin(sql: string) {
  const admin = new URL(serverUrl!);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let prisma: Db;

beforeAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  // The committed migrations, in order, as `prisma migrate deploy` applies them.
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const dir = path.resolve("prisma/migrations");
    for (const m of readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()) {
      await client.query(readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
    }
  } finally {
    await client.end();
  }
  prisma = createDb(url.toString());
  await seedCatalog(prisma);
  await seedGeneratedCatalog(prisma, GENERATED);
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("the generated catalog in PostgreSQL", () => {
  it("holds the hand-written catalog and the generated products, as the generator describes them", async () => {
    const catalog = await loadCatalog(prisma);
    expect(catalog.products).toHaveLength(TOTAL);
    const bySlug = new Map(catalog.products.map((p) => [p.slug, p]));
    for (const want of generatedProducts(GENERATED)) {
      const have = bySlug.get(want.slug)!;
      expect(have, want.slug).toBeDefined();
      expect([have.kind, have.name, have.description, have.guideSlug, have.penModel?.slug ?? null]).toEqual([
        want.kind,
        want.name,
        want.description,
        want.guide,
        want.penModel ?? null,
      ]);
      expect(have.variants.map((v) => [v.sku, v.priceCents, v.stock, v.packSize])).toEqual(
        want.variants.map((v) => [v.sku, v.priceCents, v.stock, v.packSize]),
      );
      expect(have.fits.map((f) => f.pen.slug).sort()).toEqual((want.fits ?? []).map((f) => f.pen).sort());
      expect(have.concerns.map((t) => t.slug).sort()).toEqual([...want.concerns].sort());
      expect(have.areas.map((t) => t.slug).sort()).toEqual([...want.areas].sort());
      expect(have.kitContents).toHaveLength(want.kitItems?.length ?? 0);
    }
  });

  it("seeded again, writes nothing and leaves the same catalog, stock included", async () => {
    const variant = await prisma.variant.findFirstOrThrow({ where: { sku: { contains: "-S00" } } });
    await prisma.variant.update({ where: { id: variant.id }, data: { stock: variant.stock + 7 } });
    const before = await loadCatalog(prisma);
    const counts = await seedGeneratedCatalog(prisma, GENERATED);
    expect(counts).toEqual({ products: GENERATED, created: 0, updated: 0, removed: 0, keptSold: 0 });
    expect(await loadCatalog(prisma)).toEqual(before);
    expect((await prisma.variant.findUniqueOrThrow({ where: { id: variant.id } })).stock).toBe(variant.stock + 7);
  });

  it("brings back what was edited by hand, except stock", async () => {
    const target = generatedProducts(GENERATED)[5]!;
    await prisma.product.update({ where: { slug: target.slug }, data: { name: "Renamed by hand", concerns: { set: [] } } });
    const counts = await seedGeneratedCatalog(prisma, GENERATED);
    expect([counts.created, counts.updated]).toEqual([0, 1]);
    const product = (await loadCatalog(prisma, [target.slug])).products[0]!;
    expect(product.name).toBe(target.name);
    expect(product.concerns.map((t) => t.slug).sort()).toEqual([...target.concerns].sort());
  });

  it("attaches instructions to every generated product, and every one builds", async () => {
    const catalog = await loadCatalog(prisma);
    const guides = new Map<string, Awaited<ReturnType<typeof loadCurrentGuide>>>();
    for (const p of catalog.products) {
      expect(p.guideSlug, p.slug).not.toBeNull();
      if (!guides.has(p.guideSlug!)) guides.set(p.guideSlug!, await loadCurrentGuide(prisma, p.guideSlug!));
      const guide = guides.get(p.guideSlug!)!;
      const doc = buildInstructions(p, instructionsFor(p, guide), (s) => s);
      expect(doc.sections.length, p.slug).toBeGreaterThan(0);
    }
  });

  it("passes the claims check (npm run check:claims)", async () => {
    expect(describeFindings(await scanStoreCopy(prisma))).toBe("");
  });

  it("a smaller count removes generated products beyond it, except one that was ordered, and a larger one brings them back", async () => {
    // The last generated product beyond the smaller count that a visitor can buy.
    const ordered = generatedProducts(GENERATED)
      .slice(100)
      .reverse()
      .find((p) => p.variants.some((v) => v.homeUse && v.stock > 0))!;
    const sku = ordered.variants.find((v) => v.homeUse && v.stock > 0)!.sku;
    await paidOrder(prisma, { lines: [[sku, 1]], pay: false });

    const shrunk = await seedGeneratedCatalog(prisma, 100);
    expect(shrunk).toMatchObject({ products: 100, created: 0, removed: GENERATED - 100 - 1, keptSold: 1 });
    const slugs = new Set((await prisma.product.findMany({ select: { slug: true } })).map((p) => p.slug));
    expect(slugs.size).toBe(handWritten.length + 100 + 1);
    expect(slugs.has(ordered.slug)).toBe(true);

    const grown = await seedGeneratedCatalog(prisma, GENERATED);
    expect(grown).toMatchObject({ created: GENERATED - 100 - 1, removed: 0 });
    expect(await prisma.product.count()).toBe(TOTAL);
  });
});
