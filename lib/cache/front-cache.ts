// The catalog's front cache: a repeat request for a catalog page that the page
// cache holds, current, is answered by scripts/serve.ts straight from that
// entry, before Next.js routes it (docs/decisions/0017).
//
// Why: a cached page still costs Next.js its whole request pipeline (the
// proxy, routing, an incremental-cache object per request, an ETag hashed in
// JavaScript over 100 kB, gzip on every response). Here the page is the same
// entry Next.js would send, looked up through the same handler (so an edit,
// a stock band change or a guide publication outdates it exactly as it does
// for Next.js, on every instance), with its ETag and compressed bodies made
// once per entry.
//
// What it never does: decide anything Next.js would decide differently. It
// answers only a plain GET or HEAD of a public catalog URL already in its
// canonical form (lib/catalog/page-keys.ts; other URLs get their redirect
// from proxy.ts), that is not a client navigation (RSC) or action, whose
// page is in the cache, a whole 200 page, not outdated and not due for
// revalidation. Anything else (a miss, a stale page, an error here) goes to
// Next.js, which renders or revalidates as before and teaches the cache the
// page's key.
//
// The headers are those Next.js and proxy.ts give a catalog page: the base
// headers, the nonce-free Content-Security-Policy (catalog pages may be
// prerendered, so they carry no nonce), and the store's caching rule.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { brotliCompress, constants as zlibConstants, gzip } from "node:zlib";
import { deferPageScripts } from "./defer-scripts";
import { canonicalCatalogSearch, catalogRewrite } from "../catalog/page-keys";
import { PEN_COOKIE } from "../catalog/pen-cookie";
import { BASE_HEADERS } from "../http/base-headers.js";
import { securityHeaders } from "../security-headers";

type PageEntry = { value: { kind: "APP_PAGE"; html: string }; lastModified: number };
type Handler = { freshPage(path: string): Promise<PageEntry | null> };

const handler = createRequire(import.meta.url)("./page-cache-handler.cjs") as Handler;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Requests Next.js answers differently from a plain page load: client navigations, prefetches, server actions. */
const NEXT_REQUEST_HEADERS = [
  "rsc",
  "next-router-prefetch",
  "next-router-state-tree",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
  "x-prerender-revalidate",
];

/** Next.js's own Vary for a page, plus Cookie: listings and home differ by the remembered pen. */
const VARY = "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding, Cookie";

type Encoding = "br" | "gzip" | "identity";

/** One entry's bytes, made once: the ETag (a hash of the HTML) and each encoding when first asked for. */
type Prepared = { etag: string; bodies: Map<Encoding, Promise<Buffer>> };

export type FrontCacheOptions = {
  /** The site is served over https (settings): adds HSTS, as proxy.ts does. */
  https: boolean;
  /** Where forms may go off the site (lib/security-headers.ts formTargetsFromEnv). */
  formTargets: string[];
  /** The page cache lookup; the handler's own by default (tests pass their own). */
  freshPage?: (path: string) => Promise<PageEntry | null>;
};

/** Which encoding to send: brotli, then gzip, when the client accepts it (q=0 refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return "identity";
}

/** The pen cookie's value as Next.js reads it, or undefined; "ambiguous" when sent twice (then Next.js decides). */
function penCookie(header: string | undefined): string | undefined | "ambiguous" {
  if (!header) return undefined;
  let found: string | undefined;
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq < 0 || pair.slice(0, eq).trim() !== PEN_COOKIE) continue;
    if (found !== undefined) return "ambiguous";
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      found = decodeURIComponent(value);
    } catch {
      found = value;
    }
  }
  return found;
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/** The internal page path a request would be rewritten to, or null when the front cache must leave it to Next.js. */
export function frontCachePath(req: Pick<IncomingMessage, "method" | "url" | "headers">): string | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (NEXT_REQUEST_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://store.invalid");
  } catch {
    return null;
  }
  if (canonicalCatalogSearch(url.pathname, url.searchParams) !== null) return null;
  // A client navigation's cache buster: Next.js strips it from what it keeps, and answers it itself.
  if (url.searchParams.has("_rsc")) return null;
  const pen = penCookie(req.headers.cookie);
  if (pen === "ambiguous") return null;
  return catalogRewrite(url.pathname, url.searchParams, pen);
}

/**
 * Makes the front cache: `serve(req, res)` answers and resolves true when
 * the page came from the cache, or resolves false having written nothing.
 */
export function createFrontCache(options: FrontCacheOptions) {
  const freshPage = options.freshPage ?? ((path: string) => handler.freshPage(path));
  const prepared = new WeakMap<object, Prepared>();
  const fixedHeaders: Record<string, string> = {
    ...Object.fromEntries(BASE_HEADERS.map(({ key, value }) => [key, value])),
    ...securityHeaders({ nonce: null, https: options.https, dev: false, formTargets: options.formTargets }),
    "Cache-Control": "public, max-age=0, must-revalidate",
    Vary: VARY,
  };

  function prepare(entry: PageEntry): Prepared {
    let p = prepared.get(entry.value);
    if (!p) {
      // Its scripts start after the first paint (decision 0021); the ETag is of the bytes sent.
      const html = Buffer.from(deferPageScripts(entry.value.html), "utf8");
      const etag = `"${createHash("sha256").update(html).digest("base64url").slice(0, 27)}"`;
      p = { etag, bodies: new Map([["identity", Promise.resolve(html)]]) };
      prepared.set(entry.value, p);
    }
    return p;
  }

  function body(p: Prepared, encoding: Encoding): Promise<Buffer> {
    let made = p.bodies.get(encoding);
    if (!made) {
      const html = p.bodies.get("identity")!;
      made =
        encoding === "br"
          ? html.then((b) => brotli(b, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: b.length } }))
          : html.then((b) => gzipAsync(b, { level: 6 }));
      // Compressed in the thread pool, once per entry; a failure is forgotten and tried again.
      made.catch(() => p.bodies.delete(encoding));
      p.bodies.set(encoding, made);
    }
    return made;
  }

  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = frontCachePath(req);
    if (!path) return false;
    let entry: PageEntry | null;
    try {
      entry = await freshPage(path);
    } catch {
      return false;
    }
    if (!entry || res.headersSent) return false;
    const p = prepare(entry);
    const headers: Record<string, string | number> = { ...fixedHeaders, ETag: p.etag, "x-nextjs-cache": "HIT" };
    if (matchesEtag(req.headers["if-none-match"], p.etag)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    const encoding = chooseEncoding(req.headers["accept-encoding"] as string | undefined);
    let bytes: Buffer;
    try {
      bytes = await body(p, encoding);
    } catch {
      return false;
    }
    if (res.headersSent || res.destroyed) return true;
    headers["Content-Type"] = "text/html; charset=utf-8";
    headers["Content-Length"] = bytes.length;
    if (encoding !== "identity") headers["Content-Encoding"] = encoding;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : bytes);
    return true;
  };
}
