// Form validation shared by the store's forms: a required text field, and
// zod issues turned into one message per field for the form to show.
import { z } from "zod";

/** A required, trimmed text field: "Enter <what>." when empty, and at most `max` characters. */
export const required = (what: string, max = 120) =>
  z.string({ error: `Enter ${what}.` }).trim().min(1, `Enter ${what}.`).max(max, `Keep ${what} under ${max} characters.`);

/** The first message for each field (the first path segment) among zod issues. */
export function fieldErrors<K extends PropertyKey>(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Partial<Record<K, string>> {
  const errors: Partial<Record<K, string>> = {};
  for (const issue of issues) {
    const key = issue.path[0] as K;
    if (key && !errors[key]) errors[key] = issue.message;
  }
  return errors;
}
