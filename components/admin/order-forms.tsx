// The steps staff take on one order (app/admin/orders/[number]/page.tsx), as
// plain forms posting to /admin/actions/order.<verb>. Each carries the
// order's id (what changes) and number (where the page is).
import { ActionForm, Input, Select, SubmitButton, TextArea, type FormState } from "@/components/admin/form";
import type { OrderDetail } from "@/lib/admin/orders";
import { CANCEL_REASON_MAX, NOTE_MAX } from "@/lib/admin/orders";
import { carrierNames } from "@/lib/orders/tracking";

function Ids({ order }: { order: Pick<OrderDetail, "id" | "number"> }) {
  return (
    <>
      <input type="hidden" name="orderId" value={order.id} />
      <input type="hidden" name="number" value={order.number} />
    </>
  );
}

export function NoteForm({ order, state }: { order: OrderDetail; state: FormState }) {
  return (
    <ActionForm action="order.note" label={`Add a note to ${order.number}`} state={state} className="space-y-3">
      <Ids order={order} />
      <TextArea name="note" label="Internal note" hint="Only the shop sees notes; the customer never does." state={state} maxLength={NOTE_MAX} rows={3} />
      <SubmitButton tone="plain">Add note</SubmitButton>
    </ActionForm>
  );
}

/** Releases a payment held for review; the note says what was checked (it goes in the timeline and the audit log). */
export function ReleaseHoldForm({ order, state }: { order: OrderDetail; state: FormState }) {
  return (
    <ActionForm action="order.release-hold" label={`Release the hold on ${order.number}`} state={state} className="space-y-3">
      <Ids order={order} />
      <TextArea
        name="note"
        label="What did you check?"
        hint="For example: the buyer's renewed licence. Only the shop sees this note."
        state={state}
        maxLength={NOTE_MAX}
        rows={2}
        required
        idPrefix="release-"
      />
      <SubmitButton>Release the hold</SubmitButton>
    </ActionForm>
  );
}

export function PackForm({ order, state }: { order: OrderDetail; state: FormState }) {
  return (
    <ActionForm action="order.pack" label={`Mark ${order.number} packed`} state={state}>
      <Ids order={order} />
      <SubmitButton>Mark packed</SubmitButton>
    </ActionForm>
  );
}

export function ShipForm({ order, state }: { order: OrderDetail; state: FormState }) {
  const open = order.lines.filter((l) => l.unshipped > 0);
  return (
    <ActionForm action="order.ship" label={`Ship ${order.number}`} state={state} className="space-y-3">
      <Ids order={order} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Select
          name="carrier"
          label="Carrier"
          state={state}
          defaultValue={order.carrier ?? ""}
          options={[{ value: "", label: "Choose a carrier" }, ...carrierNames.map((c) => ({ value: c, label: c }))]}
        />
        <Input name="trackingNumber" label="Tracking number" state={state} maxLength={40} autoComplete="off" spellCheck={false} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Units in this parcel</legend>
        <p className="text-xs text-muted">Each starts at what is still to ship; lower it to send part now and the rest later (0 leaves a line out).</p>
        {open.map((l) => (
          <Input
            key={l.id}
            name={`qty_${l.id}`}
            label={`${l.name}${l.variantLabel ? ` (${l.variantLabel})` : ""}, ${l.unshipped} of ${l.quantity} left to ship`}
            state={state}
            defaultValue={String(l.unshipped)}
            type="number"
            inputMode="numeric"
            min={0}
            max={l.unshipped}
            step={1}
          />
        ))}
      </fieldset>
      <SubmitButton>Ship this parcel</SubmitButton>
    </ActionForm>
  );
}

export function DeliverForm({ order, state }: { order: OrderDetail; state: FormState }) {
  return (
    <ActionForm action="order.deliver" label={`Mark ${order.number} delivered`} state={state}>
      <Ids order={order} />
      <SubmitButton>Mark delivered</SubmitButton>
    </ActionForm>
  );
}

export function CancelForm({ order, state }: { order: OrderDetail; state: FormState }) {
  const paid = order.status !== "AWAITING_PAYMENT";
  const error = state.errors.confirm;
  return (
    <ActionForm action="order.cancel" label={`Cancel ${order.number}`} state={state} className="space-y-3">
      <Ids order={order} />
      <p className="text-sm">
        {paid
          ? "The items go back into stock and everything paid is refunded in full. The customer is emailed."
          : "The items go back into stock, any promo code use is given back, and the payment page is closed. The customer is emailed."}
      </p>
      <TextArea name="reason" label="Reason (the customer sees this)" state={state} maxLength={CANCEL_REASON_MAX} rows={2} />
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            className="mt-0.5 h-4 w-4"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "confirm-error" : undefined}
          />
          <span>
            Yes, cancel order {order.number}
            {paid ? " and refund it" : ""}.
          </span>
        </label>
        {error && (
          <p id="confirm-error" className="mt-1 text-sm text-danger">
            {error}
          </p>
        )}
      </div>
      <SubmitButton tone="danger">Cancel order</SubmitButton>
    </ActionForm>
  );
}
