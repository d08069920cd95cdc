import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { CheckoutForm } from "./checkout-form";
import { formatMoney } from "@/lib/catalog";
import { listAddresses, loadCart, shippingChoices } from "@/lib/data";
import { checkoutProblem } from "@/lib/cart";
import { currentCartOwner } from "@/lib/cart/cookie";
import { countries } from "@/lib/addresses";
import { needsSafetyLine } from "@/lib/checkout/start";
import { RETRY_COOKIE, checkoutErrorMessage, openCheckoutRetry, type CheckoutFormState } from "@/lib/checkout/retry";
import { currentUser } from "@/lib/accounts/session";
import { storeSecret } from "@/lib/secret";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const cart = await loadCart(await currentCartOwner());
  // Nothing to sell, or something this cart may not buy: the cart page says why.
  if (cart.lines.length === 0 || checkoutProblem(cart)) redirect("/cart");
  const shipping = await shippingChoices();
  const safetyLine = cart.lines.find(needsSafetyLine);
  const guideSlug = safetyLine ? `/products/${safetyLine.productSlug}#who-must-not-use` : "/instructions";
  // Signed in: start from the account's email and its first saved address.
  const user = await currentUser();
  const address = user ? (await listAddresses(user.id))[0] : undefined;
  const initialValues: Record<string, string> = {};
  if (user) initialValues.email = user.email;
  if (address) {
    for (const [key, value] of Object.entries(address)) if (key !== "id" && value) initialValues[key] = value;
  }
  const initial: CheckoutFormState = { values: initialValues, errors: {} };
  // Back from POST /checkout/start without JavaScript: what was typed and what to fix.
  const { error } = await searchParams;
  const message = checkoutErrorMessage(error);
  if (message) {
    const retry = error === "retry" ? openCheckoutRetry((await cookies()).get(RETRY_COOKIE)?.value, storeSecret()) : null;
    if (retry) Object.assign(initial, { values: { ...initialValues, ...retry.values }, errors: retry.errors, formError: retry.formError });
    else initial.formError = message;
  }
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Checkout</h1>
      <div className="mt-6 grid gap-10 lg:grid-cols-[1fr_22rem]">
        <CheckoutForm countries={countries} shipping={shipping} needsSafety={safetyLine !== undefined} safetyHref={guideSlug} initial={initial} />
        <aside className="h-fit rounded-lg border border-line bg-white p-4" aria-labelledby="summary-heading">
          <h2 id="summary-heading" className="font-semibold">
            Your order
          </h2>
          <ul className="mt-3 space-y-2 text-sm">
            {cart.lines.map((l) => (
              <li key={l.variantId} className="flex justify-between gap-3">
                <span>
                  {l.quantity} × {l.productName} ({l.variantLabel})
                </span>
                <span>{formatMoney(l.lineTotalCents, l.currency)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-3 flex justify-between border-t border-line pt-3 font-semibold">
            <span>Subtotal</span>
            <span>{formatMoney(cart.subtotalCents)}</span>
          </p>
          <p className="mt-2 text-sm text-muted">Shipping and discounts are added on the next step.</p>
          <Link href="/cart" className="mt-3 inline-block text-sm underline">
            Change your cart
          </Link>
        </aside>
      </div>
    </>
  );
}
