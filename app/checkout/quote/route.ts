// The checkout page's order summary, priced again when the shopper changes
// the shipping method or applies a promo code (lib/checkout/quote.ts: the
// same rules, and the same code, as starting checkout). Nothing is held or
// written; only the method and the code are read from the request.
//   - From the page's script (Accept: application/json): JSON,
//     `{ ok: true, quote }` (a refused code is in quote.errors.promoCode, the
//     total priced without it) or `{ ok: false, formError }` (an empty cart);
//     200 either way, 413 and 400 for a body too large or not a form.
//   - As a plain form post (the form's "Apply" button without JavaScript): 303
//     back to /checkout?updated=total, with everything typed in the sealed
//     retry cookie (lib/checkout/retry.ts, never in the URL); the page prices
//     the summary for the method and code it holds.
// Cross-site posts and oversized bodies are refused as for POST /checkout/start (../form-post.ts).
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { currentCartOwner } from "@/lib/cart/cookie";
import { CHECKOUT_FIELDS, QUOTE_FIELDS } from "@/lib/checkout/input";
import type { QuoteResult } from "@/lib/checkout/quote";
import { RETRY_MAX_AGE_SECONDS, UPDATED_TOTAL_LOCATION, sealCheckoutRetry, type CheckoutErrorCode } from "@/lib/checkout/retry";
import { quoteCheckout } from "@/lib/data";
import { requestClientIp } from "@/lib/request-origin";
import { storeSecret } from "@/lib/secret";
import { formFields } from "@/lib/validation";
import { CROSS_SITE, isCrossSite, NO_STORE, readForm, retryCookie, TOO_LARGE, UNREADABLE } from "../form-post";

export type QuoteAnswer = QuoteResult;

export async function POST(request: NextRequest) {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const refuse = (status: number, code: CheckoutErrorCode, formError: string) =>
    wantsJson
      ? NextResponse.json({ ok: false, formError } satisfies QuoteAnswer, { status, headers: NO_STORE })
      : new NextResponse(null, { status: 303, headers: { Location: `/checkout?error=${code}`, ...NO_STORE } });

  if (isCrossSite(request)) return new NextResponse(CROSS_SITE, { status: 403, headers: NO_STORE });
  const form = await readForm(request);
  if (form === "too-large") return refuse(413, "too-large", TOO_LARGE);
  if (form === "unreadable") return refuse(400, "unreadable", UNREADABLE);

  if (wantsJson) {
    // The method and the code only: a price, a total or a cart sent along is never read.
    const result = await quoteCheckout(await currentCartOwner(), formFields(form, QUOTE_FIELDS), requestClientIp(request.headers));
    return NextResponse.json(result satisfies QuoteAnswer, { headers: NO_STORE });
  }
  // Without JavaScript: the whole form goes back to itself, nothing checked but the
  // method and the code (the page prices them); the values are the form's own fields.
  const sealed = sealCheckoutRetry({ values: formFields(form, CHECKOUT_FIELDS), errors: {} }, storeSecret());
  (await cookies()).set({ ...retryCookie(), value: sealed, maxAge: RETRY_MAX_AGE_SECONDS });
  return new NextResponse(null, { status: 303, headers: { Location: UPDATED_TOTAL_LOCATION, ...NO_STORE } });
}
