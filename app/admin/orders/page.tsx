import { adminMetadata } from "@/lib/admin/page";
// Orders: search by number, email or name; filter by status, dates and
// "needs action"; 25 a page, newest first. A plain GET form, so a search is a
// link that can be shared or bookmarked.
import Link from "next/link";
import { OrderList } from "@/components/admin/order-list";
import { isOrderStatus, orderStatuses, type OrderListQuery } from "@/lib/admin/orders";
import { adminListOrders } from "@/lib/data";
import { adminPage } from "@/lib/admin/page";
import { label } from "@/lib/orders/status";

export const generateMetadata = adminMetadata("orders.read", "Orders");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined, max = 100) => (typeof v === "string" ? v.slice(0, max) : "");
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export default async function OrdersPage({ searchParams }: Props) {
  const actor = await adminPage("orders.read", "/admin/orders");
  const params = await searchParams;
  const query: OrderListQuery = {
    q: one(params.q).trim(),
    status: isOrderStatus(one(params.status)) ? one(params.status) : "",
    from: isDay(one(params.from, 10)) ? one(params.from, 10) : "",
    to: isDay(one(params.to, 10)) ? one(params.to, 10) : "",
    needs: one(params.needs) !== "",
    page: Number(one(params.page, 6)) || 1,
  };
  const list = await adminListOrders(actor, query);
  const link = (page: number) => {
    const p = new URLSearchParams();
    if (query.q) p.set("q", query.q);
    if (query.status) p.set("status", query.status);
    if (query.from) p.set("from", query.from);
    if (query.to) p.set("to", query.to);
    if (query.needs) p.set("needs", "action");
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return `/admin/orders${s ? `?${s}` : ""}`;
  };
  const filtered = Boolean(query.q || query.status || query.from || query.to || query.needs);

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">Orders</h1>

      <form
        method="get"
        action="/admin/orders"
        role="search"
        aria-label="Find orders"
        className="grid gap-3 rounded border border-line bg-white p-3 sm:grid-cols-2 lg:grid-cols-4"
      >
        <div className="sm:col-span-2">
          <label htmlFor="q" className="block text-sm font-medium">
            Order number, email or name
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q} maxLength={100} className="mt-1 w-full rounded border border-line px-3 py-2" />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            Status
          </label>
          <select id="status" name="status" defaultValue={query.status} className="mt-1 w-full rounded border border-line bg-white px-3 py-2">
            <option value="">Any status</option>
            {orderStatuses.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <label className="flex items-center gap-2 py-2 text-sm font-medium">
            <input type="checkbox" name="needs" value="action" defaultChecked={query.needs} className="h-4 w-4" />
            Needs action only
          </label>
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-medium">
            Placed from
          </label>
          <input id="from" name="from" type="date" defaultValue={query.from} className="mt-1 w-full rounded border border-line px-3 py-2" />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">
            Placed until
          </label>
          <input id="to" name="to" type="date" defaultValue={query.to} className="mt-1 w-full rounded border border-line px-3 py-2" />
        </div>
        <div className="flex flex-wrap items-end gap-3 sm:col-span-2">
          <button type="submit" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
            Search
          </button>
          {filtered && (
            <Link href="/admin/orders" className="py-2 text-sm underline">
              Clear
            </Link>
          )}
        </div>
      </form>

      <p className="text-sm text-muted" role="status" data-testid="order-count">
        {list.total === 0
          ? filtered
            ? "No orders match."
            : "No orders yet."
          : `${list.total} ${list.total === 1 ? "order" : "orders"}${list.pages > 1 ? ` · page ${list.page} of ${list.pages}` : ""}`}
      </p>

      {list.rows.length > 0 && <OrderList rows={list.rows} />}

      {list.pages > 1 && (
        <nav aria-label="Pages of orders" className="flex flex-wrap gap-4 text-sm">
          {list.page > 1 && (
            <Link href={link(list.page - 1)} className="underline" rel="prev">
              Newer orders
            </Link>
          )}
          {list.page < list.pages && (
            <Link href={link(list.page + 1)} className="underline" rel="next">
              Older orders
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
