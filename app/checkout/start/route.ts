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
// Cross-site posts are refused before they get here (scripts/serve.ts); the
// Sec-Fetch-Site check below keeps that true behind a bare `next start`.
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { currentUserId } from "@/lib/accounts/session";
import { cartToken } from "@/lib/cart/cookie";
import { config } from "@/lib/config";
import { CHECKOUT_FIELDS, type FieldErrors } from "@/lib/checkout/input";
import { RETRY_COOKIE, RETRY_COOKIE_PATH, RETRY_MAX_AGE_SECONDS, sealCheckoutRetry, type CheckoutErrorCode } from "@/lib/checkout/retry";
import { startCheckout } from "@/lib/data";
import { storeSecret } from "@/lib/secret";
import { siteUrl } from "@/lib/site";
import { formFields } from "@/lib/validation";

export type StartCheckoutAnswer = { ok: true; redirectUrl: string } | { ok: false; errors: FieldErrors; formError?: string };

/** The checkout form is well under 2 KB; a bigger body is not one. */
const MAX_BODY = 16 * 1024;

const TOO_LARGE = "That form was too large to send. Please check what you typed and try again.";
const UNREADABLE = "We could not read that form. Please fill it in and try again.";

export async function POST(request: NextRequest) {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const noStore = { "Cache-Control": "no-store" };
  const refuse = (status: number, code: CheckoutErrorCode, formError: string) =>
    wantsJson
      ? NextResponse.json({ ok: false, errors: {}, formError } satisfies StartCheckoutAnswer, { status, headers: noStore })
      : new NextResponse(null, { status: 303, headers: { Location: `/checkout?error=${code}`, ...noStore } });

  if (request.headers.get("sec-fetch-site") === "cross-site") {
    return new NextResponse("This form can only be sent from the store's own pages.\n", { status: 403, headers: noStore });
  }
  const form = await readForm(request);
  if (form === "too-large") return refuse(413, "too-large", TOO_LARGE);
  if (form === "unreadable") return refuse(400, "unreadable", UNREADABLE);

  // Only the known fields are read: a price or total sent by the client is never seen.
  // lib/checkout/input.ts checks each one (length, control characters, the lists they come from).
  const raw: Record<string, string> = formFields(form, CHECKOUT_FIELDS);
  // Signed in, the account's cart is used and the order belongs to the account.
  const userId = await currentUserId();
  // Stripe's return addresses are built from the configured public origin, never the request's Host.
  const result = await startCheckout(await cartToken(), raw, { baseUrl: siteUrl(), userId });
  const jar = await cookies();
  const retryCookie = { name: RETRY_COOKIE, path: RETRY_COOKIE_PATH, httpOnly: true, sameSite: "lax" as const, secure: config().https };

  if (result.ok) {
    if (jar.has(RETRY_COOKIE)) jar.set({ ...retryCookie, value: "", maxAge: 0 });
    if (wantsJson) return NextResponse.json({ ok: true, redirectUrl: result.redirectUrl } satisfies StartCheckoutAnswer, { headers: noStore });
    return new NextResponse(null, { status: 303, headers: { Location: result.redirectUrl, ...noStore } });
  }
  // 200: a message to show is an answer, not a failed request (browsers log every 4xx as an error).
  if (wantsJson)
    return NextResponse.json({ ok: false, errors: result.errors, formError: result.formError } satisfies StartCheckoutAnswer, { headers: noStore });
  const sealed = sealCheckoutRetry({ values: raw, errors: result.errors, formError: result.formError }, storeSecret());
  jar.set({ ...retryCookie, value: sealed, maxAge: RETRY_MAX_AGE_SECONDS });
  return new NextResponse(null, { status: 303, headers: { Location: "/checkout?error=retry", ...noStore } });
}

/**
 * The posted form, read at most MAX_BODY bytes far: a declared length over
 * it is refused unread, and a body sent without one (chunked) is cut off as
 * soon as it passes it.
 */
async function readForm(request: NextRequest): Promise<FormData | "too-large" | "unreadable"> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) return "too-large";
  const type = request.headers.get("content-type") ?? "";
  if (!/^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type) || !request.body) return "unreadable";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY) {
        void reader.cancel().catch(() => {});
        return "too-large";
      }
      chunks.push(value);
    }
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  } catch {
    return "unreadable";
  }
}
