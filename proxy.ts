// Security headers on every page and route (Next 16's "proxy", formerly
// middleware). Per-person paths get a fresh nonce: Next.js reads it from the
// request's Content-Security-Policy header while rendering and puts it on
// every script it writes. Other paths get the nonce-free policy, because
// their HTML may have been written at build time (see lib/security-headers.ts
// and docs/decisions/0005-content-security-policy.md).
//
// This is headers only: it decides nothing about who may see what; that is
// checked in lib/ where data is read.
import { NextResponse, type NextRequest } from "next/server";
import { config as storeConfig } from "@/lib/config";
import { formTargetsFromEnv, makeNonce, securityHeaders, uploadedFilePolicy, usesNonce } from "@/lib/security-headers";
import { canonicalCatalogSearch, catalogRewrite, isInternalCatalogPath } from "@/lib/catalog/page-keys";
import { PEN_COOKIE } from "@/lib/catalog/pen-cookie";

export function proxy(request: NextRequest) {
  // An uploaded file (a licence copy) is served under a policy that lets it run nothing; it renders no scripts to nonce.
  const uploadedFile = uploadedFilePolicy(request.nextUrl.pathname);
  const nonce = !uploadedFile && usesNonce(request.nextUrl.pathname) ? makeNonce() : null;
  const headers = securityHeaders({
    nonce,
    https: storeConfig().https,
    dev: process.env.NODE_ENV === "development",
    formTargets: formTargetsFromEnv(process.env),
  });
  // An uploaded licence copy gets the policy that lets it do nothing but show itself
  // (the route's own header would be overwritten by this one, so it is set here).
  if (uploadedFile) headers["Content-Security-Policy"] = uploadedFile;
  const csp = headers["Content-Security-Policy"]!;

  const requestHeaders = new Headers(request.headers);
  // Next.js takes the nonce from this request header: a client's own copy
  // must never reach it, on any path.
  requestHeaders.delete("content-security-policy");
  requestHeaders.delete("x-nonce");
  if (nonce) {
    requestHeaders.set("content-security-policy", csp);
    requestHeaders.set("x-nonce", nonce);
  }
  const response = routeCatalog(request, requestHeaders) ?? NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

const REWRITE_MARK = "x-store-catalog-rewrite";
const rewriteMark = makeNonce();

/**
 * Catalog pages are kept as static HTML under /cached/… (lib/catalog/page-keys.ts,
 * docs/decisions/0014). A GET for a public catalog URL is rewritten to its
 * cached page; the internal URLs themselves answer 404 like any missing page.
 */
function routeCatalog(request: NextRequest, requestHeaders: Headers): NextResponse | null {
  const { pathname, searchParams } = request.nextUrl;
  if (isInternalCatalogPath(pathname)) {
    // Next.js runs the proxy again for the rewritten request: that one carries
    // this process's mark; a client's own request for /cached/… cannot.
    if (request.headers.get(REWRITE_MARK) === rewriteMark) return null;
    return NextResponse.rewrite(new URL("/not-found", request.url), { request: { headers: requestHeaders } });
  }
  requestHeaders.delete(REWRITE_MARK);
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const canonical = canonicalCatalogSearch(pathname, searchParams);
  if (canonical !== null) {
    const to = request.nextUrl.clone();
    to.search = canonical;
    return NextResponse.redirect(to, 308);
  }
  const target = catalogRewrite(pathname, searchParams, request.cookies.get(PEN_COOKIE)?.value);
  if (!target) return null;
  requestHeaders.set(REWRITE_MARK, rewriteMark);
  const response = NextResponse.rewrite(new URL(target, request.url), { request: { headers: requestHeaders } });
  // The page is shared by everyone with the same URL and pen, so a shared
  // cache (a CDN) must not keep it: it would skip the pen cookie and miss edits.
  response.headers.set("Cache-Control", "public, max-age=0, must-revalidate");
  response.headers.set("Vary", "Cookie");
  return response;
}

export const config = {
  // Build output (hashed JS and CSS) needs no policy of its own; everything
  // else, public/ files included (an SVG opened directly is a document), does.
  // One exception: a product's booklet PDF (/products/<slug>/booklet.pdf) sets
  // its own headers (lib/guides/booklet-response.ts: the document policy, and
  // HSTS over https). It is a file, not a page: this proxy would only add the
  // page policy to it, and the trip through here was a quarter of what a
  // repeat download cost (docs/performance.md). Every other path passes here.
  matcher: ["/((?!_next/static|_next/image|products/[^/]+/booklet\\.pdf$).*)"],
};
