"use client";
// The checkout form: errors appear next to their field and nothing typed is
// lost. It posts to POST /checkout/start, which answers small: with
// JavaScript, this script sends the form and shows the answer's messages, or
// goes to the payment page; without it, the browser posts the form itself and
// the route answers with a redirect (to pay, or back here with the messages).
//
// Beside it, the order summary: subtotal, discount, shipping and total, priced
// on the server (POST /checkout/quote, lib/checkout/quote.ts, the rules
// checkout itself uses) whenever the method changes or a code is applied. Only
// the newest question's answer is shown. Without JavaScript, "Apply" posts the
// form to the same route, which sends it back here priced, with what was typed.
// On a phone the summary is a fold above the form, its total on the fold.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { QuoteAnswer } from "./quote/route";
import type { StartCheckoutAnswer } from "./start/route";
import { AddressFields, TextField } from "@/components/form-fields";
import { OrderTotals } from "@/components/order/order-totals";
import { formatMoney } from "@/lib/catalog/format";
import type { CheckoutQuote } from "@/lib/checkout/quote";
import { QUOTE_FIELDS } from "@/lib/checkout/quote-fields";
import type { CheckoutFormState } from "@/lib/checkout/retry";

type Props = {
  countries: Record<string, string>;
  shipping: { code: string; label: string }[];
  needsSafety: boolean;
  safetyHref: string;
  /** Values to start from (a signed-in customer's email and first saved address), and messages from a form sent back without JavaScript. */
  initial: CheckoutFormState;
  /** The summary for the method and code the form starts with, priced by the page. */
  initialQuote: CheckoutQuote;
  /** Signed in: the address may be saved to the account. */
  signedIn: boolean;
};

const noSubscription = () => () => {};

