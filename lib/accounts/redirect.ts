/** Only a path on this site may be a place to return to after sign-in. */
export function safeReturnPath(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || value.length > 500) return fallback;
  return /^\/(?!\/)[^\s\\]*$/.test(value) ? value : fallback;
}
