"use client";
// The checkout form: errors appear next to their field and nothing typed is
// lost. It posts to POST /checkout/start, which answers small: with
// JavaScript, this script sends the form and shows the answer's messages, or
// goes to the payment page; without it, the browser posts the form itself and
// the route answers with a redirect (to pay, or back here with the messages).
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { StartCheckoutAnswer } from "./start/route";
import { AddressFields, TextField } from "@/components/form-fields";
import type { CheckoutFormState } from "@/lib/checkout/retry";

type Props = {
  countries: Record<string, string>;
  shipping: { code: string; label: string }[];
  needsSafety: boolean;
  safetyHref: string;
  /** Values to start from (a signed-in customer's email and first saved address), and messages from a form sent back without JavaScript. */
  initial: CheckoutFormState;
};

export function CheckoutForm({ countries, shipping, needsSafety, safetyHref, initial }: Props) {
  const [state, setState] = useState<CheckoutFormState>(initial);
  const [pending, setPending] = useState(false);
  const router = useRouter();
  const v = state.values;
  const e = state.errors;

  // Back from the payment page, the browser may show this page as it was left: button disabled.
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => event.persisted && setPending(false);
    window.addEventListener("pageshow", restored);
    return () => window.removeEventListener("pageshow", restored);
  }, []);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const values = Object.fromEntries([...data].filter((f): f is [string, string] => typeof f[1] === "string"));
    setPending(true);
    let answer: StartCheckoutAnswer | null = null;
    try {
      const response = await fetch(form.action, { method: "POST", body: data, headers: { Accept: "application/json" } });
      answer = (await response.json().catch(() => null)) as StartCheckoutAnswer | null;
    } catch {
      setState({ values, errors: {}, formError: "We could not reach the store. Check your connection and try again." });
      setPending(false);
      return;
    }
    if (answer?.ok) {
      // The button stays disabled while the payment page loads: the store's
      // own (the demo) by the app's router, as a link would; Stripe's in full.
      if (/^\/(?!\/)/.test(answer.redirectUrl)) router.push(answer.redirectUrl);
      else window.location.assign(answer.redirectUrl);
      return;
    }
    setState({
      values,
      errors: answer?.errors ?? {},
      formError: answer?.formError ?? (answer ? undefined : "Something went wrong on our side. Please try again."),
    });
    setPending(false);
    // Take the keyboard to the first field to fix (after React shows its message).
    requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  return (
    <form method="post" action="/checkout/start" onSubmit={submit} className="space-y-6" noValidate>
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
