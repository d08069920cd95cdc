"use client";
// The checkout form: errors appear next to their field and nothing typed is
// lost. Without JavaScript it posts to the same server action.
import { useActionState } from "react";
import { checkoutAction, type CheckoutState } from "./actions";

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
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={name}
        name={name}
        defaultValue={v[name] ?? ""}
        aria-invalid={e[name as keyof typeof e] ? true : undefined}
        aria-describedby={e[name as keyof typeof e] ? `${name}-error` : undefined}
        className="mt-1 w-full rounded border border-line px-3 py-2"
        {...props}
      />
      {e[name as keyof typeof e] && (
        <p id={`${name}-error`} className="mt-1 text-sm text-danger">
          {e[name as keyof typeof e]}
        </p>
      )}
    </div>
  );
  return (
    <form action={action} className="space-y-6" noValidate>
      {(state.formError || e.cart) && (
        <div role="alert" className="rounded border border-danger/30 bg-red-50 p-3 text-sm text-danger">
          {state.formError ?? e.cart}
        </div>
      )}
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Contact</legend>
        {field("email", "Email", { type: "email", autoComplete: "email", required: true })}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Shipping address</legend>
        {field("name", "Full name", { autoComplete: "name", required: true })}
        {field("line1", "Address line 1", { autoComplete: "address-line1", required: true })}
        {field("line2", "Address line 2 (optional)", { autoComplete: "address-line2" })}
        <div className="grid gap-4 sm:grid-cols-2">
          {field("city", "Town or city", { autoComplete: "address-level2", required: true })}
          {field("region", "State, county or region (optional)", { autoComplete: "address-level1" })}
          {field("postalCode", "Postal code", { autoComplete: "postal-code", required: true })}
          <div>
            <label htmlFor="country" className="block text-sm font-medium">
              Country
            </label>
            <select
              id="country"
              name="country"
              defaultValue={v.country ?? "US"}
              autoComplete="country"
              aria-invalid={e.country ? true : undefined}
              aria-describedby={e.country ? "country-error" : undefined}
              className="mt-1 w-full rounded border border-line bg-white px-3 py-2"
            >
              {Object.entries(countries).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
            {e.country && (
              <p id="country-error" className="mt-1 text-sm text-danger">
                {e.country}
              </p>
            )}
          </div>
        </div>
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
        {field("promoCode", "Code (optional)", { autoComplete: "off", className: "mt-1 w-48 rounded border border-line px-3 py-2 uppercase" })}
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
