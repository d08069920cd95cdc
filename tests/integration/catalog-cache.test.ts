// getCatalog() through Next.js's real data cache (IncrementalCache with its
// file-system handler, as `next start` has it; unstable_cache finds it on
// globalThis outside a request): one catalog object per version, per process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";

const prisma = testDb();
const cacheDir = mkdtempSync(path.join(tmpdir(), "catalog-cache-"));
let incrementalCache: { revalidateTag(tags: string[]): Promise<void> };
let lib: typeof import("@/lib/catalog");

beforeAll(async () => {
  // Next.js's server sets this before its modules load; they read it when they load.
  (globalThis as Record<string, unknown>).AsyncLocalStorage = (await import("node:async_hooks")).AsyncLocalStorage;
  const { IncrementalCache } = await import("next/dist/server/lib/incremental-cache/index.js");
  const { nodeFs } = await import("next/dist/server/lib/node-fs-methods.js");
  incrementalCache = new IncrementalCache({
    fs: nodeFs,
    dev: false,
    flushToDisk: true,
    serverDistDir: cacheDir,
    requestHeaders: {},
    maxMemoryCacheSize: 50 * 1024 * 1024,
    previewProps: { previewModeId: "test", previewModeEncryptionKey: "", previewModeSigningKey: "" },
    prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: { previewModeId: "test" } },
    fetchCacheKeyPrefix: "",
  } as never) as never;
  (globalThis as Record<string, unknown>).__incrementalCache = incrementalCache;
  lib = await import("@/lib/catalog");
});

afterAll(async () => {
  await prisma.$disconnect();
  rmSync(cacheDir, { recursive: true, force: true });
});

const invalidate = async () => {
  // The tag's expiry is compared with the entry's time in milliseconds.
  await new Promise((r) => setTimeout(r, 5));
  await incrementalCache.revalidateTag([lib.CATALOG_TAG]);
};

describe("the catalog each request is given", () => {
  it("is the same object, lookups and all, while the catalog stands, and frozen, since every request shares it", async () => {
    const first = await lib.getCatalog();
    const again = await lib.getCatalog();
    expect(again).toBe(first);
    expect(lib.productNames(again)).toBe(lib.productNames(first));
    expect(await lib.getProduct("precision-12-cartridge")).toBe(first.products.find((p) => p.slug === "precision-12-cartridge"));
    expect(Object.isFrozen(first.products[0]!.variants[0])).toBe(true);
    expect(() => {
      (first.products as unknown as unknown[]).push({});
    }).toThrow();
  });

  it("is read again when the catalog tag is invalidated and the catalog changed, and not when it did not change", async () => {
    const first = await lib.getCatalog();
    await invalidate();
    // Same content, same version: the object this process already has.
    expect(await lib.getCatalog()).toBe(first);

    const product = await prisma.product.findUniqueOrThrow({ where: { slug: "gentle-cleanser" } });
    await prisma.product.update({ where: { id: product.id }, data: { name: "Gentle Cleanser (renamed)" } });
    try {
      // Until the tag is invalidated (the edit records that), the cached version stands.
      expect((await lib.getProduct("gentle-cleanser"))!.name).toBe(product.name);
      await invalidate();
      const renamed = await lib.getCatalog();
      expect(renamed).not.toBe(first);
      expect((await lib.getProduct("gentle-cleanser"))!.name).toBe("Gentle Cleanser (renamed)");
      expect(lib.productNames(renamed).get("gentle-cleanser")).toBe("Gentle Cleanser (renamed)");
    } finally {
      await prisma.product.update({ where: { id: product.id }, data: { name: product.name } });
      await invalidate();
    }
    expect((await lib.getProduct("gentle-cleanser"))!.name).toBe(product.name);
  });

  it("answers GET /api/visitor's questions without the catalog leaving memory", async () => {
    const lookup = await lib.getCatalogLookup();
    expect(lookup.pen("stillpoint-h1")?.name).toBe("Stillpoint H1 Home Pen");
    expect(lookup.pen("no-such-pen")).toBeUndefined();
    expect(lookup.pen(null)).toBeUndefined();
    expect(lookup.hasProduct("home-starter-kit")).toBe(true);
    expect(lookup.hasProduct("no-such-product")).toBe(false);
  });

  it("lists a category's first page from the shared index", async () => {
    const catalog = await lib.getCatalog();
    const view = lib.listingView(catalog, lib.categoryBySlug("cartridges")!, {});
    expect(view.items.map((i) => i.product.slug)).toEqual(catalog.products.filter((p) => p.kind === "CARTRIDGE").map((p) => p.slug));
    expect([view.page, view.pageCount]).toEqual([1, 1]);
  });
});
