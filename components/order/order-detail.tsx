// One order as its customer sees it, wherever they open it (the confirmation
// link, a tracking link, their account): where it is, what was in it, the
// instructions exactly as sold, an aftercare calendar and a quick reorder.
// It is given an order already opened by openOrder (lib/orders/access.ts),
// which decides what that opening may see and where its links point.
import { InstructionsContents, InstructionsSections } from "@/components/guide/instructions-view";
import { formatDateTime, formatMoney } from "@/lib/catalog/format";
import type { Instructions } from "@/lib/guides/instructions";
import type { OpenedOrder, OpenedOrderView } from "@/lib/orders/access";
import { carrierTrackingUrl, orderTimeline } from "@/lib/orders/tracking";
import type { OrderItemView, ShipmentView } from "@/lib/orders/view";
import { ReorderForm } from "./reorder-form";
import { OrderTotals } from "./order-totals";

export function OrderTracking({ order }: { order: OpenedOrderView }) {
  const steps = orderTimeline(order);
  // An order shipped before parcels were kept has its carrier on the order itself.
  const shipments: ShipmentView[] =
    order.shipments && order.shipments.length > 0
      ? order.shipments
      : order.carrier && order.trackingNumber
        ? [
            {
              id: "order",
              carrier: order.carrier,
              trackingNumber: order.trackingNumber,
              shippedAt: order.shippedAt ?? "",
              deliveredAt: order.deliveredAt,
              items: [],
            },
          ]
        : [];
  const events = order.events ?? [];
  return (
    <section aria-labelledby="tracking-heading" className="rounded-lg border border-line bg-white p-4" data-testid="order-tracking">
      <h2 id="tracking-heading" className="text-xl font-semibold">
        Where your order is
      </h2>
      {order.status === "AWAITING_PAYMENT" && <p className="mt-2 text-sm text-muted">We are waiting for the payment to be confirmed.</p>}
      <ol className="mt-3 space-y-2" data-testid="order-timeline">
        {steps.map((s) => (
          <li key={s.key} data-state={s.state} aria-current={s.state === "current" ? "step" : undefined} className="flex items-baseline gap-3">
            <span
              aria-hidden="true"
              className={`inline-block h-3 w-3 shrink-0 rounded-full border-2 ${s.state === "upcoming" ? "border-line bg-white" : s.state === "current" ? "border-brand bg-brand" : "border-brand bg-brand-soft"}`}
            />
            <span className={s.state === "current" ? "font-semibold" : s.state === "upcoming" ? "text-muted" : ""}>{s.label}</span>
            <span className="text-sm text-muted">
              {s.time ? <time dateTime={s.time}>{formatDateTime(s.time)}</time> : s.state === "upcoming" ? "Not yet" : ""}
              {s.state === "current" && <span className="sr-only"> (current step)</span>}
            </span>
          </li>
        ))}
      </ol>
      {order.status === "CANCELLED" && <OrderCancellation order={order} />}
      {shipments.length > 0 && (
        <div className="mt-4 space-y-3">
          <h3 className="font-semibold">{shipments.length === 1 ? "Your parcel" : `Your parcels (${shipments.length})`}</h3>
          <ul className="space-y-3">
            {shipments.map((s, n) => (
              <ShipmentItem key={s.id} shipment={s} index={shipments.length > 1 ? n + 1 : null} />
            ))}
          </ul>
          {(order.status === "PAID" || order.status === "PACKED") && (
            <p className="text-sm text-muted" data-testid="order-partly-shipped">
              Part of your order has shipped; the rest follows in another parcel.
            </p>
          )}
        </div>
      )}
      {events.length > 0 && (
        <div className="mt-4">
          <h3 className="font-semibold">History</h3>
          <ol className="mt-2 space-y-1 text-sm" data-testid="order-events">
            {events.map((e, n) => (
              <li key={n} className="break-words">
                <time dateTime={e.at} className="text-muted">
                  {formatDateTime(e.at)}
                </time>
                {" · "}
                {e.message}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

function ShipmentItem({ shipment: s, index }: { shipment: ShipmentView; index: number | null }) {
  const carrierUrl = carrierTrackingUrl(s.carrier, s.trackingNumber);
  return (
    <li className="rounded border border-line p-3 text-sm" data-testid="order-shipment">
      <p className="break-words">
        {index !== null && <span className="font-medium">Parcel {index}: </span>}
        Shipped with <strong>{s.carrier}</strong>, tracking number <strong className="font-mono break-all">{s.trackingNumber}</strong>
        {carrierUrl && (
          <>
            {" · "}
            <a href={carrierUrl} className="underline" rel="noopener noreferrer" target="_blank">
              Track it on {s.carrier}&rsquo;s site
            </a>
          </>
        )}
      </p>
      <p className="mt-1 text-muted">
        {s.shippedAt && (
          <>
            Shipped <time dateTime={s.shippedAt}>{formatDateTime(s.shippedAt)}</time>
          </>
        )}
        {s.deliveredAt && (
          <>
            {" · "}Delivered <time dateTime={s.deliveredAt}>{formatDateTime(s.deliveredAt)}</time>
          </>
        )}
      </p>
      {s.items.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {s.items.map((i, n) => (
            <li key={n}>
              {i.quantity} × {i.name}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Why the order ended, and what happens to any money paid. */
function OrderCancellation({ order }: { order: OpenedOrderView }) {
  const paid = order.paidAt !== null;
  return (
    <div className="mt-4 rounded border border-line bg-paper p-3 text-sm" data-testid="order-cancellation">
      <p>
        <strong>This order was cancelled</strong>
        {order.cancelledAt && (
          <>
            {" on "}
            <time dateTime={order.cancelledAt}>{formatDateTime(order.cancelledAt)}</time>
          </>
        )}
        .{order.cancelReason && <> {order.cancelReason}</>}
      </p>
      <p className="mt-1">
        {paid
          ? order.refundedCents && order.amountPaidCents && order.refundedCents >= order.amountPaidCents
            ? "Your payment has been refunded."
            : "Your payment is being refunded to the way you paid; banks usually show it within 5 to 10 business days."
          : "Nothing was charged for it."}
      </p>
    </div>
  );
}

export function AftercareCalendarForm({ action }: { action: string }) {
  return (
    <section aria-labelledby="calendar-heading" className="rounded-lg border border-line bg-white p-4">
      <h2 id="calendar-heading" className="text-xl font-semibold">
        Aftercare calendar
      </h2>
      <p className="mt-1 text-sm text-muted">
        Reminders for 24 hours, 72 hours and 7 days after a session, and the earliest day for the next one, for your calendar app.
      </p>
      <form method="get" action={action} className="mt-3 flex flex-wrap items-end gap-3" data-testid="calendar-form">
        <div className="flex flex-col text-sm">
          <label htmlFor="calendar-date">Treatment date</label>
          <input id="calendar-date" type="date" name="date" required className="mt-1 rounded-md border border-line px-2 py-1" />
        </div>
        <div className="flex flex-col text-sm">
          <label htmlFor="calendar-depth">Depth</label>
          <select id="calendar-depth" name="depth" defaultValue="0.25" className="mt-1 rounded-md border border-line px-2 py-1">
            <option value="0.25">0.25 mm</option>
            <option value="0.5">0.5 mm</option>
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
          Download
        </button>
      </form>
    </section>
  );
}

export function OrderDetail({ opened }: { opened: OpenedOrder }) {
  const { order, urls, reorder } = opened;
  const docs = new Map<string, { doc: Instructions; items: OrderItemView[] }>();
  for (const item of order.items) {
    if (!item.instructions) continue;
    const key = JSON.stringify(item.instructions);
    const entry = docs.get(key) ?? { doc: item.instructions, items: [] };
    entry.items.push(item);
    docs.set(key, entry);
  }
  const paid = order.paidAt !== null && order.status !== "CANCELLED";
  const hasCartridges = order.items.some((i) => i.productKind === "CARTRIDGE");

  return (
    <>
      <OrderTracking order={order} />

      <section aria-labelledby="summary-heading" className="rounded-lg border border-line bg-white p-4">
        <h2 id="summary-heading" className="text-xl font-semibold">
          Order summary
        </h2>
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Items in this order</caption>
          <thead>
            <tr className="text-left text-muted">
              <th scope="col" className="py-1">
                Item
              </th>
              <th scope="col" className="hidden py-1 pl-3 sm:table-cell">
                SKU
              </th>
              <th scope="col" className="py-1 pl-3 text-right">
                Qty
              </th>
              <th scope="col" className="py-1 pl-3 text-right">
                Price
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {order.items.map((i) => (
              <tr key={i.id}>
                <th scope="row" className="py-2 text-left font-medium">
                  {i.name} <span className="font-normal text-muted">({i.variantLabel})</span>
                  {/* On a phone the SKU sits under the name: four columns do not fit. */}
                  <span className="block text-xs font-normal text-muted sm:hidden">SKU {i.sku}</span>
                </th>
                <td className="hidden py-2 pl-3 sm:table-cell">{i.sku}</td>
                <td className="py-2 pl-3 text-right">{i.quantity}</td>
                <td className="py-2 pl-3 text-right whitespace-nowrap">{formatMoney(i.lineTotalCents, order.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <OrderTotals order={order} className="mt-3 space-y-1 border-t border-line pt-3 text-sm" totalTestId="order-total" />
        {/* Null when the opening may not see it: a tracking link may have been forwarded. */}
        {order.shipping && (
          <p className="mt-3 text-sm text-muted">
            Shipping to {order.shipping.name}, {order.shipping.line1}, {order.shipping.city} {order.shipping.postalCode}, {order.shipping.country}.
          </p>
        )}
        {paid && hasCartridges && (
          <div className="mt-4 border-t border-line pt-4">
            <ReorderForm via={reorder.via} reference={reorder.reference} />
          </div>
        )}
      </section>

      {paid && <AftercareCalendarForm action={urls.calendar} />}

      {docs.size > 0 && (
        <section aria-labelledby="instructions-heading" className="space-y-10">
          <h2 id="instructions-heading" className="text-2xl font-semibold">
            Your instructions
          </h2>
          <p className="text-muted">These are the instructions as they stood when you bought each item; later edits never change them.</p>
          {[...docs.values()].map(({ doc, items }, n) => (
            <section key={n} aria-labelledby={`doc-${n}`} className="space-y-6 rounded-lg border border-line bg-white p-5" data-testid="order-instructions">
              <div className="flex flex-wrap items-baseline justify-between gap-3">
                <h3 id={`doc-${n}`} className="text-xl font-semibold">
                  For {items.map((i) => i.name).join(", ")}
                </h3>
                <p className="flex gap-3 text-sm">
                  <a href={urls.booklet(items[0]!.id)} className="underline" download>
                    Download the booklet (PDF)
                  </a>
                </p>
              </div>
              <p className="text-sm text-muted" data-testid="order-guide-version">
                {doc.versionLabel}
              </p>
              <InstructionsContents doc={doc} label={`Contents of the instructions for ${items[0]!.name}`} idPrefix={`for-${n + 1}-`} />
              <InstructionsSections doc={doc} idPrefix={`for-${n + 1}-`} />
            </section>
          ))}
        </section>
      )}
    </>
  );
}
