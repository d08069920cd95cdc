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

type Chip = { key: string; label: string; removeHref: string };

/** The filters in force, each with the address of the same listing without it. */
function activeFilters(
  query: ReturnType<typeof listingView>["query"],
  current: Record<string, string | null>,
  options: ReturnType<typeof listingView>["options"],
  penName: string | undefined,
  savedPen: string | null,
  base: string,
): Chip[] {
  const chips: Chip[] = [];
  const without = (name: string, value: string | null = null) => listingHref(base, { ...current, [name]: value, page: null });
  if (query.q) chips.push({ key: "q", label: `Search: “${query.q}”`, removeHref: without("q") });
  // Without the pen, a saved pen would apply again: "every pen" is the way to drop it.
  if (query.pen && penName) chips.push({ key: "pen", label: `Fits ${penName}`, removeHref: without("pen", savedPen ? "all" : null) });
  for (const name of ["config", "pack", "concern", "area"] as const) {
    const value = current[name];
    if (!value) continue;
    const label = options[name].find((o) => o.value === value)?.label ?? value;
    chips.push({ key: name, label: `${filterLabels[name]}: ${label}`, removeHref: without(name) });
  }
  if (query.inStock) chips.push({ key: "stock", label: "In stock only", removeHref: without("stock") });
  return chips;
}

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
  // The pen has one control, the pen chooser; the other filters are selects.
  const selectFilters = filters.filter((f): f is Exclude<keyof typeof filterLabels, "pen"> => f !== "stock" && f !== "pen" && options[f].length > 0);
  const penName = query.pen ? catalogIndex(catalog).pen(query.pen)?.name : undefined;
  const current = queryToParams(query);
  const returnTo = listingHref(base, { ...current, pen: null });
  const penParam = current.pen ?? (savedPen && !query.pen ? "all" : null);
  const chips = activeFilters(query, current, options, penName, savedPen, base);

  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <aside aria-label="Filters">
        {/* Folded on phones so the products come first; always open from lg (globals.css .open-from-lg). */}
        <details className="open-from-lg rounded-lg border border-line bg-white" data-testid="filters">
          <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 font-semibold lg:hidden [&::-webkit-details-marker]:hidden">
            <span>
              Filter and sort
              {chips.length > 0 && <span className="ml-1 font-normal text-muted">({chips.length} active)</span>}
            </span>
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
              <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </summary>
          <div className="space-y-5 p-4 pt-1 lg:pt-4">
            {filters.includes("pen") && <PenChooser pens={catalog.penModels} current={savedPen} returnTo={returnTo} />}
            <form method="get" action={base} className="space-y-4">
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
                  className="mt-1 w-full rounded border border-line bg-white px-2 py-1.5 text-base lg:text-sm"
                />
              </div>
              {/* The pen is chosen above; a pen from the address (or "every pen") is kept when filters change. */}
              {penParam && <input type="hidden" name="pen" value={penParam} />}
              {selectFilters.map((name) => (
                <div key={name}>
                  <label htmlFor={`filter-${name}`} className="block text-sm font-medium">
                    {filterLabels[name]}
                  </label>
                  <select
                    id={`filter-${name}`}
                    name={name}
                    defaultValue={current[name] ?? ""}
                    className="mt-1 w-full rounded border border-line bg-white px-2 py-1.5 text-sm"
                  >
                    <option value="">Any</option>
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
          </div>
        </details>
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
        {chips.length > 0 && (
          <ul aria-label="Active filters" className="mb-4 flex flex-wrap gap-2" data-testid="active-filters">
            {chips.map((chip) => (
              <li key={chip.key}>
                <Link
                  href={chip.removeHref}
                  aria-label={`Remove filter: ${chip.label}`}
                  className="inline-flex items-center gap-1.5 rounded-full border border-brand/40 bg-brand-soft px-3 py-1 text-sm text-brand-dark hover:border-brand"
                >
                  {chip.label}
                  <span aria-hidden="true">×</span>
                </Link>
              </li>
            ))}
          </ul>
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
