"use client";
// The buying part of a product page: the size, its price and availability,
// quantity and "Add to cart", and the chosen size's details. The page is
// static HTML with one size chosen (the first, or the one in ?variant=); the
// sizes are radio buttons of the add-to-cart form, so without JavaScript a
// shopper still picks one and adds it. With JavaScript the price, stock and
// details follow the choice at once, the address shows it, and adding answers
// in place (POST /cart/add) and updates the cart count in the header.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { StockStatus } from "@/lib/catalog/format";
import type { AddToCartResult } from "@/app/cart/add/route";
import { LiveStock, useVisitor } from "@/components/visitor";

export type BuyVariant = {
  id: string;
  sku: string;
  label: string;
  price: string;
  band: StockStatus;
  /** False for professional-only sizes: shown, never offered for sale. */
  buyable: boolean;
  specs: [string, string][];
};

export function BuyBox(props: { productName: string; variants: BuyVariant[]; initialSku: string; professionalOnlyMessage: string }) {
  const { productName, variants, professionalOnlyMessage } = props;
  const { view, setCartCount } = useVisitor();
  const [sku, setSku] = useState(props.initialSku);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<AddToCartResult | null>(null);
  // The "added" note is shown over the page until closed, so it is seen wherever the button was.
  const [toastOpen, setToastOpen] = useState(false);
  // On a phone, while the form's own "Add to cart" is off screen (below the picture at first, or
  // scrolled past), a bar at the bottom of the screen keeps it in reach.
  const [barShown, setBarShown] = useState(false);
  const buyRow = useRef<HTMLDivElement>(null);
  // Until the script runs the form posts as a plain form (a redirect to the cart); marked once it answers in place.
  const form = useRef<HTMLFormElement>(null);
  const variant = variants.find((v) => v.sku === sku) ?? variants[0]!;
  useEffect(() => {
    // A size picked before the scripts ran (catalog pages load them after the first paint,
    // decision 0021) is already checked in the form: the price, stock and address follow it.
    const picked = form.current?.querySelector<HTMLInputElement>('input[name="variantId"]:checked')?.dataset.sku;
    const chosen = variants.find((v) => v.sku === picked);
    if (chosen && chosen.sku !== props.initialSku) choose(chosen);
    form.current?.setAttribute("data-hydrated", "");
    // Once, when the form comes to life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // The page says what a guest may buy; a verified professional's browser is told which professional-only sizes they may.
  const buyable = (v: BuyVariant) => view?.buyable?.[v.sku] ?? v.buyable;
  const inStock = (view?.stock?.[variant.sku] ?? variant.band).inStock;
  const canBuy = buyable(variant) && inStock;
  useEffect(() => {
    const row = buyRow.current;
    if (!canBuy || !row) return setBarShown(false);
    const observer = new IntersectionObserver(([entry]) => setBarShown(!entry!.isIntersecting));
    observer.observe(row);
    return () => observer.disconnect();
  }, [canBuy]);

  function choose(next: BuyVariant) {
    setSku(next.sku);
    setResult(null);
    const url = new URL(window.location.href);
    url.searchParams.set("variant", next.sku);
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }

  async function add(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const data = new FormData(event.currentTarget);
    try {
      const response = await fetch("/cart/add", { method: "POST", body: data, headers: { Accept: "application/json" } });
      const answer = (await response.json()) as AddToCartResult;
      setResult(answer);
      setToastOpen(answer.ok);
      if (answer.ok) setCartCount(answer.cartCount);
    } catch {
      setResult({ ok: false, error: "We could not reach the store. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <p className="mt-4 text-2xl font-semibold" data-testid="price">
        {variant.price}
      </p>
      <LiveStock key={variant.sku} sku={variant.sku} band={variant.band} />

      <form id="add-to-cart" method="post" action="/cart/add" onSubmit={add} className="mt-6" noValidate ref={form}>
        {variants.length > 1 ? (
          <fieldset>
            <legend className="text-sm font-medium">Choose a size</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {variants.map((v) => (
                <label
                  key={v.sku}
                  className="flex cursor-pointer items-center gap-2 rounded border border-line bg-white px-3 py-2 text-sm has-[:checked]:border-brand has-[:checked]:bg-brand-soft has-[:checked]:font-semibold has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand"
                >
                  <input
                    type="radio"
                    name="variantId"
                    value={v.id}
                    checked={v.sku === variant.sku}
                    onChange={() => choose(v)}
                    className="h-4 w-4 accent-brand"
                    data-sku={v.sku}
                  />
                  <span>
                    {v.label} · {v.price}
                    {!v.buyable ? " · professionals only" : ""}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <input type="hidden" name="variantId" value={variant.id} />
        )}

        {!variant.buyable && buyable(variant) && (
          <p className="mt-6 text-sm text-muted" data-testid="professional-licensed">
            Professional only: you can order this under your verified professional licence.
          </p>
        )}
        {!buyable(variant) ? (
          <div className="mt-6 rounded border border-warn/30 bg-warn-soft p-3 text-sm text-warn" data-testid="professional-only">
            <p className="font-semibold">For trained professionals only</p>
            <p className="mt-1">{professionalOnlyMessage} Depths above 0.5 mm are professional work and are not covered by our home instructions.</p>
          </div>
        ) : !inStock ? (
          <p className="mt-6">
            <button type="button" disabled className="cursor-not-allowed rounded bg-line px-5 py-2.5 font-medium text-muted">
              Out of stock
            </button>
          </p>
        ) : (
          <div className="mt-6 flex flex-wrap items-end gap-3" ref={buyRow}>
            <div>
              <label htmlFor="quantity" className="block text-sm font-medium">
                Quantity
              </label>
              <input
                id="quantity"
                name="quantity"
                type="number"
                inputMode="numeric"
                min={1}
                max={99}
                defaultValue={1}
                aria-invalid={result && !result.ok ? true : undefined}
                aria-describedby={result && !result.ok ? "quantity-error" : undefined}
                className="mt-1 w-20 rounded border border-line px-2 py-2"
              />
            </div>
            <button type="submit" disabled={pending} className="rounded bg-brand px-5 py-2.5 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
              {pending ? "Adding…" : "Add to cart"}
            </button>
          </div>
        )}
        <div aria-live="polite" className="mt-2 text-sm">
          {result && !result.ok && (
            <p id="quantity-error" className="text-danger">
              {result.error}
            </p>
          )}
        </div>
      </form>

      {/* Always in the page, so screen readers announce what appears in it. */}
      <div role="status" aria-live="polite">
        {result?.ok && toastOpen && (
          <div
            className="fixed inset-x-3 bottom-20 z-40 rounded-lg border border-brand/40 bg-white p-4 text-sm shadow-xl md:inset-x-auto md:right-6 md:top-32 md:bottom-auto md:w-96"
            data-testid="added"
          >
            <div className="flex items-start justify-between gap-3">
              <p className="font-semibold text-brand-dark">Added {productName} to your cart.</p>
              <button type="button" onClick={() => setToastOpen(false)} className="-m-1 rounded p-1 text-muted hover:text-ink" aria-label="Close">
                <span aria-hidden="true">×</span>
              </button>
            </div>
            <p className="mt-1 text-muted">
              {result.line.quantity} × {result.line.label} · Cart subtotal {result.subtotal}
            </p>
            <p className="mt-3 flex flex-wrap items-center gap-3">
              <Link href="/cart" prefetch={false} className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
                View cart and check out
              </Link>
              <button type="button" onClick={() => setToastOpen(false)} className="underline">
                Keep shopping
              </button>
            </p>
          </div>
        )}
      </div>

      {canBuy && (
        <div
          className={`fixed inset-x-0 bottom-0 z-30 border-t border-line bg-white/95 px-4 py-2 shadow-[0_-2px_8px_rgba(0,0,0,0.06)] backdrop-blur md:hidden ${barShown ? "" : "hidden"}`}
          data-testid="buy-bar"
        >
          <div className="flex items-center justify-between gap-3">
            <p className="min-w-0 text-sm">
              <span className="block truncate font-medium">{productName}</span>
              <span className="text-muted">
                {variant.label} · {variant.price}
              </span>
            </p>
            {/* Submits the form above: the size and quantity chosen there. */}
            <button
              type="submit"
              form="add-to-cart"
              disabled={pending}
              className="shrink-0 rounded bg-brand px-4 py-2.5 font-medium text-white hover:bg-brand-dark disabled:opacity-60"
            >
              {pending ? "Adding…" : "Add to cart"}
            </button>
          </div>
        </div>
      )}

      <dl className="mt-6 divide-y divide-line rounded-lg border border-line bg-white text-sm" data-testid="specs">
        {variant.specs.map(([term, value]) => (
          <div key={term} className="grid grid-cols-2 gap-2 px-3 py-2">
            <dt className="text-muted">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
