// Listing filters and sort, read from the URL. Pure functions over the cached
// catalog: a value that does not exist is dropped with a note the page shows,
// never an error.
import type { Category } from "./categories";
import { needleConfig, needleConfigLabel } from "./format";
import type { SearchHits } from "./search";
import type { Catalog, CatalogProduct, CatalogVariant } from "./types";

export const sorts = {
  featured: "Featured",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  name: "Name",
  newest: "Newest",
} as const;
export type SortKey = keyof typeof sorts;

export type ListingQuery = {
  q: string;
  config: string | null;
  pack: number | null;
  /** A pen model slug; null = any pen. */
  pen: string | null;
  /** True when the pen came from the visitor's saved choice, not the URL. */
  penFromPreference: boolean;
  concern: string | null;
  area: string | null;
  inStock: boolean;
  sort: SortKey;
};

export type SearchParams = Record<string, string | string[] | undefined>;

export type FilterOption = { value: string; label: string };

/** Every value each filter can take for the products of a listing. */
export function filterOptions(catalog: Catalog, products: CatalogProduct[]) {
  const variants = products.flatMap((p) => p.variants);
  const configs = unique(variants.map(needleConfig).filter((c): c is string => c !== null)).sort(byConfig);
  const packs = unique(variants.map((v) => v.packSize)).sort((a, b) => a - b);
  const used = (key: "concerns" | "areas") => new Set(products.flatMap((p) => p[key].map((t) => t.slug)));
  const concerns = used("concerns");
  const areas = used("areas");
  return {
    config: configs.map((c) => ({ value: c, label: needleConfigLabel(c) })),
    pack: packs.map((n) => ({ value: String(n), label: String(n) })),
    pen: catalog.penModels.map((m) => ({ value: m.slug, label: m.name })),
    concern: catalog.concerns.filter((t) => concerns.has(t.slug)).map((t) => ({ value: t.slug, label: t.name })),
    area: catalog.areas.filter((t) => areas.has(t.slug)).map((t) => ({ value: t.slug, label: t.name })),
  } satisfies Record<string, FilterOption[]>;
}

/**
 * Reads the listing query from URL parameters. `savedPen` is the visitor's
 * remembered pen model, used when the URL does not name one (`pen=all` turns
 * it off). Returns the notes to show for every value that was not usable.
 */
export function parseListingQuery(
  params: SearchParams,
  options: ReturnType<typeof filterOptions>,
  category: Pick<Category, "filters"> | null,
  savedPen: string | null = null,
): { query: ListingQuery; notes: string[] } {
  const notes: string[] = [];
  const allowed = new Set(category?.filters ?? ["config", "pack", "pen", "concern", "area", "stock"]);
  const one = (name: string): string | null => {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    const trimmed = value?.trim();
    return trimmed ? trimmed.slice(0, 100) : null;
  };
  const pick = (name: keyof typeof options, what: string): string | null => {
    const value = one(name);
    if (value === null) return null;
    if (!allowed.has(name)) return null;
    if (options[name].some((o) => o.value === value)) return value;
    notes.push(`There is no ${what} “${value}” here, so that filter was left out.`);
    return null;
  };

  const config = pick("config", "needle configuration");
  const packValue = pick("pack", "pack size");
  const concern = pick("concern", "concern");
  const area = pick("area", "treatment area");

  let pen: string | null = null;
  let penFromPreference = false;
  const penParam = one("pen");
  if (allowed.has("pen")) {
    if (penParam === "all") {
      pen = null;
    } else if (penParam !== null) {
      pen = pick("pen", "pen model");
    } else if (savedPen && options.pen.some((o) => o.value === savedPen)) {
      pen = savedPen;
      penFromPreference = true;
    }
  }

  const stockParam = one("stock");
  const inStock = allowed.has("stock") && stockParam !== null && ["1", "true", "yes", "on"].includes(stockParam);

  const sortParam = one("sort");
  let sort: SortKey = "featured";
  if (sortParam !== null) {
    if (sortParam in sorts) sort = sortParam as SortKey;
    else notes.push(`We cannot sort by “${sortParam}”, so the usual order is shown.`);
  }

  const q = (one("q") ?? "").replace(/\s+/g, " ");
  return {
    query: { q, config, pack: packValue ? Number(packValue) : null, pen, penFromPreference, concern, area, inStock, sort },
    notes,
  };
}

