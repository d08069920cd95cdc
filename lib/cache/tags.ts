// The names cached pages are tagged with. A page's cache entry carries every
// tag of the data it read (unstable_cache passes its tags to the page), so
// invalidating a tag drops every page built from that data.
//
//   catalog          every catalog page: products, prices, fits, guides, the
//                    stock band (in stock / low / out) shown in static HTML
//   product:<slug>   one product page (its stock band changed)
// No "@/" imports: the page cache handler (plain CommonJS) reads the same names.

export const CATALOG_TAG = "catalog";

export function productTag(slug: string): string {
  return `product:${slug}`;
}
