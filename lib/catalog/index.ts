// The catalog as pages read it. Display is cached (tag "catalog", refreshed at
// least every five minutes; call revalidateTag("catalog") after an edit);
// availability is read live because it changes with every sale.
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { db } from "@/lib/db";
import { loadCatalog, loadStock } from "./load";
import type { Catalog, CatalogProduct } from "./types";

import { CATALOG_TAG } from "@/lib/cache/tags";
export { CATALOG_TAG };

// The data cache lives in .next/cache and outlives restarts, so its key names
// the database: pointing the store at another database never shows old rows.
export const databaseKey = () => {
  const url = new URL(process.env.DATABASE_URL ?? "postgresql://unset/");
  return `${url.host}${url.pathname}`;
};

// unstable_cache parses its stored JSON on every call; cache() keeps one parsed
// catalog per request (a product page reads it three times).
export const getCatalog = cache(async (): Promise<Catalog> => {
  return unstable_cache(() => loadCatalog(db()), ["catalog-v1", databaseKey()], {
    tags: [CATALOG_TAG],
    revalidate: 300,
  })();
});

/** slug → product name, for documents that mention other products. */
export function productNames(catalog: Catalog): Map<string, string> {
  return new Map(catalog.products.map((p) => [p.slug, p.name]));
}

export async function getProduct(slug: string): Promise<CatalogProduct | undefined> {
  return (await getCatalog()).products.find((p) => p.slug === slug);
}

export async function getLiveStock(productSlug: string): Promise<Map<string, number>> {
  return loadStock(db(), productSlug);
}

export * from "./categories";
export * from "./filters";
export * from "./format";
export type * from "./types";
