"use client";
// Adding a saved address: errors appear next to their field, nothing typed is lost.
import { useActionState } from "react";
import { addAddressAction, type AddressFormState } from "./actions";
import { AddressFields } from "@/components/form-fields";

export function AddressForm({ countries }: { countries: Record<string, string> }) {
  const [state, action, pending] = useActionState<AddressFormState, FormData>(addAddressAction, { errors: {}, values: {} });
  const v = state.values;
  const e = state.errors as Record<string, string | undefined>;
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
      <AddressFields values={v} errors={e} countries={countries} idPrefix="address-" />
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
        {pending ? "Saving…" : "Save address"}
      </button>
    </form>
  );
}
