import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { CheckoutForm } from "./checkout-form";
import { listAddresses, loadCart, quoteCart, shippingChoices } from "@/lib/data";
import { checkoutProblem } from "@/lib/cart";
import { currentCartOwner } from "@/lib/cart/cookie";
import { countries } from "@/lib/addresses";
import { needsSafetyLine } from "@/lib/checkout/start";
import { RETRY_COOKIE, checkoutErrorMessage, openCheckoutRetry, retryRequested, type CheckoutFormState } from "@/lib/checkout/retry";
import { currentUser } from "@/lib/accounts/session";
import { requestClientIp } from "@/lib/request-origin";
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
  // Back from POST /checkout/start or "Apply" without JavaScript: what was typed, and what to fix.
  const query = await searchParams;
  const message = checkoutErrorMessage(query.error);
  if (retryRequested(query)) {
    const retry = openCheckoutRetry((await cookies()).get(RETRY_COOKIE)?.value, storeSecret());
    if (retry) Object.assign(initial, { values: { ...initialValues, ...retry.values }, errors: retry.errors, formError: retry.formError });
    else initial.formError = message;
  } else if (message) initial.formError = message;
  // The summary for the method and code the form shows (the first method unless one was sent back).
  const quote = await quoteCart(
    cart,
    { shippingMethod: initial.values.shippingMethod ?? shipping[0]?.code, promoCode: initial.values.promoCode },
    requestClientIp(await headers()),
  );
  // A code the form holds that is refused is said next to it, as after "Apply" with JavaScript.
  if (quote.errors.promoCode) initial.errors = { ...initial.errors, promoCode: initial.errors.promoCode ?? quote.errors.promoCode };
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Checkout</h1>
      <CheckoutForm
        countries={countries}
        shipping={shipping}
        needsSafety={safetyLine !== undefined}
        safetyHref={guideSlug}
        initial={initial}
        initialQuote={quote}
        signedIn={user !== null}
      />
    </>
  );
}
