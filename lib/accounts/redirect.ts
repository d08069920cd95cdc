/** Only a path on this site may be a place to return to after sign-in. */
export function safeReturnPath(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || value.length > 500) return fallback;
  // No whitespace, backslash or control characters (a NUL in a Location header is refused downstream).
  return /^\/(?!\/)[^\s\\\u0000-\u001f\u007f]*$/.test(value) ? value : fallback;
}

/**
 * Auth.js refuses a `callbackUrl` (in the query, or its callback-url cookie)
 * that does not parse as an http(s) address, but with a 500 "server
 * configuration" answer. It is the client's input, so the auth route answers
 * 400 before Auth.js sees it.
 */
export function authCallbackUrlProblem(request: { nextUrl: URL; cookies: { get(name: string): { value: string } | undefined } }): boolean {
  const values = [
    request.nextUrl.searchParams.get("callbackUrl"),
    request.cookies.get("authjs.callback-url")?.value,
    request.cookies.get("__Secure-authjs.callback-url")?.value,
  ];
  return values.some((v) => v !== null && v !== undefined && !isHttpAddress(v, request.nextUrl.origin));
}

function isHttpAddress(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}
