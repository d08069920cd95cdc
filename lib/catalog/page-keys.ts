// Catalog pages are static HTML kept in the page cache (docs/decisions/0014).
// A catalog URL's query string (filters, search, the chosen variant) and the
// remembered pen decide what the page shows, and a cached page cannot read
// either. So proxy.ts turns them into one path segment, the page's *key*, and
// rewrites the request to an internal route under /cached/ whose [key] segment
// is the only input besides the slug: one cache entry per distinct page.
//
//   /products/home-kit?variant=KIT-2&utm_source=x   ->  /cached/products/home-kit/<key(variant=KIT-2)>
//   /shop/cartridges  (pen cookie "stillpoint-h1") ->  /cached/shop/cartridges/<key(savedPen=stillpoint-h1)>
//
// Only the parameters a page reads are kept (tracking parameters and Next's
// own `_rsc` do not split the cache), each once, trimmed and capped, in a
// fixed order; so two spellings of one page share an entry, and a visitor
// cannot make an entry that holds anything but catalog content. The key is
// base64url, so it is always one safe path segment.
// No "@/" imports and no Node built-ins: proxy.ts loads this too.

export const CACHED_PREFIX = "/cached";

/** An empty key (no parameters): the page as most visitors see it. */
export const EMPTY_KEY = "_";

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const PEN = /^[a-z0-9-]{1,60}$/;

/** What each kind of catalog page reads from its URL, and how long a value may be. */
const PAGE_PARAMS = {
  home: {},
  listing: { q: 100, pen: 60, config: 60, pack: 60, concern: 60, area: 60, stock: 1, sort: 30, page: 6 },
  product: { variant: 60, area: 60, concern: 60 },
  guides: {},
  guide: { version: 6, area: 60, concern: 60 },
} as const satisfies Record<string, Record<string, number>>;

export type CatalogPageKind = keyof typeof PAGE_PARAMS;

/** Pages whose content depends on the visitor's remembered pen (the listing filters by it; home preselects it). */
const READS_SAVED_PEN: ReadonlySet<CatalogPageKind> = new Set(["home", "listing"]);

type Route = { kind: CatalogPageKind; internal: string };

/** Which catalog page a public path is, and the internal route (without its key) that renders it. */
export function catalogRoute(pathname: string): Route | null {
  if (pathname === "/") return { kind: "home", internal: `${CACHED_PREFIX}/home` };
  if (pathname === "/shop") return { kind: "listing", internal: `${CACHED_PREFIX}/shop/all` };
  if (pathname === "/instructions") return { kind: "guides", internal: `${CACHED_PREFIX}/instructions/all` };
  const parts = pathname.split("/");
  // ["", "products", slug] and so on; a trailing slash or a deeper path is not a catalog page.
  if (parts.length !== 3 || !SLUG.test(parts[2]!)) return null;
  const slug = parts[2]!;
  if (parts[1] === "shop" && slug !== "all") return { kind: "listing", internal: `${CACHED_PREFIX}/shop/${slug}` };
  if (parts[1] === "products") return { kind: "product", internal: `${CACHED_PREFIX}/products/${slug}` };
  if (parts[1] === "instructions" && slug !== "all") return { kind: "guide", internal: `${CACHED_PREFIX}/instructions/${slug}` };
  return null;
}

/** The key for a page: its own parameters from the URL, plus the remembered pen where the page uses it. */
export function pageKey(kind: CatalogPageKind, search: URLSearchParams, penCookie: string | undefined): string {
  const limits: Record<string, number> = PAGE_PARAMS[kind];
  const kept: [string, string][] = [];
  for (const name of Object.keys(limits).sort()) {
    const value = firstClean(search.get(name), limits[name]!);
    if (value) kept.push([name, value]);
  }
  if (READS_SAVED_PEN.has(kind) && penCookie && PEN.test(penCookie)) kept.push(["savedPen", penCookie]);
  if (kept.length === 0) return EMPTY_KEY;
  return base64url(new URLSearchParams(kept).toString());
}

/** The parameters a key stands for, as the page reads them; an unreadable key reads as none. */
export function readPageKey(key: string): Record<string, string> {
  if (key === EMPTY_KEY || !/^[A-Za-z0-9_-]{1,2000}$/.test(key)) return {};
  try {
    return Object.fromEntries(new URLSearchParams(fromBase64url(key)));
  } catch {
    return {};
  }
}

/** Where proxy.ts sends a GET for a public catalog URL, or null when it is not one. */
export function catalogRewrite(pathname: string, search: URLSearchParams, penCookie: string | undefined): string | null {
  const route = catalogRoute(pathname);
  return route ? `${route.internal}/${pageKey(route.kind, search, penCookie)}` : null;
}

/**
 * Next.js writes the address a page was rendered for into the page (its router's initial URL),
 * and the cached page is shared by every URL with the same key. So a catalog URL carrying
 * anything the page does not read (a tracking parameter, a repeated one, text someone
 * appended) is first redirected to its canonical form: what one visitor added to their
 * address never reaches another visitor's copy. Next's own `_rsc` is left to the page cache,
 * which removes it (lib/cache/page-cache-handler.cjs). Null when the URL is canonical already.
 */
export function canonicalCatalogSearch(pathname: string, search: URLSearchParams): string | null {
  const route = catalogRoute(pathname);
  if (!route) return null;
  const limits: Record<string, number> = PAGE_PARAMS[route.kind];
  const names = [...search.keys()].filter((name) => name !== "_rsc");
  const clean = names.every((name) => Object.hasOwn(limits, name)) && new Set(names).size === names.length;
  if (clean) return null;
  const kept = new URLSearchParams();
  for (const name of Object.keys(limits)) {
    const value = search.get(name);
    if (value !== null) kept.set(name, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : "";
}

/** The internal routes are reached only through the rewrite, never by their own URL. */
export function isInternalCatalogPath(pathname: string): boolean {
  return pathname === CACHED_PREFIX || pathname.startsWith(`${CACHED_PREFIX}/`);
}

function firstClean(value: string | null, max: number): string | null {
  if (value === null) return null;
  // Control characters (a NUL, a newline) never reach a page or a key.
  const clean = value
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return clean ? clean.slice(0, max) : null;
}

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(key: string): string {
  const binary = atob(key.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
