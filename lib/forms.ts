// Form validation shared by the store's forms: a required and an optional
// text field (both on lib/validation.ts's rules: capped length, no control
// characters), and zod issues turned into one message per field for the form
// to show.
import { z } from "zod";
import { text } from "@/lib/validation";

/** A required, trimmed text field: "Enter <what>." when empty, at most `max` characters, no control characters. */
export const required = (what: string, max = 120) =>
  z
    .string({ error: `Enter ${what}.` })
    .pipe(text({ max, tooLong: `Keep ${what} under ${max} characters.` }))
    .transform((v) => v.trim())
    .pipe(z.string().min(1, `Enter ${what}.`));

/** An optional, trimmed text field: empty becomes null; at most `max` characters, no control characters. */
export const optional = (max: number, tooLong = `Keep this under ${max} characters.`) =>
  text({ max, tooLong })
    .optional()
    .transform((v) => v?.trim() || null);

/** The first message for each field (the first path segment) among zod issues. */
export function fieldErrors<K extends PropertyKey>(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Partial<Record<K, string>> {
  const errors: Partial<Record<K, string>> = {};
  for (const issue of issues) {
    const key = issue.path[0] as K;
    if (key && !errors[key]) errors[key] = issue.message;
  }
  return errors;
}