/** The variants of a product that satisfy the variant-level filters. */
export function matchingVariants(product: CatalogProduct, query: ListingQuery): CatalogVariant[] {
  return product.variants.filter(
    (v) => (query.config === null || needleConfig(v) === query.config) && (query.pack === null || v.packSize === query.pack) && (!query.inStock || v.stock > 0),
  );
}

export type ListingItem = { product: CatalogProduct; variants: CatalogVariant[]; fromCents: number };

/**
 * The products a listing shows, filtered and sorted. A search (`query.q`) keeps the products
 * the catalog's search found (`hits`: catalogSearch(catalog).find(query.q), ./search.ts) and,
 * in the "featured" order, lists them best match first.
 */
export function applyListingQuery(products: CatalogProduct[], query: ListingQuery, hits: SearchHits | null = null): ListingItem[] {
  if (query.q && !hits) throw new Error("applyListingQuery: a search needs the catalog search's hits for its query");
  const items: ListingItem[] = [];
  for (const product of products) {
    if (query.pen && !fitsPen(product, query.pen)) continue;
    if (query.concern && !product.concerns.some((t) => t.slug === query.concern)) continue;
    if (query.area && !product.areas.some((t) => t.slug === query.area)) continue;
    if (query.q && !hits!.rank.has(product.id)) continue;
    const variants = matchingVariants(product, query);
    if (variants.length === 0) continue;
    items.push({ product, variants, fromCents: Math.min(...variants.map((v) => v.priceCents)) });
  }
  if (query.q && query.sort === "featured") return items.sort((a, b) => hits!.rank.get(a.product.id)! - hits!.rank.get(b.product.id)!);
  return sortItems(items, query.sort);
}

/** True when the query narrows the listing by anything besides its search words (the sort narrows nothing). */
export function hasFilters(query: ListingQuery): boolean {
  return query.pen !== null || query.config !== null || query.pack !== null || query.concern !== null || query.area !== null || query.inStock;
}

/** A cartridge fits when the pen is in its verified fit list; a kit when it is the kit's pen. */
export function fitsPen(product: CatalogProduct, penSlug: string): boolean {
  if (product.kind === "CARTRIDGE") return product.fits.some((f) => f.pen.slug === penSlug);
  if (product.kind === "KIT") return product.penModel?.slug === penSlug;
  return true;
}

/** The listing order: a stable sort, so products that compare equal keep their catalog order. */
export function sortItems(items: ListingItem[], sort: SortKey): ListingItem[] {
  const sorted = [...items];
  switch (sort) {
    case "price-asc":
      return sorted.sort((a, b) => a.fromCents - b.fromCents || byName(a, b));
    case "price-desc":
      return sorted.sort((a, b) => b.fromCents - a.fromCents || byName(a, b));
    case "name":
      return sorted.sort(byName);
    case "newest":
      return sorted.sort((a, b) => b.product.publishedAt.localeCompare(a.product.publishedAt) || byName(a, b));
    default:
      return sorted;
  }
}

/** The URL for a listing with one filter changed; null removes it. */
export function listingHref(base: string, query: Partial<Record<string, string | null>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

/** The URL parameters that reproduce a query (omitting defaults). */
export function queryToParams(query: ListingQuery): Record<string, string | null> {
  return {
    q: query.q || null,
    pen: query.penFromPreference ? null : query.pen,
    config: query.config,
    pack: query.pack === null ? null : String(query.pack),
    concern: query.concern,
    area: query.area,
    stock: query.inStock ? "1" : null,
    sort: query.sort === "featured" ? null : query.sort,
  };
}

const byName = (a: ListingItem, b: ListingItem) => a.product.name.localeCompare(b.product.name);

function byConfig(a: string, b: string): number {
  const rank = (c: string) => (c === "nano" ? -1 : c === "mixed" ? 1000 : parseInt(c, 10));
  return rank(a) - rank(b);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
