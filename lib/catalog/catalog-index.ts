// Lookups over one catalog object, built once per catalog version in each
// process (lib/catalog/index.ts hands every request the same object until
// the catalog changes), so a request costs about the same with 2,000 products
// as with 20: a product by slug is a Map lookup, and a listing is a few
// bit-set intersections and one page of items instead of a scan, a filter
// and a sort of every product.
//
// A listing's answer is exactly applyListingQuery's (./filters.ts), sliced to
// the page: each set below is filled by the same test applyListingQuery makes,
// once per catalog for each value a query uses (a pen, a concern, a search
// query...), and the sort orders use its comparisons. What a search finds, and
// in which order, comes from the catalog's search (./search.ts), as for
// applyListingQuery.
// tests/unit/catalog-index.test.ts holds the two side by side.
import type { Category } from "./categories";
import {
  applyListingQuery,
  filterOptions,
  fitsPen,
  hasFilters,
  matchingVariants,
  parseListingQuery,
  sortItems,
  type ListingItem,
  type ListingQuery,
  type SearchParams,
  type SortKey,
} from "./filters";
import { catalogSearch, type SearchSuggestions } from "./search";
import type { Catalog, CatalogProduct, PenModelSummary, ProductKind } from "./types";

export type CatalogIndex = {
  product(slug: string): CatalogProduct | undefined;
  pen(slug: string): PenModelSummary | undefined;
  /** slug → product name, for documents that mention other products. */
  names: Map<string, string>;
  /** The products of one kind (null: every product), in catalog order, with their listing lookups. */
  listing(kind: ProductKind | null): ListingIndex;
};

const indexes = new WeakMap<Catalog, CatalogIndex>();

/** The index of this catalog object: made on first use, then kept as long as the catalog is. */
export function catalogIndex(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    const bySlug = new Map(catalog.products.map((p) => [p.slug, p]));
    const pens = new Map(catalog.penModels.map((m) => [m.slug, m]));
    const listings = new Map<ProductKind | null, ListingIndex>();
    index = {
      product: (slug) => bySlug.get(slug),
      pen: (slug) => pens.get(slug),
      names: new Map(catalog.products.map((p) => [p.slug, p.name])),
      listing: (kind) => {
        let listing = listings.get(kind);
        if (!listing) {
          listing = new ListingIndex(catalog, kind === null ? catalog.products : catalog.products.filter((p) => p.kind === kind));
          listings.set(kind, listing);
        }
        return listing;
      },
    };
    indexes.set(catalog, index);
  }
  return index;
}

/** A set of product positions, one bit each. */
type Bits = Uint32Array;

/** Searches remembered per listing; a visitor typing nonsense cannot grow it without end. */
const MAX_SEARCHES = 500;

/** A search's products in one listing: a bit each, and their positions best match first. */
type ListingHits = { bits: Bits; order: Uint32Array };

/** What the variant-level filters (configuration, pack, stock) leave of each product. */
type VariantSelection = {
  bits: Bits;
  /** Per product (where its bit is set): its matching variants and cheapest price, as applyListingQuery lists it. */
  items: (ListingItem | undefined)[];
  orders: Map<SortKey, SortOrder>;
};

type SortOrder = { order: Uint32Array; rank: Uint32Array };

export class ListingIndex {
  readonly products: readonly CatalogProduct[];
  readonly options: ReturnType<typeof filterOptions>;
  private readonly words: number;
  private readonly catalog: Catalog;
  private readonly position: Map<string, number>;
  private readonly sets = new Map<string, Bits>();
  private readonly searches = new Map<string, ListingHits>();
  private readonly selections = new Map<string, VariantSelection>();

  constructor(catalog: Catalog, products: CatalogProduct[]) {
    this.products = products;
    this.options = filterOptions(catalog, products);
    this.words = Math.ceil(products.length / 32);
    this.catalog = catalog;
    this.position = new Map(products.map((p, i) => [p.id, i]));
  }

