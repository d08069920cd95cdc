// The order's "Payments and refunds" section: what was paid and how, what
// has been refunded or is on its way, each refund with who asked, when, why
// and for which lines; and, for the owner, the refund form. Staff see the
// same figures and history but no form. A server component: it reads the
// order itself (lib/admin/refunds.ts loadRefundPanel).
import { loadRefundPanel, type RefundPanelData } from "@/lib/admin/refunds";
import { formatDateTime, formatMoney } from "@/lib/catalog/format";
import { ActionForm, Input, SubmitButton, type FormState } from "./form";

export type RefundPanelProps = { orderId: string; orderNumber: string; canRefund: boolean; state?: FormState };

const statusText = { PENDING: "On its way", SUCCEEDED: "Refunded", FAILED: "Failed" } as const;
const providerText: Record<string, string> = { STRIPE: "Stripe", DEMO: "Demo payment (no money moved)" };

export async function RefundPanel({ orderId, orderNumber, canRefund, state }: RefundPanelProps) {
  const data = await loadRefundPanel(orderId);
  if (!data) return null;
  const money = (cents: number) => formatMoney(cents, data.currency);
  return (
    <section aria-labelledby="refunds-heading" className="space-y-4" data-testid="refund-panel">
      <h2 id="refunds-heading" className="text-xl font-semibold">
        Payments and refunds
      </h2>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4" data-testid="refund-totals">
        <div>
          <dt className="text-muted">Paid</dt>
          <dd data-testid="refund-paid">{data.paid ? money(data.amountPaidCents) : "Not paid"}</dd>
        </div>
        <div>
          <dt className="text-muted">Refunded</dt>
          <dd data-testid="refund-refunded">{money(data.refundedCents)}</dd>
        </div>
        <div>
          <dt className="text-muted">On its way</dt>
          <dd data-testid="refund-pending">{money(data.pendingCents)}</dd>
        </div>
        <div>
          <dt className="text-muted">Paid with</dt>
          <dd>{providerText[data.provider] ?? data.provider}</dd>
        </div>
      </dl>
      {data.lateRefund && (
        <p className="rounded border border-warn bg-warn-soft px-3 py-2 text-sm text-warn">
          This payment arrived after the order had closed and the store is refunding it in full by itself.
        </p>
      )}
      <RefundList data={data} money={money} />
      {canRefund && <RefundForm data={data} orderNumber={orderNumber} state={state} money={money} />}
    </section>
  );
}

function RefundList({ data, money }: { data: RefundPanelData; money: (cents: number) => string }) {
  if (!data.refunds.length) return <p className="text-sm text-muted">No refunds for this order.</p>;
  return (
    <ul className="space-y-3" aria-label="Refunds" data-testid="refund-list">
      {data.refunds.map((r) => (
        <li key={r.id} className="rounded border border-line p-3 text-sm" data-testid="refund-row" data-status={r.status}>
          <p className="font-medium">
            {money(r.amountCents)} · <span className={r.status === "FAILED" ? "text-danger" : undefined}>{statusText[r.status]}</span>
          </p>
          <p>Reason: {r.reason}</p>
          {r.lines.length > 0 && (
            <ul className="list-disc pl-5">
              {r.lines.map((l, i) => (
                <li key={i}>
                  {l.quantity} × {l.name}
                  {l.restocked ? " (back in stock)" : ""}
                </li>
              ))}
            </ul>
          )}
          <p className="text-muted">
            Asked by {r.requestedBy} on {formatDateTime(r.createdAt.toISOString())}
            {r.settledAt && r.status !== "PENDING" ? `; ${r.status === "FAILED" ? "failed" : "settled"} ${formatDateTime(r.settledAt.toISOString())}` : ""}
          </p>
          {r.failureReason && <p className="text-danger">Why it failed: {r.failureReason}</p>}
        </li>
      ))}
    </ul>
  );
}

function RefundForm({ data, orderNumber, state, money }: { data: RefundPanelData; orderNumber: string; state?: FormState; money: (cents: number) => string }) {
  if (!data.paid || data.refundableCents <= 0) {
    return (
      <p className="text-sm text-muted">
        {data.paid ? "Nothing is left to refund on this order." : "This order has not been paid, so there is nothing to refund."}
      </p>
    );
  }
  // Back from a failed post: the boxes as they were sent; otherwise ticked where the units are still here.
  const sent = state !== undefined && Object.keys(state.values).length > 0;
  return (
    <ActionForm action="refund.create" label={`Refund order ${orderNumber}`} state={state} className="space-y-4 rounded border border-line p-4">
      <h3 className="text-lg font-semibold">Make a refund</h3>
      <p className="text-sm text-muted">
        Up to {money(data.refundableCents)} can be refunded. Choose items, an amount, or both: with items and no amount, the refund is what they were paid (all
        that is left, shipping included, when every remaining item is chosen); an amount lower than that refunds only part of them.
      </p>
      <input type="hidden" name="orderId" value={data.orderId} />
      <input type="hidden" name="orderNumber" value={orderNumber} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Items</legend>
        {data.lines.map((line) => {
          const free = line.quantity - line.refunded;
          const qty = `qty_${line.orderItemId}`;
          // Its own id: the order page's ship form has a field of the same name.
          const qtyId = `refund-${qty}`;
          const restock = `restock_${line.orderItemId}`;
          const error = state?.errors[qty];
          return (
            <div key={line.orderItemId} className="flex flex-wrap items-end gap-x-4 gap-y-2 border-b border-line pb-3 text-sm" data-testid="refund-line">
              <div className="min-w-0 grow basis-48">
                <p className="font-medium break-words">
                  {line.name} ({line.variantLabel})
                </p>
                <p className="text-muted">
                  {line.sku} · {money(line.unitPriceCents)} each · bought {line.quantity}
                  {line.refunded ? `, ${line.refunded} refunded` : ""}
                </p>
              </div>
              {free > 0 ? (
                <>
                  <div>
                    <label htmlFor={qtyId} className="block">
                      Units to refund of {line.name} ({line.variantLabel})
                    </label>
                    <input
                      id={qtyId}
                      name={qty}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={free}
                      defaultValue={state?.values[qty] ?? "0"}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${qtyId}-error` : undefined}
                      className="mt-1 w-24 rounded border border-line px-3 py-2"
                    />
                    {error && (
                      <p id={`${qtyId}-error`} className="mt-1 text-danger">
                        {error}
                      </p>
                    )}
                  </div>
                  <label className="flex items-center gap-2 py-2">
                    <input type="checkbox" name={restock} defaultChecked={sent ? state?.values[restock] === "on" : line.onHand > 0} />
                    Put back into stock
                  </label>
                </>
              ) : (
                <p className="text-muted">All refunded</p>
              )}
            </div>
          );
        })}
      </fieldset>
      <Input
        name="amount"
        label="Amount (optional)"
        hint="In dollars, like 12.50. Leave empty to refund what the chosen items were paid."
        inputMode="decimal"
        state={state}
        idPrefix="refund-"
        autoComplete="off"
      />
      <Input
        name="reason"
        label="Reason"
        hint="The customer sees this in the email and on their order page."
        maxLength={500}
        state={state}
        idPrefix="refund-"
        autoComplete="off"
        required
      />
      <SubmitButton>Refund</SubmitButton>
    </ActionForm>
  );
}
