// Security headers and the error trail, seen from outside: a per-person page
// runs only scripts with this request's nonce, other pages keep a policy that
// pins origins, the demo outbox still shows mail inside its sandboxed frame,
// and a server error reaches the browser as an error id only while the
// server's JSON log line holds that id, the request id and the stack.
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import type { Page } from "@playwright/test";
import { DOCUMENT_POLICY } from "@/lib/security-headers";
import { freePort, startStore } from "../support/store-server";
import { expect, openSignInMail, test } from "./fixtures";

function scriptSrc(policy: string): string[] {
  const directive = policy
    .split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith("script-src "));
  return directive!.split(/\s+/).slice(1);
}

/** Waits until Next.js's client has started on the page: its scripts ran. */
async function hydrated(page: Page) {
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version))).toBe(true);
}

test("a per-person page allows only scripts carrying this request's nonce, and every one of its scripts carries it", async ({ page }) => {
  const response = (await page.goto("/cart"))!;
  const policy = response.headers()["content-security-policy"]!;
  const sources = scriptSrc(policy);
  const nonce = sources.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, policy).toBeTruthy();
  expect(sources).toContain("'strict-dynamic'");
  expect(sources).not.toContain("'unsafe-inline'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");

  // Every script tag the server wrote has the nonce (inline flight data and chunks alike)...
  const html = await response.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  // ...and the browser ran them: the client started, with no CSP report in the console (fixtures.ts).
  await hydrated(page);
  expect(await page.evaluate(() => Array.from(document.scripts).map((s) => s.nonce))).toEqual(tags.map(() => nonce));

  // A new request, a new nonce.
  const again = (await page.goto("/cart"))!.headers()["content-security-policy"]!;
  expect(again).not.toContain(`'nonce-${nonce}'`);
  await hydrated(page);
});

test("a page that may be prerendered gets a policy without a nonce that still pins origins, and no HSTS over http", async ({ page }) => {
  const response = (await page.goto("/instructions"))!;
  const headers = response.headers();
  const policy = headers["content-security-policy"]!;
  expect(policy).not.toContain("nonce-");
  expect(scriptSrc(policy)).toEqual(["'self'", "'unsafe-inline'"]);
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(policy).toContain(directive);
  }
  expect(headers).not.toHaveProperty("strict-transport-security");
  await hydrated(page);
});

test("the product booklet, which proxy.ts does not see, sends the document policy itself; the paths beside it keep the page policy", async ({ request }) => {
  const booklet = await request.get("/products/home-complete-kit/booklet.pdf");
  expect(booklet.status()).toBe(200);
  expect(booklet.headers()["content-type"]).toBe("application/pdf");
  expect(booklet.headers()["content-security-policy"]).toBe(DOCUMENT_POLICY);
  expect(booklet.headers()["x-content-type-options"]).toBe("nosniff");
  // The proxy's matcher leaves out exactly that file: the booklet's page and a longer name still pass through it.
  for (const path of ["/products/home-complete-kit/booklet", "/products/home-complete-kit/booklet.pdfx"]) {
    const policy = (await request.get(path)).headers()["content-security-policy"]!;
    expect(policy, path).toContain("default-src 'self'");
    expect(policy, path).not.toBe(DOCUMENT_POLICY);
  }
});

test("the demo outbox still shows a mail's HTML in its sandboxed frame under the policy", async ({ page }) => {
  const email = `csp-${Date.now()}@example.com`;
  await openSignInMail(page, email);
  await expect(page.frameLocator('iframe[title="Email body"]').locator("body")).toContainText("Sign in");
  await hydrated(page);
});

test.describe("a server error", () => {
  // A second store on the same build whose database cannot be reached: every
  // page that reads the catalog fails, as it would in a real outage.
  let server: ChildProcess;
  let output = () => "";
  let port = 0;

  test.beforeAll(async () => {
    port = await freePort();
    const store = startStore(port, { DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:1/unreachable" });
    server = store.child;
    output = store.output;
    for (let i = 0; i < 120 && !output().includes('"msg":"listening on'); i++) await new Promise((r) => setTimeout(r, 250));
    expect(output(), "the second server started").toContain('"msg":"listening on');
  });

  test.afterAll(async () => {
    server.kill("SIGTERM");
    await once(server, "exit");
  });

  test("shows the browser only an error id, and logs that id with the request id and the stack as JSON", async ({ browser }) => {
    test.setTimeout(60_000);
    // A visitor with a cart: their cart page must read the database (one without a cart is answered without it).
    const cartToken = "a".repeat(43);
    const response = await fetch(`http://127.0.0.1:${port}/cart`, { headers: { cookie: `cart=${cartToken}` } });
    expect(response.status).toBe(500);
    const requestId = response.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const body = await response.text();
    const digest = body.match(/digest\\?":\\?"([^"\\]+)/)?.[1];
    expect(digest, "the error id in the page").toBeTruthy();
    // Nothing of the error itself: not its message, nor a stack frame or file.
    for (const secret of ["Can't reach database", "prisma", "PrismaClient", "127.0.0.1:1", ".next/server", "node_modules", "    at "]) {
      expect(body).not.toContain(secret);
    }

    // The log: JSON lines only, one of them the error with both ids and the stack.
    // The error line is written while the page renders, the access line when the answer has gone: wait for both.
    const logged = (msg: string) =>
      output()
        .split("\n")
        .some((l) => l.includes(`"msg":"${msg}"`) && l.includes(requestId));
    await expect.poll(() => logged("request failed") && logged("request")).toBe(true);
    const lines = output().split("\n").filter(Boolean);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const error = entries.find((e) => e.msg === "request failed" && e.requestId === requestId);
    expect(error, output()).toMatchObject({ level: "error", digest, method: "GET", path: "/cart", requestId });
    expect(typeof error!.time).toBe("string");
    const err = error!.err as { message: string; stack: string };
    expect(err.message).toContain("Can't reach database");
    expect(err.stack).toMatch(/\n\s+at /);
    // ...and the access line for the same request.
    expect(entries.find((e) => e.msg === "request" && e.requestId === requestId)).toMatchObject({ status: 500, method: "GET", path: "/cart" });

    // In a browser the calm page shows the same id.
    // A page of its own: the 500 it loads is the point here, not a console error to fail on.
    const context = await browser.newContext();
    try {
      await context.addCookies([{ name: "cart", value: cartToken, url: `http://127.0.0.1:${port}` }]);
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/cart`);
      await expect(page.getByTestId("error-id")).toContainText(digest!);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Something went wrong on our side");
      await expect(page.locator("body")).not.toContainText("database");
    } finally {
      await context.close();
    }
  });
});