  /**
   * One page of what applyListingQuery(products, query) returns, and how many it returns in all.
   * The items are shared by every request for this catalog: do not change them.
   */
  page(query: ListingQuery, page: number, pageSize: number): { items: ListingItem[]; total: number } {
    const selection = this.selection(query);
    const bits = Uint32Array.from(selection.bits);
    const and = (other: Bits) => {
      for (let w = 0; w < bits.length; w++) bits[w]! &= other[w]!;
    };
    if (query.pen) and(this.set(`pen:${query.pen}`, (p) => fitsPen(p, query.pen!)));
    if (query.concern) and(this.set(`concern:${query.concern}`, (p) => p.concerns.some((t) => t.slug === query.concern)));
    if (query.area) and(this.set(`area:${query.area}`, (p) => p.areas.some((t) => t.slug === query.area)));
    const hits = query.q ? this.search(query.q) : null;
    if (hits) and(hits.bits);

    let total = 0;
    for (const w of bits) total += popcount(w);
    const skip = (page - 1) * pageSize;
    const wanted = Math.max(0, Math.min(pageSize, total - skip));
    if (wanted === 0) return { items: [], total };
    let positions: number[];
    if (hits && query.sort === "featured") {
      // Best match first: walk the search's order past what the filters left out.
      positions = [];
      let seen = 0;
      for (let k = 0; k < hits.order.length && positions.length < wanted; k++) {
        const i = hits.order[k]!;
        if (has(bits, i) && seen++ >= skip) positions.push(i);
      }
    } else if (query.sort === "featured") {
      // Catalog order is position order: walk the set bits, a word at a time.
      positions = setBits(bits, skip + wanted).slice(skip);
    } else {
      const { order, rank } = this.order(selection, query.sort);
      if (total * 8 < order.length) {
        // Few matches: sort just those by their place in the order, rather than walk the whole order past the misses.
        positions = setBits(bits, total)
          .sort((a, b) => rank[a]! - rank[b]!)
          .slice(skip, skip + wanted);
      } else {
        // Many: about one in eight or more of the order matches, so the page is near its start.
        positions = [];
        let seen = 0;
        for (let k = 0; k < order.length && positions.length < wanted; k++) {
          const i = order[k]!;
          if (has(bits, i) && seen++ >= skip) positions.push(i);
        }
      }
    }
    return { items: positions.map((i) => selection.items[i]!), total };
  }

  private set(key: string, test: (p: CatalogProduct) => boolean): Bits {
    let bits = this.sets.get(key);
    if (!bits) {
      bits = this.bitsOf((p) => test(p));
      this.sets.set(key, bits);
    }
    return bits;
  }

  /** What the catalog's search finds for `q`, in this listing. */
  search(q: string): ListingHits {
    let hits = this.searches.get(q);
    if (hits) {
      // Most recently used last, so the oldest goes first when the map is full.
      this.searches.delete(q);
    } else {
      const order: number[] = [];
      for (const id of catalogSearch(this.catalog).find(q).ids) {
        const i = this.position.get(id);
        if (i !== undefined) order.push(i);
      }
      const bits = new Uint32Array(this.words);
      for (const i of order) bits[i >>> 5]! |= 1 << (i & 31);
      hits = { bits, order: Uint32Array.from(order) };
      if (this.searches.size >= MAX_SEARCHES) this.searches.delete(this.searches.keys().next().value!);
    }
    this.searches.set(q, hits);
    return hits;
  }

  private selection(query: ListingQuery): VariantSelection {
    const key = `${query.config}|${query.pack}|${query.inStock}`;
    let selection = this.selections.get(key);
    if (!selection) {
      const items: (ListingItem | undefined)[] = [];
      const bits = this.bitsOf((product, i) => {
        const variants = matchingVariants(product, query);
        if (variants.length === 0) return false;
        items[i] = { product, variants, fromCents: Math.min(...variants.map((v) => v.priceCents)) };
        return true;
      });
      selection = { bits, items, orders: new Map() };
      this.selections.set(key, selection);
    }
    return selection;
  }

  /** Product positions in the sort's order (those the selection keeps), and each position's place in it. */
  private order(selection: VariantSelection, sort: SortKey): SortOrder {
    let sorted = selection.orders.get(sort);
    if (!sorted) {
      const position = new Map<ListingItem, number>();
      selection.items.forEach((item, i) => item && position.set(item, i));
      const order = Uint32Array.from(sortItems([...position.keys()], sort), (item) => position.get(item)!);
      const rank = new Uint32Array(this.products.length);
      order.forEach((i, k) => (rank[i] = k));
      sorted = { order, rank };
      selection.orders.set(sort, sorted);
    }
    return sorted;
  }

