// The catalog as pages read it. Display is cached (tag "catalog", refreshed at
// least every five minutes; call revalidateTag("catalog") after an edit);
// availability is read live because it changes with every sale.
//
// Each process keeps the catalog itself in memory, one object per catalog
// version, and the data cache holds only the version (a hash of the catalog's
// content). Two reasons. unstable_cache parses its stored JSON on every call,
// so a cached catalog of 2,000 products cost a 5 MB JSON.parse per request;
// and Next.js's data cache refuses entries over 2 MB, so at that size nothing
// was cached and every request read the whole catalog from the database.
// Now a request reads a few bytes from the data cache and, while the version
// stands, is handed the same catalog object as the request before it, with
// its lookups (./catalog-index.ts) already built. A new version (an edit's
// invalidation, or the five-minute refresh finding different content) makes
// each process read the catalog from the database once.
import { createHash } from "node:crypto";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { db } from "@/lib/db";
import { catalogIndex } from "./catalog-index";
import { loadCatalog, loadStock } from "./load";
import type { Catalog, CatalogProduct, PenModelSummary } from "./types";

import { CATALOG_TAG } from "@/lib/cache/tags";
export { CATALOG_TAG };

// The data cache lives in .next/cache and outlives restarts, so its key names
// the database: pointing the store at another database never shows old rows.
export const databaseKey = () => {
  const url = new URL(process.env.DATABASE_URL ?? "postgresql://unset/");
  return `${url.host}${url.pathname}`;
};

/** The catalog objects of this process by version: the current one and the one before (a request may still hold it). */
const loaded = new Map<string, Promise<Catalog>>();

function remember(version: string, catalog: Promise<Catalog>): Promise<Catalog> {
  loaded.delete(version);
  loaded.set(version, catalog);
  while (loaded.size > 2) loaded.delete(loaded.keys().next().value!);
  // A failed read is not kept: the next request tries again.
  catalog.catch(() => {
    if (loaded.get(version) === catalog) loaded.delete(version);
  });
  return catalog;
}

/** Reads the catalog, frozen: every request of this process shares the object, so none may change it. */
async function readCatalog(): Promise<Catalog> {
  return deepFreeze(await loadCatalog(db()));
}

/** The content's fingerprint: the same catalog gives the same version in every process. */
export function catalogVersion(catalog: Catalog): string {
  return createHash("sha256").update(JSON.stringify(catalog)).digest("base64url").slice(0, 22);
}

// What the data cache holds. Working it out reads the catalog anyway, so this
// process keeps what it read under the version it found, unless it already
// has that version: then the object it has stays, with its built index.
async function loadVersion(): Promise<string> {
  const catalog = await readCatalog();
  const version = catalogVersion(catalog);
  if (!loaded.has(version)) remember(version, Promise.resolve(catalog));
  return version;
}

const getCatalogVersion = () => unstable_cache(loadVersion, ["catalog-version-v1", databaseKey()], { tags: [CATALOG_TAG], revalidate: 300 })();

/** The whole catalog; the same object for every request while the catalog stays as it is. */
export const getCatalog = cache(async (): Promise<Catalog> => {
  const version = await getCatalogVersion();
  // Another process may have made this version: read it here, once. What is
  // read may be newer than that version; it is kept under it all the same, so
  // the next request does not read again, and the next version replaces it.
  return loaded.get(version) ?? remember(version, readCatalog());
});

/** slug → product name, for documents that mention other products. Shared: do not change it. */
export function productNames(catalog: Catalog): Map<string, string> {
  return catalogIndex(catalog).names;
}

export async function getProduct(slug: string): Promise<CatalogProduct | undefined> {
  return catalogIndex(await getCatalog()).product(slug);
}

export type CatalogLookup = {
  pen(slug: string | null | undefined): PenModelSummary | undefined;
  hasProduct(slug: string): boolean;
};

/** Pen models and product slugs only, for GET /api/visitor, which asks on every page view. */
export async function getCatalogLookup(): Promise<CatalogLookup> {
  const index = catalogIndex(await getCatalog());
  return { pen: (slug) => (slug ? index.pen(slug) : undefined), hasProduct: (slug) => index.product(slug) !== undefined };
}

export async function getLiveStock(productSlug: string): Promise<Map<string, number>> {
  return loadStock(db(), productSlug);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export { catalogIndex, LISTING_PAGE_SIZE, listingView, type ListingView } from "./catalog-index";
export * from "./categories";
export * from "./filters";
export * from "./format";
export type * from "./types";
