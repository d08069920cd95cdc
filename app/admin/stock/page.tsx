import { adminMetadata } from "@/lib/admin/page";
import Link from "next/link";
import { adminPage } from "@/lib/admin/page";
import { stockOverview } from "@/lib/data";
import { StockFigureList } from "@/components/admin/stock-figures";

export const generateMetadata = adminMetadata("stock.read", "Stock");

type Query = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

function listHref(q: string, low: boolean, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (low) params.set("low", "1");
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/admin/stock?${s}` : "/admin/stock";
}

export default async function StockPage({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await adminPage("stock.read", "/admin/stock");
  const query = await searchParams;
  const overview = await stockOverview(actor, {
    q: one(query.q).slice(0, 200),
    low: one(query.low) === "1",
    page: Number.parseInt(one(query.page), 10) || 1,
  });
  const { rows, q, low, page, pages, total } = overview;

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">{low ? "Low stock" : "Stock"}</h1>
      <p className="text-sm text-muted">
        Free to sell is what shoppers can buy now; held is in checkouts waiting for payment; sold counts paid orders. A variant is low when free to sell is at
        or below its threshold.
      </p>

      <form method="get" action="/admin/stock" role="search" aria-label="Stock" className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-56">
          <label htmlFor="stock-q" className="block text-sm font-medium">
            Search by product, variant or SKU
          </label>
          <input id="stock-q" name="q" type="search" defaultValue={q} maxLength={80} className="mt-1 w-full rounded border border-line px-3 py-2" />
        </div>
        <div className="flex items-center gap-2 py-2">
          <input id="stock-low" name="low" type="checkbox" value="1" defaultChecked={low} className="h-4 w-4" />
          <label htmlFor="stock-low" className="text-sm">
            Low stock only
          </label>
        </div>
        <button type="submit" className="rounded border border-line bg-white px-4 py-2 text-sm font-medium hover:bg-brand-soft">
          Show
        </button>
      </form>

      <p className="text-sm text-muted" data-testid="stock-count">
        {total === 0
          ? low
            ? "Nothing is low on stock" + (q ? ` for “${q}”.` : ".")
            : `No variants match “${q}”.`
          : `${total} ${total === 1 ? "variant" : "variants"}${low ? " low on stock" : ""}${q ? ` matching “${q}”` : ""}.`}
      </p>

      {rows.length > 0 && (
        <ul className="divide-y divide-line rounded border border-line" data-testid="stock-list">
          {rows.map((r) => (
            <li key={r.variantId} className="space-y-2 p-3" data-testid="stock-row">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <Link href={`/admin/stock/${r.variantId}`} className="min-w-0 font-medium break-words underline-offset-4 hover:underline">
                  {r.productName}
                  {r.variantLabel ? ` — ${r.variantLabel}` : ""}
                </Link>
                <span className="font-mono text-xs break-all text-muted">{r.sku}</span>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                {r.low && <span className="rounded bg-warn-soft px-2 py-0.5 text-xs font-medium text-warn">{r.free === 0 ? "Out of stock" : "Low"}</span>}
                {!r.productActive && <span className="rounded bg-brand-soft px-2 py-0.5 text-xs">Hidden from the store</span>}
              </div>
              <StockFigureList
                items={[
                  { label: "Free", value: r.free },
                  { label: "Held", value: r.held },
                  { label: "Sold", value: r.sold },
                  { label: "Low at", value: r.threshold },
                ]}
              />
            </li>
          ))}
        </ul>
      )}

      {pages > 1 && (
        <nav aria-label="Pages" className="flex flex-wrap items-center gap-4 text-sm">
          {page > 1 && (
            <Link href={listHref(q, low, page - 1)} className="underline" rel="prev">
              Previous
            </Link>
          )}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && (
            <Link href={listHref(q, low, page + 1)} className="underline" rel="next">
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
