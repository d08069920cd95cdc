import { adminMetadata } from "@/lib/admin/page";
// Products in the back office: find one by name or slug, narrow by kind, and
// open it to edit. Inactive products are listed too, marked as such.
import Link from "next/link";
import { adminPage, pageFlash } from "@/lib/admin/page";
import { KIND_LABELS, parseKind, PRODUCT_KINDS, productPages } from "@/lib/admin/products";
import { formatMoney } from "@/lib/catalog";
import { FlashNotice } from "@/components/admin/form";

export const generateMetadata = adminMetadata("products.write", "Products");

type Query = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

export default async function AdminProducts({ searchParams }: { searchParams: Promise<Query> }) {
  const actor = await adminPage("products.write", "/admin/products");
  const query = await searchParams;
  const flash = await pageFlash(query);
  const q = one(query.q).slice(0, 100);
  const kind = parseKind(query.kind);
  const page = Number(one(query.page)) || 1;
  const list = await productPages.list(actor, { q, kind, page });
  const pageLink = (n: number) => `/admin/products?${new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { kind } : {}), page: String(n) })}`;

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">Products</h1>
      <FlashNotice flash={flash} />
      <form method="get" action="/admin/products" role="search" aria-label="Find products" className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-48">
          <label htmlFor="q" className="block text-sm font-medium">
            Name or slug
          </label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={100} className="mt-1 w-full rounded border border-line px-3 py-2" />
        </div>
        <div className="basis-40">
          <label htmlFor="kind" className="block text-sm font-medium">
            Kind
          </label>
          <select id="kind" name="kind" defaultValue={kind ?? ""} className="mt-1 w-full rounded border border-line bg-white px-3 py-2">
            <option value="">All kinds</option>
            {PRODUCT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-line bg-white px-4 py-2 text-sm font-medium hover:bg-brand-soft">
          Find
        </button>
      </form>

      <p className="text-sm text-muted" data-testid="product-count">
        {list.total === 1 ? "1 product" : `${list.total} products`}
        {q || kind ? " match" : ""}
        {list.pages > 1 ? ` · page ${list.page} of ${list.pages}` : ""}
      </p>

      {list.rows.length === 0 ? (
        <p className="rounded border border-line bg-white p-4">No products match. Try another name or kind.</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white" data-testid="product-list">
          {list.rows.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 p-3">
              <div className="min-w-0">
                <Link href={`/admin/products/${p.slug}`} className="font-medium break-words underline-offset-4 hover:underline">
                  {p.name}
                </Link>
                <p className="text-sm break-all text-muted">{p.slug}</p>
              </div>
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <span>{KIND_LABELS[p.kind]}</span>
                <span>·</span>
                <span>{p.fromCents === null ? "no variants" : `${p.variants > 1 ? "from " : ""}${formatMoney(p.fromCents)}`}</span>
                <span
                  className={`rounded px-2 py-0.5 text-xs font-medium ${p.active ? "bg-brand-soft text-brand-dark" : "bg-warn-soft text-warn"}`}
                  data-testid="product-status"
                >
                  {p.active ? "Active" : "Inactive"}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}

      {list.pages > 1 && (
        <nav aria-label="Pages" className="flex flex-wrap gap-3 text-sm">
          {list.page > 1 && (
            <Link href={pageLink(list.page - 1)} className="underline">
              Previous page
            </Link>
          )}
          {list.page < list.pages && (
            <Link href={pageLink(list.page + 1)} className="underline">
              Next page
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
