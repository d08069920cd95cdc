// An attacker owns every header a request carries. These tests send forged
// Host, X-Forwarded-Host, X-Forwarded-For and the store server's own header
// names, and check that (1) every link a sign-in mail carries starts with the
// configured public origin, (2) the sign-in link limit holds on Auth.js's own
// endpoint as on the form, (3) rate limits count the socket's peer, not a
// client-chosen X-Forwarded-For, and (4) the demo outbox answers only this
// machine.
//
// They run in the last project: they use up the rate-limit buckets of
// 127.0.0.1, which every other test also comes from.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { testDb } from "../support/db";
import { expect, test } from "./fixtures";

const port = Number(process.env.E2E_PORT ?? 3100);
const origin = `http://127.0.0.1:${port}`;
const outboxDir = path.join(process.cwd(), ".data", "outbox");

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A request with exactly the headers given, Host included (fetch would not allow that). */
function raw(target: { host: string; port: number }, method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.host,
        port: target.port,
        method,
        path: pathname,
        headers: { ...headers, ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

function mailsTo(email: string): { text: string; html: string }[] {
  let names: string[] = [];
  try {
    names = readdirSync(outboxDir).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  return names
    .map((n) => JSON.parse(readFileSync(path.join(outboxDir, n), "utf8")) as { to: string; text: string; html: string })
    .filter((m) => m.to === email);
}

/** Asks Auth.js's own endpoint for a sign-in link, as a script would: csrf first, then the POST. */
async function askAuthJsForLink(email: string, headers: Record<string, string> = {}): Promise<number> {
  const me = { host: "127.0.0.1", port };
  const csrf = await raw(me, "GET", "/api/auth/csrf", { ...headers });
  const cookie = ([] as string[])
    .concat(csrf.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const form = new URLSearchParams({ email, csrfToken: token, callbackUrl: "http://evil.example/steal" }).toString();
  const answer = await raw(me, "POST", "/api/auth/signin/nodemailer", { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" }, form);
  return answer.status;
}

async function resetAddressLimits(scope: string) {
  const prisma = testDb(1);
  try {
    await prisma.rateLimitBucket.deleteMany({ where: { key: { startsWith: `${scope}:ip:` } } });
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * The limits count in fixed 15-minute windows aligned to the clock: a run that
 * straddled a window's end would see its count start again. Start each
 * counting test at least 40 s before the next window.
 */
async function awayFromWindowEdge() {
  const windowMs = 15 * 60_000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < 40_000) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}

async function waitForMails(email: string, count: number) {
  await expect.poll(() => mailsTo(email).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
}

test.describe.configure({ mode: "serial" });

test("a sign-in asked for with a forged Host or X-Forwarded-Host mails links on the configured origin only", async ({ page }) => {
  await resetAddressLimits("sign-in");
  const forged = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

  const viaAuthJs = `forged-authjs-${Date.now()}@example.com`;
  expect(await askAuthJsForLink(viaAuthJs, forged)).toBeLessThan(500);

  const viaForm = `forged-form-${Date.now()}@example.com`;
  await page.setExtraHTTPHeaders({ "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
  await page.goto("/signin");
  await page.getByLabel("Email").fill(viaForm);
  await page.getByRole("button", { name: /email me a sign-in link/i }).click();
  await expect(page).toHaveURL(/\/signin\/check-email/);

  for (const email of [viaAuthJs, viaForm]) {
    await waitForMails(email, 1);
    const [mail] = mailsTo(email);
    const links = [...mail!.text.matchAll(/https?:\/\/[^\s"<>]+/g), ...mail!.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? m[0]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.startsWith(`${origin}/`), link).toBe(true);
      expect(decodeURIComponent(link)).not.toContain("evil.example");
    }
  }
});

test("Auth.js's own endpoint and the sign-in form share the limit of five links per email", async ({ page }) => {
  test.setTimeout(150_000);
  await awayFromWindowEdge();
  await resetAddressLimits("sign-in");
  const direct = `limit-authjs-${Date.now()}@example.com`;
  for (let i = 0; i < 12; i++) expect(await askAuthJsForLink(direct)).toBeLessThan(500);
  await waitForMails(direct, 5);
  await page.waitForTimeout(500);
  expect(mailsTo(direct)).toHaveLength(5);

  await resetAddressLimits("sign-in");
  const form = `limit-form-${Date.now()}@example.com`;
  for (let i = 0; i < 6; i++) {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(form);
    await page.getByRole("button", { name: /email me a sign-in link/i }).click();
    if (i < 5) await expect(page).toHaveURL(/\/signin\/check-email/);
  }
  await expect(page.getByText("Too many sign-in links")).toBeVisible();
  expect(mailsTo(form)).toHaveLength(5);
});

test("reached directly, a rotating X-Forwarded-For does not escape the per-address limits", async ({ page }) => {
  test.setTimeout(150_000);
  // Sign-in: 20 links per address per 15 minutes, whatever the header says.
  await awayFromWindowEdge();
  await resetAddressLimits("sign-in");
  const stamp = Date.now();
  for (let i = 0; i < 24; i++) {
    await askAuthJsForLink(`spray-${stamp}-${i}@example.com`, { "x-forwarded-for": `198.51.100.${i}`, "x-store-client-ip": `203.0.113.${i}` });
  }
  await page.waitForTimeout(1000);
  const sent = Array.from({ length: 24 }, (_, i) => mailsTo(`spray-${stamp}-${i}@example.com`).length).reduce((a, b) => a + b, 0);
  expect(sent).toBe(20);

  // Order lookup: 10 per address per 15 minutes.
  await awayFromWindowEdge();
  await resetAddressLimits("lookup");
  let refused = 0;
  for (let i = 0; i < 12; i++) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `192.0.2.${i}`, "x-real-ip": `192.0.2.${i}`, "x-store-client-ip": `192.0.2.${i}` });
    await page.goto("/track");
    await page.getByLabel("Order number").fill("SP-AAAA-BBBB");
    await page.getByLabel("Email").fill(`rotate-${stamp}-${i}@example.com`);
    await page.getByRole("button", { name: "Email me a link" }).click();
    const status = page.getByTestId("lookup-status");
    await expect(status).not.toBeEmpty();
    if (/too many/i.test((await status.textContent()) ?? "")) refused++;
  }
  expect(refused).toBe(2);
});

function nonLoopbackAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return null;
}

test.describe("the demo outbox", () => {
  let server: ChildProcess | undefined;
  const secondPort = port + 50;

  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("answers this machine only, whatever the headers claim", async () => {
    const lan = nonLoopbackAddress();
    test.skip(!lan, "this machine has no non-loopback IPv4 address to connect from");
    // The same build, listening on every interface, so a peer other than
    // 127.0.0.1 can reach it.
    server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      cwd: process.cwd(),
      env: { ...process.env, STORE_MODE: "demo", PORT: String(secondPort), LISTEN_ADDRESS: "0.0.0.0", SITE_URL: `http://127.0.0.1:${secondPort}` },
      stdio: "ignore",
    });
    await expect
      .poll(async () => (await raw({ host: "127.0.0.1", port: secondPort }, "GET", "/robots.txt", {}).catch(() => ({ status: 0 }))).status, { timeout: 30_000 })
      .toBe(200);

    const lies = { host: "127.0.0.1", "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", "x-store-peer": "127.0.0.1", "x-forwarded-host": "localhost" };
    const kept = readdirSync(outboxDir)
      .find((n) => n.endsWith(".json"))!
      .slice(0, -".json".length);
    for (const pathname of ["/outbox", `/outbox/${kept}`, `/outbox/${kept}/raw`]) {
      expect((await raw({ host: lan!, port: secondPort }, "GET", pathname, lies)).status, pathname).toBe(404);
    }
    // The same page from this machine itself is there.
    for (const pathname of ["/outbox", `/outbox/${kept}`]) {
      expect((await raw({ host: "127.0.0.1", port: secondPort }, "GET", pathname, {})).status, pathname).toBe(200);
    }
  });
});

test("a path that is not valid percent-encoding, or hides a NUL byte, is a 400, not a server error", async () => {
  const me = { host: "127.0.0.1", port };
  for (const pathname of ["/track/%ff", "/products/%E0%A4%A", "/orders/%", "/shop/%00", "/instructions/a%00b?x=1"]) {
    const answer = await raw(me, "GET", pathname, {});
    expect(answer.status, pathname).toBe(400);
    expect(answer.body).not.toMatch(/at \w+ \(|node_modules|Error:/);
    expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  }
});