export function CheckoutForm({ countries, shipping, needsSafety, safetyHref, initial, initialQuote, signedIn }: Props) {
  const [state, setState] = useState<CheckoutFormState>(initial);
  const [pending, setPending] = useState(false);
  const [quote, setQuote] = useState(initialQuote);
  const [quoting, setQuoting] = useState(false);
  const [quoteProblem, setQuoteProblem] = useState<string | null>(null);
  // What the live region says, with a count so the same words said twice are announced twice.
  const [announcement, setAnnouncement] = useState({ n: 0, text: "" });
  // The number of the newest quote asked for: an older answer arriving later is dropped.
  const lastAsked = useRef(0);
  const formRef = useRef<HTMLFormElement>(null);
  // False in the server's HTML and until this script runs: "Apply" is then a plain submit button.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const router = useRouter();
  const v = state.values;
  const e = state.errors;
  const total = formatMoney(quote.totalCents, quote.currency);

  // Back from the payment page, the browser may show this page as it was left: button disabled.
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => event.persisted && setPending(false);
    window.addEventListener("pageshow", restored);
    return () => window.removeEventListener("pageshow", restored);
  }, []);

  /** Prices the summary again for the method and code in the form, and says the new total. */
  async function requote(trigger: "method" | "promo") {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    const body = new URLSearchParams();
    for (const name of QUOTE_FIELDS) {
      const value = data.get(name);
      if (typeof value === "string") body.set(name, value);
    }
    const asked = ++lastAsked.current;
    setQuoting(true);
    let answer: QuoteAnswer | null = null;
    try {
      const response = await fetch("/checkout/quote", { method: "POST", body, headers: { Accept: "application/json" } });
      answer = (await response.json().catch(() => null)) as QuoteAnswer | null;
    } catch {
      answer = null;
    }
    // A newer question was asked meanwhile: its answer, not this one, is the summary.
    if (asked !== lastAsked.current) return;
    setQuoting(false);
    if (!answer?.ok) {
      const problem = answer?.formError ?? "We could not update the total just now. It is worked out again when you continue.";
      setQuoteProblem(problem);
      setAnnouncement((a) => ({ n: a.n + 1, text: problem }));
      return;
    }
    const next = answer.quote;
    setQuote(next);
    setQuoteProblem(null);
    // The code's message goes next to the code; an accepted code clears it.
    setState((s) => {
      const errors = { ...s.errors };
      if (trigger === "promo" || next.errors.promoCode) errors.promoCode = next.errors.promoCode;
      if (!errors.promoCode) delete errors.promoCode;
      return { ...s, errors };
    });
    setAnnouncement((a) => ({ n: a.n + 1, text: describeQuote(next, trigger) }));
  }

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
    // The method or the code was refused: the summary is priced again for what the form now holds.
    if (answer?.errors.promoCode || answer?.errors.shippingMethod) void requote("promo");
    // Take the keyboard to the first field to fix (after React shows its message).
    requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start lg:gap-10">
      {/* First in the page, so on a phone it is above the form (and its button); beside the form from lg. */}
      <aside aria-label="Order summary" className="min-w-0 lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1">
        {/* Folded on phones, with the total on the fold; always open from lg (globals.css .open-from-lg). */}
        <details className="open-from-lg rounded-lg border border-line bg-white" data-testid="order-summary">
          <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-3 lg:hidden [&::-webkit-details-marker]:hidden">
            <span className="font-semibold">
              Order summary<span className="sr-only">, total</span>
            </span>
            <span className="flex items-center gap-2">
              <span className="font-semibold" data-testid="summary-fold-total">
                {total}
              </span>
              <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
                <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            </span>
          </summary>
          <div className={`p-4 pt-1 transition-opacity lg:pt-4 ${quoting ? "opacity-60" : ""}`} aria-busy={quoting || undefined}>
            <h2 className="font-semibold max-lg:sr-only">Your order</h2>
            <ul className="mt-3 space-y-2 text-sm max-lg:mt-0">
              {quote.lines.map((l) => (
                <li key={l.variantId} className="flex justify-between gap-3">
                  <span className="min-w-0 break-words">
                    {l.quantity} × {l.name} ({l.label})
                  </span>
                  <span className="shrink-0">{formatMoney(l.lineTotalCents, quote.currency)}</span>
                </li>
              ))}
            </ul>
            <OrderTotals
              order={{ ...quote, shippingMethodName: quote.shipping?.name ?? null }}
              className="mt-3 space-y-1 border-t border-line pt-3 text-sm"
              totalTestId="summary-total"
            />
            {quote.shipping?.freeOverCents != null && !quote.freeShipping && (
              <p className="mt-2 text-sm text-muted">
                {quote.shipping.name} shipping is free when the goods come to {formatMoney(quote.shipping.freeOverCents, quote.currency)} or more after any
                discount.
              </p>
            )}
            {quoteProblem && <p className="mt-2 text-sm text-danger">{quoteProblem}</p>}
            <Link href="/cart" className="mt-3 inline-block text-sm underline">
              Change your cart
            </Link>
          </div>
        </details>
      </aside>
      <p aria-live="polite" className="sr-only" data-testid="total-announcement">
        <span key={announcement.n}>{announcement.text}</span>
      </p>
      <form ref={formRef} method="post" action="/checkout/start" onSubmit={submit} className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-1" noValidate>
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
          {signedIn && (
            <label className="flex items-center gap-3 text-sm">
              <input type="checkbox" name="saveAddress" defaultChecked={v.saveAddress === "on"} className="h-4 w-4" />
              Save this address to my account
            </label>
          )}
        </fieldset>
        <fieldset aria-describedby={e.shippingMethod ? "shippingMethod-error" : undefined}>
          <legend className="text-lg font-semibold">Shipping method</legend>
          <div className="mt-2 space-y-2">
            {shipping.map((s, i) => (
              <label key={s.code} className="flex items-center gap-3 rounded border border-line bg-white p-3">
                <input
                  type="radio"
                  name="shippingMethod"
                  value={s.code}
                  defaultChecked={(v.shippingMethod ?? (i === 0 ? s.code : "")) === s.code}
                  onChange={() => void requote("method")}
                />
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
        <fieldset id="promo">
          <legend className="text-lg font-semibold">Promo code</legend>
          <label htmlFor="promoCode" className="mt-1 block text-sm font-medium">
            Code (optional)
          </label>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              id="promoCode"
              name="promoCode"
              defaultValue={v.promoCode ?? ""}
              autoComplete="off"
              aria-invalid={e.promoCode ? true : undefined}
              aria-describedby={e.promoCode ? "promoCode-error" : undefined}
              className="w-48 min-w-0 rounded border border-line px-3 py-2 uppercase"
              onKeyDown={(event) => {
                // Enter in the code applies it, as the button beside it does.
                if (event.key === "Enter") {
                  event.preventDefault();
                  void requote("promo");
                }
              }}
            />
            {/* Without JavaScript (or before it runs), a submit button that posts the form to
                POST /checkout/quote, which sends it back here priced; with it, a button that asks in place. */}
            <button
              type={scripted ? "button" : "submit"}
              formAction={scripted ? undefined : "/checkout/quote"}
              onClick={scripted ? () => void requote("promo") : undefined}
              className="rounded border border-brand px-4 py-2 font-medium text-brand hover:bg-brand-soft"
            >
              Apply
            </button>
          </div>
          {e.promoCode && (
            <p id="promoCode-error" className="mt-1 text-sm text-danger">
              {e.promoCode}
            </p>
          )}
          <p className="mt-1 hidden text-sm text-muted noscript:block">Changed the shipping method or the code? Apply updates the total.</p>
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
        {/* The summary's total again where the button is: on a phone the summary is at the top of the page. */}
        <p className="flex justify-between rounded border border-line bg-white px-3 py-2 font-semibold lg:hidden">
          <span>Total</span>
          <span data-testid="total-by-button">{total}</span>
        </p>
        <button type="submit" disabled={pending} className="w-full rounded bg-brand px-5 py-3 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
          {pending ? "Holding your items…" : "Continue to payment"}
        </button>
        <p className="text-xs text-muted">Your items are held for 30 minutes while you pay. Totals are worked out on our side.</p>
      </form>
    </div>
  );
}

/** What the live region says after a new quote: what changed, then the total. */
function describeQuote(q: CheckoutQuote, trigger: "method" | "promo"): string {
  const total = `Total ${formatMoney(q.totalCents, q.currency)}.`;
  if (trigger === "promo") {
    if (q.errors.promoCode) return `${q.errors.promoCode} ${total}`;
    if (q.promoCode) return `Code ${q.promoCode} applied, ${formatMoney(q.discountCents, q.currency)} off. ${total}`;
    return total;
  }
  if (!q.shipping) return total;
  return `${q.shipping.name} shipping, ${q.shippingCents === 0 ? "free" : formatMoney(q.shippingCents, q.currency)}. ${total}`;
}
