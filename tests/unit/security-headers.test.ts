import { afterEach, describe, expect, it, vi } from "vitest";
import { ResponseCookies } from "next/dist/server/web/spec-extension/cookies";
import { NextRequest } from "next/server";
import { PEN_COOKIE, PEN_COOKIE_OPTIONS } from "@/lib/catalog/pen-preference";
import {
  DOCUMENT_POLICY,
  HSTS_VALUE,
  contentSecurityPolicy,
  uploadedFilePolicy,
  formTargetsFromEnv,
  makeNonce,
  securityHeaders,
  usesNonce,
} from "@/lib/security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("security headers", () => {
  it("sends HSTS for two years with subdomains when the site is https", () => {
    expect(securityHeaders({ nonce: null, https: true })["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(HSTS_VALUE).toBe("max-age=63072000; includeSubDomains");
  });

  it("sends no HSTS over plain http (the demo on localhost)", () => {
    expect(securityHeaders({ nonce: null, https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ nonce: "abc", https: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("lets scripts run on per-person pages only with the request's nonce, and what they load", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "bm9uY2U=", https: true }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("keeps inline scripts on pages that may be prerendered, but pins every origin", () => {
    const policy = directives(contentSecurityPolicy({ nonce: null, https: true }));
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("script-src")!.join(" ")).not.toContain("nonce-");
  });

  it.each([null, "bm9uY2U="])("pins origins, objects, base, forms and framing (nonce %s)", (nonce) => {
    const policy = directives(contentSecurityPolicy({ nonce, https: false }));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("upgrades insecure requests only over https, and allows eval only in development", () => {
    expect(directives(contentSecurityPolicy({ nonce: null, https: true })).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(contentSecurityPolicy({ nonce: null, https: false })).has("upgrade-insecure-requests")).toBe(false);
    expect(contentSecurityPolicy({ nonce: "n", https: false })).not.toContain("unsafe-eval");
    expect(directives(contentSecurityPolicy({ nonce: "n", https: false, dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("lets a form redirect to Stripe Checkout or an OAuth provider only when that service is configured", () => {
    expect(formTargetsFromEnv({})).toEqual([]);
    expect(formTargetsFromEnv({ STRIPE_SECRET_KEY: "sk_live_x", AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" })).toEqual([
      "https://checkout.stripe.com",
      "https://github.com",
    ]);
    const policy = directives(contentSecurityPolicy({ nonce: null, https: true, formTargets: ["https://checkout.stripe.com"] }));
    expect(policy.get("form-action")).toEqual(["'self'", "https://checkout.stripe.com"]);
  });

  it("uses the nonce policy on per-person paths and nowhere else", () => {
    for (const path of [
      "/cart",
      "/checkout",
      "/pay/demo/t",
      "/orders/t",
      "/track",
      "/track/t",
      "/account/orders/1",
      "/signin",
      "/signin/check-email",
      "/outbox",
      "/admin",
      "/api/auth/session",
    ]) {
      expect(usesNonce(path), path).toBe(true);
    }
    for (const path of [
      "/",
      "/shop",
      "/shop/cartridges",
      "/products/x",
      "/instructions",
      "/robots.txt",
      "/sitemap.xml",
      "/cartridges",
      "/accounting",
      "/apis",
    ]) {
      expect(usesNonce(path), path).toBe(false);
    }
  });

  it("makes a new unguessable nonce every time", () => {
    const a = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(makeNonce()).not.toBe(a);
  });
});

describe("cookies the store sets", () => {
  afterEach(() => vi.unstubAllEnvs());

  function setCookieHeader(options: object): string {
    // Next.js's own cookie jar, as cookies().set uses it.
    const headers = new Headers();
    new ResponseCookies(headers).set(PEN_COOKIE, "aurora-pen", options);
    return headers.get("set-cookie")!;
  }

  it("sets the pen cookie Secure when the site is https", () => {
    vi.stubEnv("SITE_URL", "https://shop.example.com");
    expect(PEN_COOKIE_OPTIONS.secure).toBe(true);
    expect(setCookieHeader(PEN_COOKIE_OPTIONS)).toMatch(/;\s*Secure/i);
  });

  it("sets the pen cookie without Secure over plain http (the demo), HttpOnly either way", () => {
    vi.stubEnv("SITE_URL", "http://localhost:3000");
    expect(PEN_COOKIE_OPTIONS.secure).toBe(false);
    const header = setCookieHeader(PEN_COOKIE_OPTIONS);
    expect(header).not.toMatch(/Secure/i);
    expect(header).toMatch(/HttpOnly/i);
  });
});

describe("proxy.ts", () => {
  afterEach(() => vi.unstubAllEnvs());

  // NextResponse.next({ request }) hands the rewritten request headers to
  // Next.js as x-middleware-request-<name>; that is what the page renders with.
  const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

  it("gives a per-person page's render the same fresh nonce the browser is told to trust", async () => {
    const { proxy } = await import("@/proxy");
    const response = proxy(new NextRequest("http://127.0.0.1/cart"));
    const policy = response.headers.get("content-security-policy")!;
    const nonce = forwarded(response, "x-nonce")!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(policy).toContain(`'nonce-${nonce}'`);
    expect(forwarded(response, "content-security-policy")).toBe(policy);
    expect(response.headers.has("strict-transport-security")).toBe(false);
  });

  it("never lets a client's own Content-Security-Policy or x-nonce request header reach the render", async () => {
    const { proxy } = await import("@/proxy");
    const sent = { accept: "text/html", "content-security-policy": "script-src 'nonce-chosen-by-client'", "x-nonce": "chosen-by-client" };
    const catalog = proxy(new NextRequest("http://127.0.0.1/shop", { headers: sent }));
    // The render gets exactly the headers listed here (the rest are dropped):
    // without a rewrite, the client's headers would pass through untouched.
    const kept = catalog.headers.get("x-middleware-override-headers")?.split(",");
    expect(kept).toContain("accept");
    expect(kept).not.toContain("content-security-policy");
    expect(kept).not.toContain("x-nonce");
    expect(forwarded(catalog, "content-security-policy")).toBeNull();
    expect(forwarded(catalog, "x-nonce")).toBeNull();
    expect(catalog.headers.get("content-security-policy")).not.toContain("nonce-");
    const cart = proxy(new NextRequest("http://127.0.0.1/cart", { headers: sent }));
    expect(forwarded(cart, "x-nonce")).not.toBe("chosen-by-client");
  });

  it("serves uploaded files (licence copies) under a policy that lets them run and load nothing, and only those paths", async () => {
    const { proxy } = await import("@/proxy");
    for (const [path, policy] of [
      ["/account/professional/document", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox"],
      ["/admin/professionals/clx0abc123/document", DOCUMENT_POLICY],
    ]) {
      const response = proxy(new NextRequest(`http://127.0.0.1${path}`));
      expect(response.headers.get("content-security-policy"), path).toBe(policy);
      expect(forwarded(response, "x-nonce"), path).toBeNull();
    }
    for (const path of [
      "/account/professional",
      "/account/professional/document/x",
      "/admin/professionals/a/b/document",
      "/admin/professionals/x/document.html",
    ]) {
      expect(proxy(new NextRequest(`http://127.0.0.1${path}`)).headers.get("content-security-policy"), path).toMatch(
        /^default-src 'self'; script-src 'self' 'nonce-/,
      );
    }
  });

  it("adds HSTS when the site is https", async () => {
    vi.stubEnv("SITE_URL", "https://shop.example.com");
    const { proxy } = await import("@/proxy");
    expect(proxy(new NextRequest("http://127.0.0.1/")).headers.get("strict-transport-security")).toBe(HSTS_VALUE);
  });

  it("gives an uploaded licence copy a policy that loads and runs nothing, and only that route", async () => {
    const { proxy } = await import("@/proxy");
    const copy = proxy(new NextRequest("http://127.0.0.1/admin/professionals/abc123/document")).headers.get("content-security-policy")!;
    expect(copy).toBe(DOCUMENT_POLICY);
    expect(directives(copy).get("default-src")).toEqual(["'none'"]);
    expect(copy).not.toContain("script-src");
    for (const path of ["/admin/professionals/abc123", "/admin/professionals", "/admin/professionals/abc123/document/more"]) {
      expect(uploadedFilePolicy(path), path).toBeNull();
      expect(proxy(new NextRequest(`http://127.0.0.1${path}`)).headers.get("content-security-policy"), path).toContain("'strict-dynamic'");
    }
  });
});
