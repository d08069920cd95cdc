// One order in the back office: what was sold (with the guide version that
// went with each line), where it goes, the customer's safety confirmation
// (which guide versions they acknowledged) and the licence professional-only
// items were sold under, a payment held for review and its release, payments
// and refunds, parcels, the whole timeline with who did what, and
// the steps staff can take from here.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FlashNotice } from "@/components/admin/form";
import { CancelForm, DeliverForm, NoteForm, PackForm, ReleaseHoldForm, ShipForm } from "@/components/admin/order-forms";
import { RefundPanel } from "@/components/admin/refund-panel";
import { isOrderNumber, statusLabel } from "@/lib/admin/orders";
import { adminOrderDetail } from "@/lib/data";
import { adminMetadata, adminPage, formState, pageFlash } from "@/lib/admin/page";
import { can } from "@/lib/admin/staff";
import { formatDate, formatMoney } from "@/lib/catalog/format";
import { Section, when } from "@/components/admin/section";

type Props = { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  // Only for staff: anyone else's 404 is titled like a missing page's.
  return adminMetadata("orders.read", isOrderNumber(number) ? `Order ${number.toUpperCase()}` : "Order")();
}

export default async function AdminOrderPage({ params, searchParams }: Props) {
  const { number } = await params;
  const path = isOrderNumber(number) ? `/admin/orders/${number.toUpperCase()}` : "/admin/orders";
  const actor = await adminPage("orders.read", path);
  if (!isOrderNumber(number)) notFound();
  const order = await adminOrderDetail(actor, number);
  if (!order) notFound();
  const flash = await pageFlash(await searchParams);
  const write = can(actor.role, "orders.write");
  const money = (cents: number) => formatMoney(cents, order.totals.currency);

  return (
    <div className="space-y-5">
      <p className="text-sm">
        <Link href="/admin/orders" className="underline">
          All orders
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-semibold break-words">
          Order <span className="font-mono">{order.number}</span>
        </h1>
        <p className="mt-1" data-testid="admin-order-status">
          Status: <strong>{statusLabel(order.status, order.partlyShipped)}</strong>
          {order.partlyShipped && (
            <span className="text-muted">
              {" "}
              ({order.shippedUnits} of {order.units} units shipped)
            </span>
          )}
        </p>
        <p className="text-sm text-muted">
          Placed {when(order.createdAt)} by <span className="break-all">{order.email}</span>
          {order.status === "AWAITING_PAYMENT" && <> · stock held until {when(order.holdExpiresAt)}</>}
        </p>
      </header>
      <FlashNotice flash={flash} />

      {order.reviewHold && (
        <section aria-labelledby="hold-heading" className="rounded border-2 border-danger bg-danger-soft p-4" data-testid="admin-order-hold">
          <h2 id="hold-heading" className="text-lg font-semibold text-danger">
            Held for review: do not pack or ship
          </h2>
          <p className="mt-1 text-sm break-words">
            {order.reviewHold.reason}
            {order.reviewHold.at && <> (held {when(order.reviewHold.at)})</>}
          </p>
          <p className="mt-1 text-sm">Check the buyer&rsquo;s licence or contact them. Release the hold when it is right to send the order, or cancel it.</p>
          {write && (
            <div className="mt-3 rounded border border-line bg-white p-3">
              <ReleaseHoldForm order={order} state={formState(flash, "order.release-hold")} />
            </div>
          )}
        </section>
      )}

      <Section id="lines-heading" title="What was ordered">
        <ul className="divide-y divide-line text-sm" data-testid="admin-order-lines">
          {order.lines.map((l) => (
            <li key={l.id} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2">
              <div className="min-w-0">
                <p className="font-medium break-words">
                  {l.name} {l.variantLabel && <span className="font-normal text-muted">({l.variantLabel})</span>}
                </p>
                <p className="text-xs text-muted break-all">SKU {l.sku}</p>
                <p className="text-xs text-muted">
                  {l.guide ? `Instructions: ${l.guide.title}, version ${l.guide.number}` : "No instructions travel with this item."}
                </p>
              </div>
              <div className="text-right">
                <p>
                  {l.quantity} × {money(l.unitPriceCents)} = <strong>{money(l.lineTotalCents)}</strong>
                </p>
                <p className="text-xs text-muted">
                  {l.unshipped === 0 ? "All shipped" : l.shipped > 0 ? `${l.shipped} shipped, ${l.unshipped} to ship` : "Not shipped"}
                </p>
              </div>
            </li>
          ))}
        </ul>
        <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 border-t border-line pt-3 text-sm">
          <dt>Subtotal</dt>
          <dd className="text-right">{money(order.totals.subtotalCents)}</dd>
          {order.totals.discountCents > 0 && (
            <>
              <dt>Discount{order.totals.promoCode && ` (${order.totals.promoCode})`}</dt>
              <dd className="text-right">−{money(order.totals.discountCents)}</dd>
            </>
          )}
          <dt>Shipping ({order.shipping.method})</dt>
          <dd className="text-right">{money(order.totals.shippingCents)}</dd>
          <dt className="font-semibold">Total</dt>
          <dd className="text-right font-semibold">{money(order.totals.totalCents)}</dd>
        </dl>
      </Section>

      <div className="grid gap-5 md:grid-cols-2">
        <Section id="address-heading" title="Shipping address">
          <address className="text-sm not-italic break-words">
            {order.shipping.name}
            <br />
            {order.shipping.line1}
            {order.shipping.line2 && (
              <>
                <br />
                {order.shipping.line2}
              </>
            )}
            <br />
            {order.shipping.city}
            {order.shipping.region && `, ${order.shipping.region}`} {order.shipping.postalCode}
            <br />
            {order.shipping.country}
          </address>
        </Section>
        <Section id="safety-heading" title="Safety confirmation">
          <p className="text-sm" data-testid="admin-order-safety">
            {order.safetyConfirmedAt ? (
              <>The customer confirmed they had read who must not use these products on {when(order.safetyConfirmedAt)}.</>
            ) : (
              "No confirmation was recorded (nothing in the order needed one)."
            )}
          </p>
          <div className="mt-3 text-sm" data-testid="admin-order-acknowledgement">
            {order.acknowledgement && order.acknowledgement.guides.length > 0 ? (
              <ul className="list-disc space-y-1 pl-5">
                {order.acknowledgement.guides.map((g) => (
                  <li key={g.versionId} className="break-words">
                    Confirmed who must not use it on <time dateTime={order.acknowledgement!.confirmedAt}>{formatDate(order.acknowledgement!.confirmedAt)}</time>
                    , for {g.guideTitle} version {g.number}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-muted">No acknowledgement recorded</p>
            )}
          </div>
        </Section>
      </div>

      {order.licence && (
        <Section id="licence-heading" title="Sold under a professional licence">
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]" data-testid="admin-order-licence">
            <dt className="text-muted">Licence number</dt>
            <dd className="break-all">{order.licence.licenceNumber}</dd>
            <dt className="text-muted">Profession</dt>
            <dd className="break-words">{order.licence.profession}</dd>
            <dt className="text-muted">Issuing body</dt>
            <dd className="break-words">{order.licence.issuingBody}</dd>
            <dt className="text-muted">Country and state</dt>
            <dd className="break-words">{order.licence.region}</dd>
            <dt className="text-muted">Expires</dt>
            <dd>
              <time dateTime={order.licence.expiresOn}>{order.licence.expiresOn}</time>
              {order.licence.validUntil <= new Date() && <span className="ml-1 text-danger">(expired)</span>}
            </dd>
          </dl>
          {can(actor.role, "professionals.review") && (
            <p className="mt-2 text-sm">
              <Link href={`/admin/professionals/${order.licence.applicationId}`} prefetch={false} className="underline">
                The application this licence was approved on
              </Link>
            </p>
          )}
        </Section>
      )}

      <Section id="payment-heading" title="Payment">
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">Provider</dt>
          <dd>{order.payment.provider === "STRIPE" ? "Stripe" : "Demo payments (no money moves)"}</dd>
          <dt className="text-muted">Reference</dt>
          <dd className="font-mono break-all">{order.payment.reference ?? "—"}</dd>
          <dt className="text-muted">Paid on</dt>
          <dd>{order.payment.paidAt ? when(order.payment.paidAt) : "Not paid"}</dd>
        </dl>
        {/* Amounts paid and refunded, each refund, and the owner's refund form. */}
        <div className="mt-4">
          <RefundPanel orderId={order.id} orderNumber={order.number} canRefund={can(actor.role, "refunds")} state={formState(flash, "refund.create")} />
        </div>
      </Section>

      <Section id="shipments-heading" title="Parcels">
        {order.shipments.length === 0 ? (
          <p className="text-sm text-muted">
            {order.carrier && order.trackingNumber
              ? `Shipped with ${order.carrier}, tracking number ${order.trackingNumber} (from the order record).`
              : "Nothing has shipped yet."}
          </p>
        ) : (
          <ol className="space-y-2 text-sm" data-testid="admin-order-shipments">
            {order.shipments.map((s, n) => (
              <li key={s.id} className="rounded border border-line p-2 break-words">
                <p>
                  <span className="font-medium">Parcel {n + 1}</span> · {s.carrier} <span className="font-mono break-all">{s.trackingNumber}</span>
                  {s.trackingUrl && (
                    <>
                      {" · "}
                      <a href={s.trackingUrl} className="underline" rel="noopener noreferrer" target="_blank">
                        Carrier&rsquo;s page
                      </a>
                    </>
                  )}
                </p>
                <p className="text-muted">
                  Shipped {when(s.shippedAt)} by <span className="break-all">{s.createdBy}</span>
                  {s.deliveredAt && <> · delivered {when(s.deliveredAt)}</>}
                </p>
                <p className="text-xs text-muted">{s.lines.map((l) => `${l.quantity} × ${l.name}`).join(", ")}</p>
              </li>
            ))}
          </ol>
        )}
      </Section>

      {order.status === "CANCELLED" && (
        <Section id="cancelled-heading" title="Cancelled">
          <p className="text-sm">{order.cancelReason ?? "Cancelled."}</p>
        </Section>
      )}

      {write && (order.can.pack || order.can.ship || order.can.deliver) && (
        <Section id="next-heading" title="Next step">
          <div className="space-y-4">
            {order.can.pack && <PackForm order={order} state={formState(flash, "order.pack")} />}
            {order.status === "PAID" && <p className="text-sm text-muted">Pack the order before shipping it.</p>}
            {order.can.ship && <ShipForm order={order} state={formState(flash, "order.ship")} />}
            {order.can.deliver && <DeliverForm order={order} state={formState(flash, "order.deliver")} />}
          </div>
        </Section>
      )}

      <Section id="timeline-heading" title="Timeline">
        <ol className="space-y-2 text-sm" data-testid="admin-order-timeline">
          {order.timeline.map((e, n) => (
            <li key={n} className="break-words" data-kind={e.kind}>
              <span className="text-muted">{when(e.at)}</span> · <span className="font-medium break-all">{e.actor}</span>
              {!e.customerVisible && <span className="ml-1 rounded bg-warn-soft px-1 text-xs text-warn">internal</span>}
              {e.fromRecord && <span className="ml-1 text-xs text-muted">(from the order record)</span>}
              <span className="block whitespace-pre-line">{e.message}</span>
            </li>
          ))}
        </ol>
        {write && (
          <div className="mt-4 border-t border-line pt-4">
            <NoteForm order={order} state={formState(flash, "order.note")} />
          </div>
        )}
      </Section>

      {write && order.can.cancel && (
        <Section id="cancel-heading" title="Cancel this order">
          <CancelForm order={order} state={formState(flash, "order.cancel")} />
        </Section>
      )}
    </div>
  );
}
