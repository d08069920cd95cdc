// The address a request came from, for rate limits. X-Forwarded-For is a list
// the client can start with anything it likes; only the entries added by our
// own proxies can be trusted. With TRUSTED_PROXY_HOPS = n (default 1: one load
// balancer or CDN in front), the client is the n-th entry from the right. With
// 0, the store is reached directly and the header is ignored.
export function clientIpFrom(headers: { get(name: string): string | null }, hops = trustedProxyHops()): string | null {
  if (hops < 1) return null;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const fromChain = chain.length ? chain[Math.max(0, chain.length - hops)] : undefined;
  const ip = fromChain ?? headers.get("x-real-ip")?.trim() ?? null;
  return ip ? ip.slice(0, 64) : null;
}

function trustedProxyHops(): number {
  const raw = process.env.TRUSTED_PROXY_HOPS;
  const n = raw === undefined || raw === "" ? 1 : Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 1;
}
