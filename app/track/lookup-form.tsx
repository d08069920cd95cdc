"use client";
import { useActionState } from "react";
import { lookupAction, type LookupState } from "./actions";
import { TextField } from "@/components/form-fields";

export function LookupForm() {
  const [state, action, pending] = useActionState<LookupState, FormData>(lookupAction, {});
  const e = state.errors ?? {};
  const values = state.values ?? {};
  return (
    <form action={action} noValidate className="max-w-md space-y-4 rounded-lg border border-line bg-white p-5">
      <TextField
        values={values}
        errors={e}
        name="orderNumber"
        label="Order number"
        autoComplete="off"
        placeholder="SP-7K4Q-9XM2"
        className="mt-1 w-full rounded border border-line px-3 py-2 uppercase"
      />
      <TextField values={values} errors={e} name="email" label="Email" type="email" autoComplete="email" />
      <button type="submit" disabled={pending} className="rounded-md bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
        Email me a link
      </button>
      <div role="status" aria-live="polite" data-testid="lookup-status">
        {state.status === "sent" && <p className="rounded-md bg-brand-soft p-3">If an order matches, we have sent a link to that email address.</p>}
        {state.status === "rate-limited" && (
          <p className="rounded-md bg-warn-soft p-3 text-warn">
            Too many requests. Please try again in {state.retryAfterMinutes} minute{state.retryAfterMinutes === 1 ? "" : "s"}.
          </p>
        )}
      </div>
    </form>
  );
}
