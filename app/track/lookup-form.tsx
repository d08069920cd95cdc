"use client";
import { useActionState } from "react";
import { lookupAction, type LookupState } from "./actions";

export function LookupForm() {
  const [state, action, pending] = useActionState<LookupState, FormData>(lookupAction, {});
  const e = state.errors ?? {};
  return (
    <form action={action} noValidate className="max-w-md space-y-4 rounded-lg border border-line bg-white p-5">
      <div>
        <label htmlFor="orderNumber" className="block font-medium">Order number</label>
        <input
          id="orderNumber"
          name="orderNumber"
          autoComplete="off"
          placeholder="SP-7K4Q-9XM2"
          defaultValue={state.values?.orderNumber}
          aria-invalid={e.orderNumber ? true : undefined}
          aria-describedby={e.orderNumber ? "orderNumber-error" : undefined}
          className="mt-1 w-full rounded-md border border-line px-3 py-2 uppercase"
        />
        {e.orderNumber && <p id="orderNumber-error" className="mt-1 text-sm text-danger">{e.orderNumber}</p>}
      </div>
      <div>
        <label htmlFor="email" className="block font-medium">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.values?.email}
          aria-invalid={e.email ? true : undefined}
          aria-describedby={e.email ? "email-error" : undefined}
          className="mt-1 w-full rounded-md border border-line px-3 py-2"
        />
        {e.email && <p id="email-error" className="mt-1 text-sm text-danger">{e.email}</p>}
      </div>
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
