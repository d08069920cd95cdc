// A checkout form sent without JavaScript that needs fixing goes back to the
// form with what was typed and a message next to each field. POST
// /checkout/start answers such a form with a 303 to /checkout?error=retry and
// keeps the form's values and messages in a short-lived cookie:
//   - never in the URL: the values are an email and a postal address, and
//     URLs end up in logs, histories and Referer headers;
//   - HttpOnly, only for /checkout, gone after ten minutes;
//   - sealed (AES-256-GCM under a key derived from STORE_SECRET): the browser
//     holds an opaque blob, and the page shows only what the store wrote
//     itself, so a cookie set by anyone else shows nothing.
// The URL carries only a code; an unknown code shows nothing.
//
// The same cookie takes the form back after "Apply" without JavaScript (POST
// /checkout/quote): the page comes back at /checkout?updated=total with what
// was typed, and the order summary priced for the method and code chosen.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { FieldErrors } from "./input";

export const RETRY_COOKIE = "checkout-retry";
export const RETRY_COOKIE_PATH = "/checkout";
export const RETRY_MAX_AGE_SECONDS = 10 * 60;

/** Where "Apply" without JavaScript goes back to: the form, at the promo code, with the total updated. */
export const UPDATED_TOTAL_LOCATION = "/checkout?updated=total#promo";

/** Whether the checkout page's query says a retry cookie holds the form as it was sent. */
export function retryRequested(query: { error?: unknown; updated?: unknown }): boolean {
  return query.error === "retry" || query.updated === "total";
}

/** What the checkout form shows: the values to put back, a message per field, and one for the whole form. */
export type CheckoutFormState = { values: Record<string, string>; errors: FieldErrors; formError?: string };

/** The codes /checkout?error= understands, each with the store's own message (none for "retry": the cookie has them). */
const CODES: Record<string, string> = {
  retry: "Please check the form and try again.",
  "too-large": "That form was too large to send. Please check what you typed and try again.",
  unreadable: "We could not read that form. Please fill it in and try again.",
};
export type CheckoutErrorCode = "retry" | "too-large" | "unreadable";

/** The message for a code from the URL; undefined for anything the store did not write. */
export function checkoutErrorMessage(code: unknown): string | undefined {
  return typeof code === "string" && Object.hasOwn(CODES, code) ? CODES[code] : undefined;
}

/** No valid value is longer (an email is at most 254): a longer one is cut, and its message says it was too long. */
const VALUE_CLIP = 256;
/** Browsers keep about 4 KB a cookie, name and attributes included. */
const MAX_SEALED = 3_600;

const sealed = z.object({
  t: z.number(),
  values: z.record(z.string(), z.string()),
  errors: z.record(z.string(), z.string()),
  formError: z.string().optional(),
});

function key(secret: string): Buffer {
  return createHash("sha256").update(`stillpoint checkout retry\u0000${secret}`).digest();
}

function seal(payload: z.infer<typeof sealed>, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/**
 * The cookie value for a form to show again. Values are cut to 256
 * characters; if the whole still does not fit a cookie, the values of fields
 * with a message go first (they must be typed again anyway), then the rest:
 * the messages are always kept.
 */
export function sealCheckoutRetry(state: CheckoutFormState, secret: string, now = Date.now()): string {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(state.values)) values[k] = v.slice(0, VALUE_CLIP);
  const errors = Object.fromEntries(Object.entries(state.errors).filter((e): e is [string, string] => typeof e[1] === "string"));
  const payload = { t: now, values, errors, ...(state.formError ? { formError: state.formError } : {}) };
  let value = seal(payload, secret);
  if (value.length > MAX_SEALED) {
    for (const k of Object.keys(errors)) delete values[k];
    value = seal(payload, secret);
  }
  if (value.length > MAX_SEALED) value = seal({ ...payload, values: {} }, secret);
  return value;
}

/** The form state a retry cookie holds, or null when it is missing, expired, or not one the store sealed. */
export function openCheckoutRetry(value: string | undefined, secret: string, now = Date.now()): CheckoutFormState | null {
  if (!value || value.length > 8_000) return null;
  try {
    const raw = Buffer.from(value, "base64url");
    if (raw.length < 29) return null;
    const decipher = createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const parsed = sealed.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const { t, values, errors, formError } = parsed.data;
    if (t > now + 60_000 || now - t > RETRY_MAX_AGE_SECONDS * 1000) return null;
    return { values, errors: errors as FieldErrors, ...(formError ? { formError } : {}) };
  } catch {
    return null;
  }
}
