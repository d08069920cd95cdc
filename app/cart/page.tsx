import type { Metadata } from "next";
import Link from "next/link";
import { updateCartLine } from "./actions";
import { getCatalog, formatMoney, stockStatus, type SearchParams } from "@/lib/catalog";
import { loadCart } from "@/lib/data";
import { cartErrorMessage, checkoutProblem, MAX_LINE_QUANTITY, PROFESSIONAL_ONLY_MESSAGE, UNAVAILABLE_MESSAGE } from "@/lib/cart";
import { currentCartOwner } from "@/lib/cart/cookie";
import { savedPenSlug } from "@/lib/catalog/pen-preference";

export const metadata: Metadata = { title: "Your cart", robots: { index: false } };

export default async function CartPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [owner, penSlug, query] = await Promise.all([currentCartOwner(), savedPenSlug(), searchParams]);
  // The catalog only names the pen the visitor saved: without one, it is not asked for.
  const pen = penSlug ? ((await getCatalog()).penModels.find((p) => p.slug === penSlug) ?? null) : null;
  const cart = await loadCart(owner, pen ? { slug: pen.slug, name: pen.name } : null);
  // The URL names a line and an error code; the message shown is always the store's own.
  const errorLine = cart.lines.find((l) => l.variantId === query.line) ?? null;
  const errorHeld = [...cart.professionalOnly, ...cart.unavailable].some((l) => l.variantId === query.line);
  const pageError = errorLine || errorHeld ? null : cartErrorMessage(query.error);
  // After a plain (no-JavaScript) add to cart: the id names a line read back from the cart, never text shown as sent.
  const added = cart.lines.find((l) => l.variantId === query.added) ?? null;

  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Your cart</h1>
      {pageError && (
        <p role="alert" className="mt-4 rounded border border-danger/30 bg-red-50 p-3 text-sm text-danger" data-testid="cart-error">
          {pageError}
        </p>
      )}
      {added && (
        <p role="status" className="mt-4 rounded bg-brand-soft p-3 text-sm" data-testid="cart-added">
          Added {added.productName}
          {added.variantLabel ? ` (${added.variantLabel})` : ""} to your cart.
        </p>
      )}
      {cart.professionalOnly.length > 0 && (
        <div role="alert" className="mt-6 rounded border border-warn/30 bg-warn-soft p-4 text-sm text-warn" data-testid="professional-only">
          <p className="font-semibold">Not available to order</p>
          <p className="mt-1">{PROFESSIONAL_ONLY_MESSAGE} We have kept it out of your total; remove it to check out.</p>
          <ul className="mt-2 space-y-2">
            {cart.professionalOnly.map((line) => (
              <li key={line.variantId} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <Link href={`/products/${line.productSlug}?variant=${encodeURIComponent(line.sku)}`} className="font-medium underline">
                    {line.productName}
                  </Link>{" "}
                  · {line.variantLabel} · {line.quantity}
                </span>
                <form action={updateCartLine}>
                  <input type="hidden" name="variantId" value={line.variantId} />
                  <button type="submit" name="remove" value="1" className="rounded px-3 py-1 text-sm text-danger underline">
                    Remove {line.productName}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </div>
      )}
      {cart.unavailable.length > 0 && (
        <div role="alert" className="mt-6 rounded border border-warn/30 bg-warn-soft p-4 text-sm text-warn" data-testid="cart-unavailable">
          <p className="font-semibold">No longer sold</p>
          <p className="mt-1">{UNAVAILABLE_MESSAGE} We have kept it out of your total; remove it to check out.</p>
          <ul className="mt-2 space-y-2">
            {cart.unavailable.map((line) => (
              <li key={line.variantId} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-medium">{line.productName}</span> · {line.variantLabel} · {line.quantity}
                </span>
                <form action={updateCartLine}>
                  <input type="hidden" name="variantId" value={line.variantId} />
                  <button type="submit" name="remove" value="1" className="rounded px-3 py-1 text-sm text-danger underline">
                    Remove {line.productName}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </div>
      )}
      {cart.lines.length === 0 ? (
        cart.professionalOnly.length === 0 &&
        cart.unavailable.length === 0 && (
          <p className="mt-6 rounded border border-line bg-white p-6">
            Your cart is empty.{" "}
            <Link href="/shop/kits" className="underline">
              Browse the kits
            </Link>{" "}
            or{" "}
            <Link href="/shop/cartridges" className="underline">
              find cartridges for your pen
            </Link>
            .
          </p>
        )
      ) : (
        <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_20rem]">
          <div>
            {cart.fitWarnings.length > 0 && (
              <div role="alert" className="mb-4 rounded border border-danger/30 bg-red-50 p-3 text-sm text-danger" data-testid="fit-warnings">
                <p className="font-semibold">Check your cartridges fit</p>
                <ul className="mt-1 list-disc pl-5">
                  {cart.fitWarnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </div>
            )}
            <ul className="divide-y divide-line rounded-lg border border-line bg-white" data-testid="cart-lines">
              {cart.lines.map((line) => {
                const lineError = errorLine === line ? cartErrorMessage(query.error, line) : null;
                const status = stockStatus(line.stock);
                return (
                  <li key={line.variantId} className="flex flex-wrap gap-4 p-4">
                    {/* eslint-disable-next-line @next/next/no-img-element -- local SVG */}
                    <img src={line.imagePath} alt="" width={80} height={80} className="h-20 w-20 rounded border border-line" />
                    <div className="min-w-0 flex-1">
                      <p className="font-semibold">
                        <Link href={`/products/${line.productSlug}?variant=${encodeURIComponent(line.sku)}`} className="hover:underline">
                          {line.productName}
                        </Link>
                      </p>
                      <p className="text-sm text-muted">
                        {line.variantLabel} · {formatMoney(line.unitPriceCents, line.currency)} each ·{" "}
                        <span className={status.tone === "ok" ? "" : "text-warn"}>{status.label}</span>
                      </p>
                      <form action={updateCartLine} className="mt-2 flex flex-wrap items-end gap-2">
                        <input type="hidden" name="variantId" value={line.variantId} />
                        <label className="text-sm" htmlFor={`qty-${line.variantId}`}>
                          Quantity
                        </label>
                        <input
                          id={`qty-${line.variantId}`}
                          name="quantity"
                          type="number"
                          min={0}
                          max={MAX_LINE_QUANTITY}
                          defaultValue={line.quantity}
                          aria-invalid={lineError ? true : undefined}
                          aria-describedby={lineError ? `err-${line.variantId}` : undefined}
                          className="w-20 rounded border border-line px-2 py-1"
                        />
                        <button type="submit" className="rounded border border-line px-3 py-1 text-sm hover:border-brand">
                          Update
                        </button>
                        <button type="submit" name="remove" value="1" className="rounded px-3 py-1 text-sm text-danger underline">
                          Remove
                        </button>
                      </form>
                      {lineError && (
                        <p id={`err-${line.variantId}`} role="alert" className="mt-1 text-sm text-danger">
                          {lineError}
                        </p>
                      )}
                    </div>
                    <p className="font-semibold">{formatMoney(line.lineTotalCents, line.currency)}</p>
                  </li>
                );
              })}
            </ul>
          </div>
          <aside className="h-fit rounded-lg border border-line bg-white p-4">
            <p className="flex justify-between">
              <span>Subtotal</span>
              <span className="font-semibold" data-testid="cart-subtotal">
                {formatMoney(cart.subtotalCents)}
              </span>
            </p>
            <p className="mt-1 text-sm text-muted">Shipping and any promo code are applied at checkout.</p>
            {checkoutProblem(cart) ? (
              <p className="mt-4 rounded border border-warn/30 bg-warn-soft p-3 text-sm text-warn" data-testid="checkout-blocked">
                {checkoutProblem(cart)}
              </p>
            ) : (
              <Link href="/checkout" className="mt-4 block rounded bg-brand px-4 py-2.5 text-center font-medium text-white hover:bg-brand-dark">
                Check out
              </Link>
            )}
          </aside>
        </div>
      )}
    </>
  );
}
