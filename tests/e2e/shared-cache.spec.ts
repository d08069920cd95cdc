// Two store instances on one database and one Redis (docs/decisions/0014):
// a page rendered by one is served by the other from the shared cache, and a
// change made through one shows on the other at its next request. Instance B
// polls the database's invalidations only every ten minutes here, so what it
// learns in time can only have come through Redis. Then Redis goes away and
// both keep answering, by rendering.
//
// Runs in the "last" project: it buys the last units of an item, which the
// bad-input suite (comparing every stock level) must not see mid-run.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { testDb } from "../support/db";
import { startStore } from "../support/store-server";
import { expect, fillCheckout, test } from "./fixtures";

const basePort = Number(process.env.E2E_PORT ?? 3100);
const redisPort = basePort + 40;
const SKU = "WIPE-ALC-50";
const PRODUCT = "/products/alcohol-prep-pads";

function hasRedis(): boolean {
  return spawnSync("redis-server", ["--version"]).status === 0;
}

async function waitFor(url: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** The product page exactly as the server sends it: the stock band in its static HTML, and whether it came from the cache. */
async function productPage(port: number): Promise<{ band: string; cache: string | null }> {
  const response = await fetch(`http://127.0.0.1:${port}${PRODUCT}`);
  expect(response.status).toBe(200);
  const body = await response.text();
  const band = body.match(/data-testid="stock-status"[^>]*>([^<]+)</)?.[1] ?? "";
  return { band, cache: response.headers.get("x-nextjs-cache") };
}

test("an edit through one instance shows on the other at its next request, through Redis", async ({ browser }) => {
  test.skip(!hasRedis() && !process.env.CI, "redis-server is not installed (CI installs it)");
  test.setTimeout(240_000);
  const portA = basePort + 41;
  const portB = basePort + 42;
  const redis = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const prisma = testDb(1);
  const variant = await prisma.variant.findUniqueOrThrow({ where: { sku: SKU } });
  const stockBefore = variant.stock;
  const REDIS_URL = `redis://127.0.0.1:${redisPort}`;
  let a: ChildProcess | undefined;
  let b: ChildProcess | undefined;
  try {
    // Two units left: "Low stock" in the static page until someone takes them.
    await prisma.variant.update({ where: { sku: SKU }, data: { stock: 2 } });
    a = startStore(portA, { REDIS_URL }, { quiet: true }).child;
    b = startStore(portB, { REDIS_URL, PAGE_CACHE_POLL_MS: "600000" }, { quiet: true }).child;
    await Promise.all([waitFor(`http://127.0.0.1:${portA}/robots.txt`), waitFor(`http://127.0.0.1:${portB}/robots.txt`)]);

    // B renders the page; A serves B's copy from Redis without rendering it.
    expect((await productPage(portB)).band).toBe("Low stock");
    await expect.poll(async () => (await productPage(portA)).cache, { timeout: 10_000 }).toBe("HIT");
    expect((await productPage(portA)).band).toBe("Low stock");

    // A shopper on A takes the last two units into a checkout: the band becomes "Out of stock".
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${portA}` });
    const page = await context.newPage();
    await page.goto(PRODUCT);
    await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
    await page.getByLabel("Quantity").fill("2");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByTestId("added")).toBeVisible();
    await page.goto("/checkout");
    await fillCheckout(page, { email: "two-instances@example.com" });
    // Prep pads need no "who must not use it" confirmation; the box is there only for kits and cartridges.
    const confirm = page.getByRole("checkbox", { name: /who must not use these products/ });
    if ((await confirm.count()) > 0) await confirm.check();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(/\/pay\/demo\//);
    await context.close();

    // A learns of its own change at once; B, which would not read the database for ten minutes, at its next request.
    await expect.poll(async () => (await productPage(portA)).band, { timeout: 5_000 }).toBe("Out of stock");
    expect((await productPage(portB)).band).toBe("Out of stock");

    // Redis goes away: both still answer every page, by rendering, and quickly.
    redis.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 300));
    for (const port of [portA, portB]) {
      for (const pathname of [PRODUCT, "/shop/kits", "/"]) {
        const started = Date.now();
        const response = await fetch(`http://127.0.0.1:${port}${pathname}`);
        expect(response.status, `${pathname} on ${port} with Redis down`).toBe(200);
        expect(Date.now() - started, `${pathname} on ${port} with Redis down`).toBeLessThan(5_000);
      }
    }
  } finally {
    a?.kill("SIGTERM");
    b?.kill("SIGTERM");
    redis.kill("SIGKILL");
    // Leave the item as the other tests expect it (the held order keeps its two units out of stock otherwise).
    await prisma.variant.update({ where: { sku: SKU }, data: { stock: stockBefore } });
    await prisma.$disconnect();
  }
});
