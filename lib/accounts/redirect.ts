/** Only a path on this site may be a place to return to after sign-in. */
export function safeReturnPath(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || value.length > 500) return fallback;
  // No whitespace, backslash or control characters (a NUL in a Location header is refused downstream).
  return /^\/(?!\/)[^\s\\\u0000-\u001f\u007f]*$/.test(value) ? value : fallback;
}
