// Who is asking: the client address for rate limits and whether a request
// comes from this very machine (the demo outbox), decided from the socket.
//
// scripts/serve.ts (the store's web server) strips any client-sent copy of
// the headers below and sets them from the socket before Next.js sees the
// request. Anything else serving the app (a bare `next start`) has no such
// guarantee, so without the server's mark these functions answer "unknown"
// and "not this machine": a header's word is never taken.
// No "@/" imports: scripts/serve.ts loads this file outside the Next.js build.

export const PEER_HEADER = "x-store-peer";
export const CLIENT_IP_HEADER = "x-store-client-ip";
export const REQUEST_ID_HEADER = "x-request-id";

type HeaderBag = { get(name: string): string | null };

const MARK = Symbol.for("stillpoint.trusted-server");

/** Called once by scripts/serve.ts: the request headers above are the server's own. */
export function markTrustedServer(): void {
  (globalThis as Record<symbol, unknown>)[MARK] = true;
}

function behindTrustedServer(): boolean {
  return (globalThis as Record<symbol, unknown>)[MARK] === true;
}

/**
 * The client's address. With no proxy (hops = 0) it is the socket's peer.
 * With n proxies in front, each appends the address it saw to
 * X-Forwarded-For, so the client is the n-th entry from the right; whatever a
 * client wrote itself stands further left and is never read.
 */
export function clientAddress(peer: string, forwardedFor: string | string[] | undefined, hops: number): string | null {
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  chain.push(peer);
  const ip = chain[Math.max(0, chain.length - 1 - hops)]?.replace(/^::ffff:/, "") ?? "";
  // An address is short and plain; anything else is not one.
  return /^[0-9A-Fa-f:.]{2,45}$/.test(ip) ? ip : null;
}

/** The client's address for a rate limit, or null when it cannot be known. */
export function requestClientIp(headers: HeaderBag): string | null {
  if (!behindTrustedServer()) return null;
  return headers.get(CLIENT_IP_HEADER);
}

export function isLoopback(address: string): boolean {
  const a = address.replace(/^::ffff:/, "");
  return a === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** True only when the socket's peer is this machine, as the store's own server saw it. */
export function requestIsFromThisMachine(headers: HeaderBag): boolean {
  if (!behindTrustedServer()) return false;
  const peer = headers.get(PEER_HEADER);
  return peer !== null && isLoopback(peer);
}

/** The id the server gave this request, for log lines and the error page. */
export function requestId(headers: HeaderBag): string | null {
  return behindTrustedServer() ? headers.get(REQUEST_ID_HEADER) : null;
}
