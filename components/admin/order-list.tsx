// The back office's order list: a table from the small-tablet width up, and
// stacked cards on a phone (a seven-column table does not fit 390 px).
import Link from "next/link";
import type { OrderListRow } from "@/lib/admin/orders";
import { statusLabel } from "@/lib/admin/orders";
import { formatDateTime, formatMoney } from "@/lib/catalog/format";

function Status({ row }: { row: OrderListRow }) {
  const partly = row.shippedUnits > 0 && row.shippedUnits < row.units;
  return (
    <span>
      {statusLabel(row.status, partly)}
      {row.refundFailed && <span className="ml-1 text-danger">· refund failed</span>}
      {row.heldForReview && <span className="ml-1 text-danger">· held for review</span>}
      {row.needsAction && <span className="sr-only"> (needs action)</span>}
    </span>
  );
}

function NeedsMark({ row }: { row: OrderListRow }) {
  return row.needsAction ? (
    <span className="rounded bg-warn-soft px-1.5 py-0.5 text-xs font-medium text-warn" aria-hidden="true">
      Needs action
    </span>
  ) : null;
}

export function OrderList({ rows }: { rows: OrderListRow[] }) {
  return (
    <>
      <table className="hidden w-full text-sm md:table" data-testid="order-table">
        <caption className="sr-only">Orders, newest first</caption>
        <thead>
          <tr className="border-b border-line text-left text-muted">
            <th scope="col" className="py-2 pr-3">
              Order
            </th>
            <th scope="col" className="py-2 pr-3">
              Placed
            </th>
            <th scope="col" className="py-2 pr-3">
              Customer
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Items
            </th>
            <th scope="col" className="py-2 text-right">
              Total
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={r.id} data-testid="order-row">
              <th scope="row" className="py-2 pr-3 text-left font-medium">
                <Link href={`/admin/orders/${r.number}`} className="font-mono underline">
                  {r.number}
                </Link>{" "}
                <NeedsMark row={r} />
              </th>
              <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(r.createdAt.toISOString())}</td>
              <td className="py-2 pr-3 break-all">
                {r.shipName}
                <span className="block text-xs text-muted">{r.email}</span>
              </td>
              <td className="py-2 pr-3">
                <Status row={r} />
              </td>
              <td className="py-2 pr-3 text-right">{r.units}</td>
              <td className="py-2 text-right whitespace-nowrap">{formatMoney(r.totalCents, r.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <ul className="space-y-3 md:hidden" data-testid="order-cards">
        {rows.map((r) => (
          <li key={r.id} className="rounded border border-line bg-white p-3 text-sm" data-testid="order-card">
            <p className="flex flex-wrap items-center justify-between gap-2">
              <Link href={`/admin/orders/${r.number}`} className="font-mono font-medium underline">
                {r.number}
              </Link>
              <NeedsMark row={r} />
            </p>
            <p className="mt-1 break-all">
              {r.shipName} · <span className="text-muted">{r.email}</span>
            </p>
            <p className="mt-1">
              <Status row={r} /> · {r.units} {r.units === 1 ? "item" : "items"} · {formatMoney(r.totalCents, r.currency)}
            </p>
            <p className="mt-1 text-muted">{formatDateTime(r.createdAt.toISOString())}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
