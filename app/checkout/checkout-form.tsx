"use client";
// The checkout form: errors appear next to their field and nothing typed is
// lost. Without JavaScript it posts to the same server action.
import { useActionState } from "react";
import { checkoutAction, type CheckoutState } from "./actions";
import { AddressFields, TextField } from "@/components/form-fields";

type Props = {
  countries: Record<string, string>;
  shipping: { code: string; label: string }[];
  needsSafety: boolean;
  safetyHref: string;
  /** A signed-in customer's email and first saved address, to start from. */
  initialValues?: Record<string, string>;
};

export function CheckoutForm({ countries, shipping, needsSafety, safetyHref, initialValues = {} }: Props) {
  const [state, action, pending] = useActionState<CheckoutState, FormData>(checkoutAction, { errors: {}, values: initialValues });
  const v = state.values;
  const e = state.errors;
  return (
    <form action={action} className="space-y-6" noValidate>
      {(state.formError || e.cart) && (
        <div role="alert" className="rounded border border-danger/30 bg-red-50 p-3 text-sm text-danger">
          {state.formError ?? e.cart}
        </div>
      )}
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Contact</legend>
        <TextField values={v} errors={e} name="email" label="Email" type="email" autoComplete="email" required />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Shipping address</legend>
        <AddressFields values={v} errors={e} countries={countries} />
      </fieldset>
      <fieldset aria-describedby={e.shippingMethod ? "shippingMethod-error" : undefined}>
        <legend className="text-lg font-semibold">Shipping method</legend>
        <div className="mt-2 space-y-2">
          {shipping.map((s, i) => (
            <label key={s.code} className="flex items-center gap-3 rounded border border-line bg-white p-3">
              <input type="radio" name="shippingMethod" value={s.code} defaultChecked={(v.shippingMethod ?? (i === 0 ? s.code : "")) === s.code} />
              <span>{s.label}</span>
            </label>
          ))}
        </div>
        {e.shippingMethod && (
          <p id="shippingMethod-error" className="mt-1 text-sm text-danger">
            {e.shippingMethod}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend className="text-lg font-semibold">Promo code</legend>
        <TextField
          values={v}
          errors={e}
          name="promoCode"
          label="Code (optional)"
          autoComplete="off"
          className="mt-1 w-48 rounded border border-line px-3 py-2 uppercase"
        />
      </fieldset>
      {needsSafety && (
        <div>
          <label className="flex items-start gap-3 rounded border border-line bg-white p-3">
            <input
              type="checkbox"
              name="confirmSafety"
              defaultChecked={v.confirmSafety === "on"}
              aria-invalid={e.confirmSafety ? true : undefined}
              aria-describedby={e.confirmSafety ? "confirmSafety-error" : undefined}
              className="mt-1 h-4 w-4"
            />
            <span className="text-sm">
              I have read{" "}
              <a href={safetyHref} target="_blank" rel="noopener" className="underline">
                who must not use these products
              </a>
              , none of it applies to me, and I am 18 or over.
            </span>
          </label>
          {e.confirmSafety && (
            <p id="confirmSafety-error" className="mt-1 text-sm text-danger">
              {e.confirmSafety}
            </p>
          )}
        </div>
      )}
      <button type="submit" disabled={pending} className="w-full rounded bg-brand px-5 py-3 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? "Holding your items…" : "Continue to payment"}
      </button>
      <p className="text-xs text-muted">Your items are held for 30 minutes while you pay. Totals are worked out on our side.</p>
    </form>
  );
}
