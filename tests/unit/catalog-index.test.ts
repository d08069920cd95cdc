import { describe, expect, it } from "vitest";
import { categories, type Category } from "@/lib/catalog/categories";
import { catalogIndex, LISTING_PAGE_SIZE, listingView } from "@/lib/catalog/catalog-index";
import { applyListingQuery, filterOptions, parseListingQuery, sorts, type SearchParams } from "@/lib/catalog/filters";
import { catalogSearch } from "@/lib/catalog/search";
import type { CatalogProduct } from "@/lib/catalog/types";
import { seedCatalog } from "../support/seed-catalog";

// About 420 products: several pages in every category.
const catalog = seedCatalog(400);
const productsOf = (category: Category | null) => (category ? catalog.products.filter((p) => p.kind === category.kind) : catalog.products);
const slugs = (items: { product: CatalogProduct }[]) => items.map((i) => i.product.slug);

/** What the listing showed before it had pages and an index: every product, filtered and sorted by a scan (the search's hits given). */
function scanned(category: Category | null, params: SearchParams, savedPen: string | null, products = productsOf(category)) {
  const { query, notes } = parseListingQuery(params, filterOptions(catalog, products), category, savedPen);
  return { query, notes, items: applyListingQuery(products, query, query.q ? catalogSearch(catalog).find(query.q) : null) };
}

function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a / 2 ** 32;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

/** Listing URLs as visitors make them: some filters, real or mistyped values, search words, a sort, a page. */
function randomParams(r: ReturnType<typeof random>, category: Category | null): SearchParams {
  const options = filterOptions(catalog, productsOf(category));
  const params: SearchParams = {};
  const maybe = (p: number) => r.next() < p;
  if (maybe(0.3)) params.pen = maybe(0.85) ? r.pick(catalog.penModels).slug : r.pick(["all", "no-such-pen"]);
  if (maybe(0.3)) params.config = maybe(0.9) && options.config.length ? r.pick(options.config).value : "77-pin";
  if (maybe(0.25)) params.pack = maybe(0.9) && options.pack.length ? r.pick(options.pack).value : "3";
  if (maybe(0.25)) params.concern = r.pick(catalog.concerns).slug;
  if (maybe(0.2)) params.area = r.pick(catalog.areas).slug;
  if (maybe(0.3)) params.stock = "1";
  if (maybe(0.35)) {
    // A piece of a word from some product's text, sometimes two, sometimes nonsense.
    const word = () => {
      const text = r.pick(catalog.products).description.toLowerCase().split(/\s+/);
      const w = r.pick(text);
      return w.slice(0, Math.max(2, Math.floor(r.next() * w.length) + 1));
    };
    params.q = maybe(0.1) ? "xyzzy" : maybe(0.3) ? `${word()} ${word().toUpperCase()}` : word();
  }
  if (maybe(0.5)) params.sort = r.pick(Object.keys(sorts));
  if (maybe(0.5)) params.page = String(r.pick([1, 2, 3, 5, 40]));
  return params;
}

describe("the catalog index", () => {
  it("is built once per catalog object and finds products and pens by slug", () => {
    const index = catalogIndex(catalog);
    expect(catalogIndex(catalog)).toBe(index);
    for (const p of catalog.products) expect(index.product(p.slug)).toBe(p);
    expect(index.product("no-such-product")).toBeUndefined();
    expect(index.pen("stillpoint-h1")?.name).toBe("Stillpoint H1 Home Pen");
    expect(index.names.size).toBe(catalog.products.length);
  });

  it("lists, page by page, exactly what the scan lists, for hundreds of random listing URLs in every category", () => {
    const r = random(11);
    let multiPage = 0;
    for (let run = 0; run < 400; run++) {
      const category = r.pick([null, ...categories]);
      const params = randomParams(r, category);
      const savedPen = r.next() < 0.2 ? r.pick(catalog.penModels).slug : null;
      const expected = scanned(category, params, savedPen);
      const view = listingView(catalog, category, params, savedPen);
      const pageCount = Math.max(1, Math.ceil(expected.items.length / LISTING_PAGE_SIZE));
      const wanted = Number(params.page ?? 1);
      const page = Math.min(wanted, pageCount);
      const label = JSON.stringify({ category: category?.slug ?? "all", params, savedPen });
      expect(view.query, label).toEqual(expected.query);
      expect(view.total, label).toBe(expected.items.length);
      expect([view.page, view.pageCount], label).toEqual([page, pageCount]);
      expect(view.items, label).toEqual(expected.items.slice((page - 1) * LISTING_PAGE_SIZE, page * LISTING_PAGE_SIZE));
      expect(view.notes.slice(0, expected.notes.length), label).toEqual(expected.notes);
      if (pageCount > 1) multiPage++;
      // The page as it is written today hands over the category's products itself: same answer.
      expect(listingView(catalog, category, params, savedPen, productsOf(category)).items, label).toEqual(view.items);
    }
    expect(multiPage).toBeGreaterThan(50);
  });

  it("gives every product of a long listing once across its pages, in the listing's order", () => {
    const cartridges = categories.find((c) => c.slug === "cartridges")!;
    for (const sort of Object.keys(sorts)) {
      const all = scanned(cartridges, { sort }, null).items;
      const first = listingView(catalog, cartridges, { sort });
      expect(first.pageCount).toBeGreaterThan(3);
      const paged = [];
      for (let page = 1; page <= first.pageCount; page++) paged.push(...listingView(catalog, cartridges, { sort, page: String(page) }).items);
      expect(slugs(paged), sort).toEqual(slugs(all));
    }
  });

  it("shows the first page, with a note, for a page number that is not one, and the last for one past the end", () => {
    const kits = categories.find((c) => c.slug === "kits")!;
    for (const page of ["0", "-2", "two", "1.5"]) {
      const view = listingView(catalog, kits, { page });
      expect(view.page, page).toBe(1);
      expect(view.notes.join(" "), page).toContain(`There is no page “${page}”`);
    }
    const past = listingView(catalog, kits, { page: "999" });
    expect(past.page).toBe(past.pageCount);
    expect(past.items.length).toBeGreaterThan(0);
    expect(past.notes.join(" ")).toContain("There is no page 999");
    expect(listingView(catalog, kits, {}).notes).toEqual([]);
  });

  it("scans a list it was handed that is not a category's, and agrees with the scan", () => {
    const some = catalog.products.filter((_, i) => i % 3 === 0);
    const params = { q: "cartridge", sort: "price-desc", page: "2" };
    const view = listingView(catalog, null, params, null, some);
    const expected = scanned(null, params, null, some).items;
    expect(view.total).toBe(expected.length);
    expect(slugs(view.items)).toEqual(slugs(expected.slice(LISTING_PAGE_SIZE, 2 * LISTING_PAGE_SIZE)));
  });

  it("still searches correctly after more distinct words than it remembers", () => {
    const before = slugs(listingView(catalog, null, { q: "sleeves" }).items);
    expect(before.length).toBeGreaterThan(0);
    for (let i = 0; i < 700; i++) listingView(catalog, null, { q: `qq${i}` });
    expect(slugs(listingView(catalog, null, { q: "sleeves" }).items)).toEqual(before);
    expect(slugs(listingView(catalog, null, { q: "sleeves" }).items)).toEqual(slugs(scanned(null, { q: "sleeves" }, null).items.slice(0, LISTING_PAGE_SIZE)));
  });
});
