// The catalog's front cache (lib/cache/front-cache.ts) in a real HTTP server:
// it answers a plain page load of a current cached catalog page with the
// page's bytes and the headers Next.js and proxy.ts give it, and leaves
// everything else (another method, a client navigation, a URL proxy.ts would
// redirect, a miss, a failing lookup) to the server's next step untouched.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chooseEncoding, createFrontCache, frontCachePath } from "@/lib/cache/front-cache";

const HTML = "<!DOCTYPE html><html><body><h1>Home Complete Kit</h1>" + "<p>How to use it, step by step.</p>".repeat(200) + "</body></html>";

/** What the page cache holds, by internal path; and every path the front cache asked for. */
let kept: Map<string, { value: { kind: "APP_PAGE"; html: string }; lastModified: number }>;
let asked: string[];
let failLookups = false;
let server: Server;
let base: string;

beforeAll(async () => {
  const serve = createFrontCache({
    https: true,
    formTargets: [],
    freshPage: async (path) => {
      asked.push(path);
      if (failLookups) throw new Error("Redis went away");
      return kept.get(path) ?? null;
    },
  });
  server = createServer((req, res) => {
    void serve(req, res).then((served) => {
      if (served) return;
      // The next step (Next.js, in the store): marks that the request reached it.
      res.writeHead(200, { "X-Handled-By": "next" });
      res.end("from next");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  kept = new Map([["/cached/products/home-complete-kit/_", { value: { kind: "APP_PAGE", html: HTML }, lastModified: Date.now() }]]);
  asked = [];
  failLookups = false;
});

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => fetch(base + path, { method, headers, redirect: "manual" });

describe("the front cache", () => {
  it("serves a current page with its bytes, the page's security headers and the store's caching rule", async () => {
    const response = await get("/products/home-complete-kit", { "accept-encoding": "identity" });
    expect(response.headers.get("x-handled-by")).toBeNull();
    expect(await response.text()).toBe(HTML);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(HTML));
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("nonce-"); // cached pages are shared: no per-request nonce
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(response.headers.get("vary")).toMatch(/\bCookie\b/);
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]+"$/);
  });

  it("sends brotli or gzip when the browser takes it, decoding to the same page", async () => {
    for (const [accept, decode] of [
      ["gzip, deflate, br, zstd", brotliDecompressSync],
      ["gzip", gunzipSync],
    ] as const) {
      // Raw bytes: Node's fetch would decode them itself.
      const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        import("node:http").then(({ get: httpGet }) =>
          httpGet(`${base}/products/home-complete-kit`, { headers: { "accept-encoding": accept } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
          }).on("error", reject),
        );
      });
      expect(raw.encoding).toBe(accept === "gzip" ? "gzip" : "br");
      expect(raw.body.length).toBeLessThan(Buffer.byteLength(HTML) / 4);
      expect(decode(raw.body).toString("utf8")).toBe(HTML);
    }
  });

  it("answers 304 to a browser that has this version, and 200 to one that has another", async () => {
    const etag = (await get("/products/home-complete-kit")).headers.get("etag")!;
    const same = await get("/products/home-complete-kit", { "if-none-match": etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe("");
    const other = await get("/products/home-complete-kit", { "if-none-match": '"an-older-version"' });
    expect(other.status).toBe(200);
    // A new version of the page (an edit) has a new ETag.
    kept.set("/cached/products/home-complete-kit/_", { value: { kind: "APP_PAGE", html: HTML.replace("Kit", "Kit (new)") }, lastModified: Date.now() });
    const edited = await get("/products/home-complete-kit", { "if-none-match": etag });
    expect(edited.status).toBe(200);
    expect(await edited.text()).toContain("Kit (new)");
  });

  it("sends a page's Next.js scripts to start after the first paint, with the ETag and length of what it sends", async () => {
    const withScripts = HTML.replace("<html><body>", '<html><head><script src="/_next/static/chunks/react-dom.js" async=""></script></head><body>');
    kept.set("/cached/products/home-complete-kit/_", { value: { kind: "APP_PAGE", html: withScripts }, lastModified: Date.now() });
    const response = await get("/products/home-complete-kit", { "accept-encoding": "identity" });
    const sent = await response.text();
    expect(sent).not.toContain('<script src="/_next/static/chunks/react-dom.js" async="">');
    expect(sent).toMatch(/requestAnimationFrame[\s\S]*\["\/_next\/static\/chunks\/react-dom\.js"\]\)<\/script><\/body>/);
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(sent));
    const again = await get("/products/home-complete-kit", { "if-none-match": response.headers.get("etag")! });
    expect(again.status).toBe(304);
  });

  it("answers HEAD with the headers only", async () => {
    const response = await get("/products/home-complete-kit", { "accept-encoding": "identity" }, "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-handled-by")).toBeNull();
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(HTML));
  });

  it("leaves to Next.js what it must decide itself", async () => {
    const cases: [string, Record<string, string>, string][] = [
      ["/products/home-complete-kit", {}, "POST"], // a form post
      ["/products/home-complete-kit", { rsc: "1" }, "GET"], // a client navigation wants the RSC payload
      ["/products/home-complete-kit", { "next-router-prefetch": "1" }, "GET"],
      ["/products/home-complete-kit?utm_source=mail", {}, "GET"], // proxy.ts redirects it to its canonical form
      ["/products/home-complete-kit?_rsc=abc", {}, "GET"],
      ["/cached/products/home-complete-kit/_", {}, "GET"], // internal routes answer 404 through Next.js
      ["/cart", {}, "GET"], // not a catalog page
      ["/products/Home-Complete-Kit", {}, "GET"],
      ["/products/balance-16-cartridge", {}, "GET"], // a catalog page not in the cache: Next.js renders it
    ];
    for (const [path, headers, method] of cases) {
      const response = await get(path, headers, method);
      expect(response.headers.get("x-handled-by"), `${method} ${path} ${JSON.stringify(headers)}`).toBe("next");
    }
    failLookups = true;
    expect((await get("/products/home-complete-kit")).headers.get("x-handled-by")).toBe("next");
  });

  it("looks up the page a visitor's pen chooses, where the page reads it, and nothing for an ambiguous cookie", async () => {
    await get("/shop/cartridges", { cookie: "theme=x; pen=stillpoint-h1" });
    await get("/products/home-complete-kit", { cookie: "pen=stillpoint-h1" });
    expect(asked[0]).toMatch(/^\/cached\/shop\/cartridges\/(?!_$)/); // a key holding the pen
    expect(asked[1]).toBe("/cached/products/home-complete-kit/_"); // product pages do not read it
    expect(frontCachePath({ method: "GET", url: "/shop/cartridges", headers: { cookie: "pen=a; pen=b" } })).toBeNull();
    expect(frontCachePath({ method: "GET", url: "/shop/cartridges", headers: { cookie: "pen=stillpoint-h1" } })).toBe(asked[0]);
  });
});

describe("choosing an encoding", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("br;q=0, gzip")).toBe("gzip");
    expect(chooseEncoding("gzip;q=0")).toBe("identity");
    expect(chooseEncoding(undefined)).toBe("identity");
  });
});