  private bitsOf(test: (p: CatalogProduct, i: number) => boolean): Bits {
    const bits = new Uint32Array(this.words);
    this.products.forEach((p, i) => {
      if (test(p, i)) bits[i >>> 5]! |= 1 << (i & 31);
    });
    return bits;
  }
}

/** The positions of the first `limit` set bits, in position order. */
function setBits(bits: Bits, limit: number): number[] {
  const out: number[] = [];
  for (let w = 0; w < bits.length && out.length < limit; w++) {
    let word = bits[w]!;
    while (word !== 0 && out.length < limit) {
      const low = word & -word;
      out.push(w * 32 + 31 - Math.clz32(low));
      word ^= low;
    }
  }
  return out;
}

function has(bits: Bits, i: number): boolean {
  return (bits[i >>> 5]! & (1 << (i & 31))) !== 0;
}

function popcount(w: number): number {
  w -= (w >>> 1) & 0x55555555;
  w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
  return (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Products per listing page. */
export const LISTING_PAGE_SIZE = 24;

export type ListingView = {
  query: ListingQuery;
  /** One for every value in the URL that could not be used, to show on the page. */
  notes: string[];
  options: ReturnType<typeof filterOptions>;
  /** This page's products. */
  items: ListingItem[];
  /** How many products the query finds on all pages. */
  total: number;
  page: number;
  pageCount: number;
  /** True when a filter (not the search words or the sort) narrows the listing, the saved pen included. */
  filtered: boolean;
  /** For a search: how many products of this listing it finds before any filter. */
  searchTotal: number | null;
  /** For a search that finds nothing here, even unfiltered: a corrected query and the nearest products. */
  suggestions: SearchSuggestions | null;
};

/**
 * A listing page as components/listing.tsx shows it: the query read from the
 * URL (parseListingQuery) and one page of its products. `products` defaults to
 * every product of the category (every product for null); a caller that
 * passes that same list still gets the index, any other list is scanned.
 */
export function listingView(
  catalog: Catalog,
  category: Pick<Category, "kind" | "filters"> | null,
  params: SearchParams,
  savedPen: string | null = null,
  products?: readonly CatalogProduct[],
  pageSize = LISTING_PAGE_SIZE,
): ListingView {
  const index = catalogIndex(catalog).listing(category?.kind ?? null);
  const indexed = !products || sameList(products, index.products);
  const options = indexed ? index.options : filterOptions(catalog, [...products]);
  const { query, notes } = parseListingQuery(params, options, category, savedPen);
  const raw = typeof params.page === "string" ? params.page.trim() : Array.isArray(params.page) ? (params.page[0]?.trim() ?? "") : "";
  let page = raw === "" ? 1 : Number(raw);
  if (!Number.isSafeInteger(page) || page < 1) {
    notes.push(`There is no page “${raw.slice(0, 100)}”, so the first page is shown.`);
    page = 1;
  }
  const search = catalogSearch(catalog);
  const pageOf = (n: number) => {
    if (indexed) return index.page(query, n, pageSize);
    const all = applyListingQuery([...products], query, query.q ? search.find(query.q) : null);
    return { items: all.slice((n - 1) * pageSize, n * pageSize), total: all.length };
  };
  let result = pageOf(page);
  const pageCount = Math.max(1, Math.ceil(result.total / pageSize));
  if (page > pageCount) {
    notes.push(`There is no page ${page} of these results, so the last page is shown.`);
    page = pageCount;
    result = pageOf(page);
  }
  const filtered = hasFilters(query);
  let searchTotal: number | null = null;
  if (query.q) {
    if (!filtered) searchTotal = result.total;
    else if (indexed) searchTotal = index.search(query.q).order.length;
    else searchTotal = products.filter((p) => search.find(query.q).rank.has(p.id)).length;
  }
  const suggestions = searchTotal === 0 ? search.suggest(query.q, category?.kind ?? null) : null;
  return { query, notes, options, items: result.items, total: result.total, page, pageCount, filtered, searchTotal, suggestions };
}

/** The same products in the same order: pages that filter the catalog by kind themselves still use the index. */
function sameList(a: readonly CatalogProduct[], b: readonly CatalogProduct[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
