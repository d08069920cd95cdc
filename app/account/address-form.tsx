"use client";
// Adding a saved address: errors appear next to their field, nothing typed is lost.
import { useActionState } from "react";
import { addAddressAction, type AddressFormState } from "./actions";

export function AddressForm({ countries }: { countries: Record<string, string> }) {
  const [state, action, pending] = useActionState<AddressFormState, FormData>(addAddressAction, { errors: {}, values: {} });
  const v = state.values;
  const e = state.errors as Record<string, string | undefined>;
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <div>
      <label htmlFor={`address-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`address-${name}`}
        name={name}
        defaultValue={v[name] ?? ""}
        aria-invalid={e[name] ? true : undefined}
        aria-describedby={e[name] ? `address-${name}-error` : undefined}
        className="mt-1 w-full rounded border border-line px-3 py-2"
        {...props}
      />
      {e[name] && (
        <p id={`address-${name}-error`} className="mt-1 text-sm text-danger">
          {e[name]}
        </p>
      )}
    </div>
  );
  return (
    // The key resets the inputs after a successful save.
    <form key={state.saved ? "saved" : "editing"} action={action} className="space-y-4" noValidate data-testid="address-form">
      {state.formError && (
        <div role="alert" className="rounded border border-danger/30 bg-red-50 p-3 text-sm text-danger">
          {state.formError}
        </div>
      )}
      {state.saved && (
        <p role="status" className="text-sm text-brand-dark">
          Address saved.
        </p>
      )}
      {field("name", "Full name", { autoComplete: "name", required: true })}
      {field("line1", "Address line 1", { autoComplete: "address-line1", required: true })}
      {field("line2", "Address line 2 (optional)", { autoComplete: "address-line2" })}
      <div className="grid gap-4 sm:grid-cols-2">
        {field("city", "Town or city", { autoComplete: "address-level2", required: true })}
        {field("region", "State, county or region (optional)", { autoComplete: "address-level1" })}
        {field("postalCode", "Postal code", { autoComplete: "postal-code", required: true })}
        <div>
          <label htmlFor="address-country" className="block text-sm font-medium">
            Country
          </label>
          <select
            id="address-country"
            name="country"
            defaultValue={v.country ?? "US"}
            autoComplete="country"
            aria-invalid={e.country ? true : undefined}
            aria-describedby={e.country ? "address-country-error" : undefined}
            className="mt-1 w-full rounded border border-line bg-white px-3 py-2"
          >
            {Object.entries(countries).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          {e.country && (
            <p id="address-country-error" className="mt-1 text-sm text-danger">
              {e.country}
            </p>
          )}
        </div>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? "Saving…" : "Save address"}
      </button>
    </form>
  );
}
