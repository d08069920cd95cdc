// The catalog as pages read it. Display is cached (tag "catalog", refreshed at
// least every five minutes; call revalidateTag("catalog") after an edit);
// availability is read live because it changes with every sale.
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { loadCatalog, loadStock } from "./load";
import type { Catalog, CatalogProduct } from "./types";

export const CATALOG_TAG = "catalog";

export const getCatalog: () => Promise<Catalog> = unstable_cache(() => loadCatalog(db()), ["catalog-v1"], {
  tags: [CATALOG_TAG],
  revalidate: 300,
});

export async function getProduct(slug: string): Promise<CatalogProduct | undefined> {
  return (await getCatalog()).products.find((p) => p.slug === slug);
}

export async function getLiveStock(productId: string): Promise<Map<string, number>> {
  return loadStock(db(), productId);
}

export * from "./categories";
export * from "./filters";
export * from "./format";
export type * from "./types";
