"use client";
// The one interactive island on a product page: add to cart, with the error
// (e.g. "Only 3 left") shown next to the quantity. Works without JavaScript
// too: the form posts to the same server action.
import Link from "next/link";
import { useActionState } from "react";
import { addToCartAction, type AddToCartState } from "@/app/cart/actions";

export function AddToCart({ variantId, inStock, productName }: { variantId: string; inStock: boolean; productName: string }) {
  const [state, action, pending] = useActionState<AddToCartState, FormData>(addToCartAction, {});
  if (!inStock) {
    return (
      <p className="mt-6">
        <button type="button" disabled className="cursor-not-allowed rounded bg-line px-5 py-2.5 font-medium text-muted">
          Out of stock
        </button>
      </p>
    );
  }
  return (
    <form action={action} className="mt-6" noValidate>
      <input type="hidden" name="variantId" value={variantId} />
      <div className="flex flex-wrap items-end gap-3">
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
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? "quantity-error" : undefined}
            className="mt-1 w-20 rounded border border-line px-2 py-2"
          />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-brand px-5 py-2.5 font-medium text-white hover:bg-brand-dark disabled:opacity-60">
          {pending ? "Adding…" : "Add to cart"}
        </button>
      </div>
      <div aria-live="polite" className="mt-2 text-sm">
        {state.error && (
          <p id="quantity-error" className="text-danger">
            {state.error}
          </p>
        )}
        {state.added && (
          <p className="text-brand-dark">
            Added {productName} to your cart.{" "}
            <Link href="/cart" className="font-medium underline">
              View cart and check out
            </Link>
          </p>
        )}
      </div>
    </form>
  );
}
