// A product listing with its filter form. The form is a plain GET form, so
// every filter lives in the URL and works without JavaScript. Long results
// come in pages of LISTING_PAGE_SIZE (?page=2...); changing a filter starts
// again at the first page.
import Link from "next/link";
import { ProductCard } from "@/components/product-card";
import { PenChooser } from "@/components/pen-chooser";
import {
  catalogIndex,
  listingHref,
  listingView,
  queryToParams,
  sorts,
  type Catalog,
  type Category,
  type CatalogProduct,
  type SearchParams,
} from "@/lib/catalog";
import type { SearchSuggestions } from "@/lib/catalog/search";

const filterLabels = {
  pen: "Fits pen",
  config: "Needle configuration",
  pack: "Pack size",
  concern: "Concern",
  area: "Area",
} as const;

export function Listing(props: {
  catalog: Catalog;
  /** Defaults to every product of the category (of the catalog, for null); that list is served from the catalog's index. */
  products?: CatalogProduct[];
  category: Category | null;
  base: string;
  params: SearchParams;
  savedPen: string | null;
}) {
  const { catalog, products, category, base, params, savedPen } = props;
  const { query, notes, options, items, total, page, pageCount, filtered, searchTotal, suggestions } = listingView(
    catalog,
    category,
    params,
    savedPen,
    products,
  );
  const filters = category?.filters ?? ["pen", "config", "pack", "concern", "area", "stock"];
  const selectFilters = filters.filter((f): f is keyof typeof filterLabels => f !== "stock" && options[f].length > 0);
  const penName = query.pen ? catalogIndex(catalog).pen(query.pen)?.name : undefined;
  const current = queryToParams(query);
  const returnTo = listingHref(base, { ...current, pen: null });

  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <aside aria-label="Filters" className="space-y-6">
        <form method="get" action={base} className="space-y-4 rounded-lg border border-line bg-white p-4">
          <h2 className="font-semibold">Filter</h2>
          {/* The search stays in its box: the page is cached per query, so the query is the page's own data. */}
          <div>
            <label htmlFor="listing-search" className="block text-sm font-medium">
              {category ? `Search ${category.title.toLowerCase()}` : "Search products"}
            </label>
            <input
              id="listing-search"
              name="q"
              type="search"
              defaultValue={query.q}
              className="mt-1 w-full rounded border border-line bg-white px-2 py-1.5 text-sm"
            />
          </div>
          {selectFilters.map((name) => (
            <div key={name}>
              <label htmlFor={`filter-${name}`} className="block text-sm font-medium">
                {filterLabels[name]}
              </label>
              <select
                id={`filter-${name}`}
                name={name}
                defaultValue={name === "pen" ? (query.pen ?? (savedPen ? "all" : "")) : (current[name] ?? "")}
                className="mt-1 w-full rounded border border-line bg-white px-2 py-1.5 text-sm"
              >
                <option value={name === "pen" && savedPen ? "all" : ""}>Any</option>
                {options[name].map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
          {filters.includes("stock") && (
            <div className="flex items-center gap-2">
              <input id="filter-stock" type="checkbox" name="stock" value="1" defaultChecked={query.inStock} className="h-4 w-4" />
              <label htmlFor="filter-stock" className="text-sm">
                In stock only
              </label>
            </div>
          )}
          <div>
            <label htmlFor="filter-sort" className="block text-sm font-medium">
              Sort by
            </label>
            <select id="filter-sort" name="sort" defaultValue={query.sort} className="mt-1 w-full rounded border border-line bg-white px-2 py-1.5 text-sm">
              {Object.entries(sorts).map(([value, label]) => (
                <option key={value} value={value}>
                  {value === "featured" && query.q ? "Best match" : label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex items-center gap-3">
            <button type="submit" className="rounded bg-brand px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-dark">
              Apply
            </button>
            <Link href={base} className="text-sm underline">
              Clear
            </Link>
          </div>
        </form>
        {filters.includes("pen") && (
          <div className="rounded-lg border border-line bg-white p-4">
            <PenChooser pens={catalog.penModels} current={savedPen} returnTo={returnTo} />
          </div>
        )}
      </aside>

      <section aria-labelledby="results-heading">
        {notes.length > 0 && (
          <div role="status" className="mb-4 rounded border border-warn/30 bg-warn-soft p-3 text-sm text-warn">
            <ul className="list-disc pl-5">
              {notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        )}
        {query.pen && penName && (
          <p className="mb-4 rounded bg-brand-soft p-3 text-sm" data-testid="pen-notice">
            Showing what fits the <strong>{penName}</strong>
            {query.penFromPreference ? " (your saved pen)" : ""}.{" "}
            <Link href={listingHref(base, { ...current, pen: "all" })} className="underline">
              Show every pen
            </Link>
          </p>
        )}
        <h2 id="results-heading" className="mb-4 text-sm text-muted" aria-live="polite">
          {total === 1 ? "1 product" : `${total} products`}
          {query.q ? ` matching “${query.q}”` : ""}
          {pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}
        </h2>
        {items.length === 0 ? (
          <NothingFound base={base} q={query.q} filtered={filtered} searchTotal={searchTotal} suggestions={suggestions} category={category} />
        ) : (
          <ul className="grid grid-cols-2 gap-4 md:grid-cols-3" data-testid="product-grid">
            {items.map(({ product, variants }) => (
              <li key={product.id} className="flex">
                <div className="w-full">
                  <ProductCard product={product} variants={variants} />
                </div>
              </li>
            ))}
          </ul>
        )}
        {pageCount > 1 && (
          <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-4 text-sm" data-testid="pagination">
            {page > 1 ? (
              <Link href={listingHref(base, { ...current, page: page > 2 ? String(page - 1) : null })} rel="prev" className="underline">
                Previous page
              </Link>
            ) : (
              <span />
            )}
            <span className="text-muted">
              Page {page} of {pageCount}
            </span>
            {page < pageCount ? (
              <Link href={listingHref(base, { ...current, page: String(page + 1) })} rel="next" className="underline">
                Next page
              </Link>
            ) : (
              <span />
            )}
          </nav>
        )}
      </section>
    </div>
  );
}

/**
 * What an empty listing says. It blames the filters only when a filter is set; a search that
 * finds nothing at all offers a corrected query and the nearest products instead.
 */
function NothingFound(props: {
  base: string;
  q: string;
  filtered: boolean;
  searchTotal: number | null;
  suggestions: SearchSuggestions | null;
  category: Category | null;
}) {
  const { base, q, filtered, searchTotal, suggestions, category } = props;
  const box = "rounded border border-line bg-white p-6";
  if (!q) {
    return (
      <p className={box} data-testid="nothing-found">
        Nothing matches these filters.{" "}
        <Link href={base} className="underline">
          Clear the filters
        </Link>{" "}
        to see everything.
      </p>
    );
  }
  if (filtered && searchTotal) {
    return (
      <p className={box} data-testid="nothing-found">
        {searchTotal === 1 ? "1 product matches" : `${searchTotal} products match`} “{q}”, but not with the filters you chose.{" "}
        <Link href={listingHref(base, { q, pen: category && category.filters.includes("pen") ? "all" : null })} className="underline">
          Show them without the filters
        </Link>
        .
      </p>
    );
  }
  return (
    <div className={`${box} space-y-4`} data-testid="nothing-found">
      <p>
        We found nothing for “{q}”{category ? ` in ${category.title.toLowerCase()}` : ""}.
        {suggestions?.didYouMean && (
          <>
            {" "}
            Did you mean{" "}
            <Link href={listingHref(base, { q: suggestions.didYouMean })} className="font-medium underline" data-testid="did-you-mean">
              {suggestions.didYouMean}
            </Link>
            ?
          </>
        )}
      </p>
      {suggestions && suggestions.closest.length > 0 && (
        <div>
          <h3 className="text-sm font-medium">The closest products we have</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="closest-products">
            {suggestions.closest.map((p) => (
              <li key={p.id}>
                <Link href={`/products/${p.slug}`} className="underline">
                  {p.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="text-sm">
        {category && (
          <>
            <Link href={listingHref("/shop", { q })} className="underline">
              Search every product for “{q}”
            </Link>
            , or{" "}
          </>
        )}
        <Link href={category ? base : "/shop"} className="underline">
          {category ? `see all ${category.title.toLowerCase()}` : "See every product"}
        </Link>
        .
      </p>
    </div>
  );
}
