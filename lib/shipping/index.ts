// The shipping table for pages, cached like the catalog (tag "catalog", at
// most five minutes old). The seed, which writes the ShippingMethod rows,
// records the catalog tag in the same run, so a changed price or time reaches
// the cached product pages and the shipping page at once. A future editor of
// the table must record that tag too (lib/cache/invalidate.ts).
import { unstable_cache } from "next/cache";
import { CATALOG_TAG } from "@/lib/cache/tags";
import { databaseKey } from "@/lib/catalog";
import { db } from "@/lib/db";
import { loadShippingTable, type ShippingMethodInfo } from "./table";

export const getShippingTable = (): Promise<ShippingMethodInfo[]> =>
  unstable_cache(() => loadShippingTable(db()), ["shipping-table-v1", databaseKey()], { tags: [CATALOG_TAG], revalidate: 300 })();

export * from "./table";
