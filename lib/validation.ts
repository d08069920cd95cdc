// The one set of rules for text and ids that arrive from outside: form
// fields, URL parameters, cookie values. Every server action and every lib/
// entry point that takes text uses these, so one rule holds everywhere:
//
// - A length cap on everything, checked before anything else reads the value.
// - No control characters. PostgreSQL refuses a NUL byte in text outright (an
//   error, which was a 500), and the other C0 controls and DEL have no place in
//   a name, an address or an id. Tab and newline are allowed only where a
//   field is multi-line (a textarea); the store has none today.
// - Ids (variants, orders, addresses, tokens) are short runs of URL-safe
//   characters; anything else cannot name a row, so it is refused before any
//   query is made.
import { z } from "zod";

/** C0 controls and DEL. Multi-line text may keep tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Longest id the store makes: cuid and uuid ids, 43-character tokens, order numbers, slugs. */
export const MAX_ID_LENGTH = 64;
const ID = /^[A-Za-z0-9_-]+$/;

/** Whether `value` is text without control characters (tab and newlines too, unless multiline). */
export function isCleanText(value: unknown, { max = 1000, multiline = false }: { max?: number; multiline?: boolean } = {}): value is string {
  return typeof value === "string" && value.length <= max && !(multiline ? CONTROL_MULTILINE : CONTROL).test(value);
}

/** Whether `value` could be one of the store's ids (or slugs, tokens, order numbers). */
export function isId(value: unknown, max = MAX_ID_LENGTH): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= max && ID.test(value);
}

export const CONTROL_MESSAGE = "Remove the special characters from this field (such as invisible control characters).";

/**
 * A text field: at most `max` characters and no control characters, with a
 * message a person can act on for each. Not trimmed: chain `.trim()` where
 * surrounding spaces mean nothing. The length is checked before the
 * characters, so an oversized value is refused without scanning it all.
 */
export function text({ max, tooLong, multiline = false }: { max: number; tooLong?: string; multiline?: boolean }) {
  return z
    .string()
    .max(max, tooLong ?? `Keep this under ${max} characters.`)
    .refine((v) => !(multiline ? CONTROL_MULTILINE : CONTROL).test(v), CONTROL_MESSAGE);
}

/** An id from a form or URL: see isId. */
export function id(message = "We could not find that.", max = MAX_ID_LENGTH) {
  return z.string({ error: message }).min(1, message).max(max, message).regex(ID, message);
}

/** An email address field, trimmed (not lower-cased: callers that compare addresses do that). */
export function email({ empty = "Enter your email address.", invalid = "Enter an email address like name@example.com." } = {}) {
  return z
    .string({ error: empty })
    .max(254, "That email address is too long.")
    .refine((v) => !CONTROL.test(v), CONTROL_MESSAGE)
    .transform((v) => v.trim())
    .pipe(z.string().min(1, empty).pipe(z.email(invalid)));
}

/**
 * The named text fields of a form, as strings: a file or a missing field is
 * left out, and each value is cut to `clip` characters so that a huge value
 * is never carried further (the validators' own limits are all far below it,
 * so a cut value still fails them). Meant for echoing a form back to itself.
 */
export function formFields<K extends string>(formData: FormData, names: readonly K[], clip = 2000): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const v = formData.get(name);
    if (typeof v === "string") out[name] = v.slice(0, clip);
  }
  return out;
}

/** One text field of a form; a file, a missing field or more than `clip` characters reads as `undefined`/cut. */
export function formField(formData: FormData, name: string, clip = 2000): string | undefined {
  const v = formData.get(name);
  return typeof v === "string" ? v.slice(0, clip) : undefined;
}
