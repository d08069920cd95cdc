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
import { formTargetsFromEnv, makeNonce, securityHeaders, usesNonce } from "@/lib/security-headers";

export function proxy(request: NextRequest) {
  const nonce = usesNonce(request.nextUrl.pathname) ? makeNonce() : null;
  const headers = securityHeaders({
    nonce,
    https: storeConfig().https,
    dev: process.env.NODE_ENV === "development",
    formTargets: formTargetsFromEnv(process.env),
  });
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
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Build output (hashed JS and CSS) needs no policy of its own; everything
  // else, public/ files included (an SVG opened directly is a document), does.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
