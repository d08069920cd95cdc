// The applicant's form at /account/professional, sent without JavaScript:
// POST /account/professional/save answers with a 303 back to the page, and
// the page needs to know what happened.
//   - Saved or sent: the URL carries only a code (?saved=draft|sent); the
//     page shows the store's own sentence for it, never text from the URL.
//   - Something to fix: ?error=retry, with what was typed and a message per
//     field in a short-lived sealed cookie, as checkout does
//     (lib/checkout/retry.ts: AES-256-GCM, HttpOnly, ten minutes). The key is
//     derived for this form alone, so a checkout cookie opens nothing here.
//     Only for /account/professional.
//   - A body too large to read (a file far over the limit) or not a form:
//     ?error=too-large|unreadable, the message put against the file field.
import { openCheckoutRetry, sealCheckoutRetry } from "@/lib/checkout/retry";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_LABEL } from "./document";
import type { ApplicationErrors, ApplicationFields } from "./applications";

export const APPLY_PATH = "/account/professional";
export const APPLY_COOKIE = "professional-form";
export const APPLY_COOKIE_MAX_AGE_SECONDS = 10 * 60;

/** The form's text fields and the largest body that can be it: the document plus room for the rest. */
export const APPLY_TEXT_FIELDS = ["profession", "licenceNumber", "issuingBody", "region", "expiresOn"] as const satisfies readonly (keyof ApplicationFields)[];
export const MAX_APPLY_BODY = MAX_DOCUMENT_BYTES + 64 * 1024;

export type ApplyFormState = { values: Partial<ApplicationFields>; errors: ApplicationErrors };

const SAVED: Record<string, string> = {
  draft: "Saved. You can come back and finish it whenever you like.",
  sent: "Sent. Your application is waiting for review; we will email you when our team has looked at it.",
};

export const TOO_LARGE_FILE = `The file is larger than ${MAX_DOCUMENT_LABEL}. Upload a smaller scan or photo.`;

const ERRORS: Record<string, ApplicationErrors> = {
  "too-large": { document: TOO_LARGE_FILE, form: "Nothing was saved: the file was too large to send. Your details are as you last saved them." },
  unreadable: { form: "We could not read that form. Please fill it in and try again." },
};

/** The sentence for ?saved=, or undefined for anything the store did not write. */
export function savedNotice(code: unknown): string | undefined {
  return typeof code === "string" && Object.hasOwn(SAVED, code) ? SAVED[code] : undefined;
}

/** The messages for ?error=too-large|unreadable; undefined for anything else (retry's are in the cookie). */
export function errorForCode(code: unknown): ApplicationErrors | undefined {
  return typeof code === "string" && Object.hasOwn(ERRORS, code) ? ERRORS[code] : undefined;
}

const keyFor = (secret: string) => `${secret}\u0000professional application form`;

export function sealApplyForm(state: ApplyFormState, secret: string, now = Date.now()): string {
  const { form, ...fieldErrors } = state.errors;
  const values = Object.fromEntries(Object.entries(state.values).filter((e): e is [string, string] => typeof e[1] === "string"));
  return sealCheckoutRetry({ values, errors: fieldErrors, ...(form ? { formError: form } : {}) }, keyFor(secret), now);
}

/** What the cookie holds, or null when it is missing, expired, or not one the store sealed for this form. */
export function openApplyForm(value: string | undefined, secret: string, now = Date.now()): ApplyFormState | null {
  const opened = openCheckoutRetry(value, keyFor(secret), now);
  if (!opened) return null;
  const values: Partial<ApplicationFields> = {};
  for (const name of APPLY_TEXT_FIELDS) if (typeof opened.values[name] === "string") values[name] = opened.values[name];
  const errors: ApplicationErrors = {};
  const raw = opened.errors as Record<string, string | undefined>;
  for (const name of [...APPLY_TEXT_FIELDS, "document"] as const) if (raw[name]) errors[name] = raw[name];
  if (opened.formError) errors.form = opened.formError;
  return { values, errors };
}
