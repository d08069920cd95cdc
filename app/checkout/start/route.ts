// Starting checkout: hold the stock and create the payment (lib/checkout/start.ts),
// then tell the browser where to pay. One small answer, never a page render:
// a server action that ends in redirect() to the demo pay page renders that
// page into the action's answer, and under load every shopper waited on it.
//   - From the checkout page's script (Accept: application/json): JSON,
//     `{ ok: true, redirectUrl }` or `{ ok: false, errors, formError }` with a
//     message per field (both 200; 413 and 400 only for a body that is too
//     large or not a form); the script shows them or goes to redirectUrl.
//   - As a plain form post (no JavaScript): 303 to the payment page; or, when
//     something needs fixing, 303 back to /checkout?error=retry with the
//     values and messages in a short-lived sealed cookie (lib/checkout/retry.ts;
//     never personal data in a URL).
// Cross-site posts and oversized bodies are refused as for POST /checkout/quote (../form-post.ts).
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { currentUserId } from "@/lib/accounts/session";
import { cartToken } from "@/lib/cart/cookie";
import { CHECKOUT_FIELDS, type FieldErrors } from "@/lib/checkout/input";
import { RETRY_COOKIE, RETRY_MAX_AGE_SECONDS, sealCheckoutRetry, type CheckoutErrorCode } from "@/lib/checkout/retry";
import { startCheckout } from "@/lib/data";
import { storeSecret } from "@/lib/secret";
import { requestClientIp } from "@/lib/request-origin";
import { siteUrl } from "@/lib/site";
import { formFields } from "@/lib/validation";
import { CROSS_SITE, isCrossSite, NO_STORE, readForm, retryCookie, TOO_LARGE, UNREADABLE } from "../form-post";

export type StartCheckoutAnswer = { ok: true; redirectUrl: string } | { ok: false; errors: FieldErrors; formError?: string };

export async function POST(request: NextRequest) {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const refuse = (status: number, code: CheckoutErrorCode, formError: string) =>
    wantsJson
      ? NextResponse.json({ ok: false, errors: {}, formError } satisfies StartCheckoutAnswer, { status, headers: NO_STORE })
      : new NextResponse(null, { status: 303, headers: { Location: `/checkout?error=${code}`, ...NO_STORE } });

  if (isCrossSite(request)) return new NextResponse(CROSS_SITE, { status: 403, headers: NO_STORE });
  const form = await readForm(request);
  if (form === "too-large") return refuse(413, "too-large", TOO_LARGE);
  if (form === "unreadable") return refuse(400, "unreadable", UNREADABLE);

  // Only the known fields are read: a price or total sent by the client is never seen.
  // lib/checkout/input.ts checks each one (length, control characters, the lists they come from).
  const raw: Record<string, string> = formFields(form, CHECKOUT_FIELDS);
  // Signed in, the account's cart is used and the order belongs to the account.
  const userId = await currentUserId();
  // Stripe's return addresses are built from the configured public origin, never the request's Host.
  const result = await startCheckout(await cartToken(), raw, { baseUrl: siteUrl(), userId, clientIp: requestClientIp(request.headers) });
  const jar = await cookies();
  const cookie = retryCookie();

  if (result.ok) {
    if (jar.has(RETRY_COOKIE)) jar.set({ ...cookie, value: "", maxAge: 0 });
    if (wantsJson) return NextResponse.json({ ok: true, redirectUrl: result.redirectUrl } satisfies StartCheckoutAnswer, { headers: NO_STORE });
    return new NextResponse(null, { status: 303, headers: { Location: result.redirectUrl, ...NO_STORE } });
  }
  // 200: a message to show is an answer, not a failed request (browsers log every 4xx as an error).
  if (wantsJson)
    return NextResponse.json({ ok: false, errors: result.errors, formError: result.formError } satisfies StartCheckoutAnswer, { headers: NO_STORE });
  const sealed = sealCheckoutRetry({ values: raw, errors: result.errors, formError: result.formError }, storeSecret());
  jar.set({ ...cookie, value: sealed, maxAge: RETRY_MAX_AGE_SECONDS });
  return new NextResponse(null, { status: 303, headers: { Location: "/checkout?error=retry", ...NO_STORE } });
}
