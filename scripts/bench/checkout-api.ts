// Start-checkout as the store's own page scripts do it, against a running
// store: per journey, a new visitor
//
//   1. POST /cart/add (Accept: application/json) with the product page's
//      add-to-cart form fields, as multipart FormData like the buy box sends;
//   2. POST /checkout/start (Accept: application/json) with the checkout
//      form's fields (contact, address, the first shipping method, the safety
//      confirmation when the form asks for it), and expects
//      `{ ok: true, redirectUrl }`.
//
// No page is fetched per journey: `prepareCheckoutApi(baseUrl)` reads the two
// forms once (the product page's, and the /checkout page's for a cart holding
// that product), and `startCheckoutApiOnce(baseUrl, prepared)` is one journey.
// Each success holds stock for 30 minutes: give the product enough stock.
//
// Run on its own, a closed-loop load test (journeys/s, p50 and p95 per step):
//
//   node --import tsx scripts/bench/checkout-api.ts [baseUrl] [--concurrency 5,20] [--seconds 20] [--product /products/<slug>]
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { closedLoop, spread } from "./load";
import { filledCheckout, keepCookies, readForms, type Jar } from "./shopper";

export type PreparedCheckoutApi = {
  /** The add-to-cart form's fields as the page sends them (quantity included). */
  addFields: [string, string][];
  /** Where the checkout form posts, and the names of its fields. */
  checkoutAction: string;
  checkoutFields: [string, string][];
  checkoutNames: Set<string>;
};

export type CheckoutApiRun = { redirectUrl: string; ms: { addToCart: number; startCheckout: number; total: number } };

const DEFAULT_PRODUCT = "/products/soothing-hydrating-serum";

async function post(base: URL, path: string, fields: [string, string][], jar: Jar, timeoutMs: number) {
  const body = new FormData();
  for (const [k, v] of fields) body.append(k, v);
  const headers: Record<string, string> = { Accept: "application/json", Origin: base.origin };
  if (jar.size) headers.Cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const response = await fetch(new URL(path, base), { method: "POST", body, headers, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  keepCookies(response, jar);
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path}: status ${response.status}, not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, json: json as Record<string, unknown> };
}

/** Reads the add-to-cart form of `product` and the checkout form (with that product in a cart), once. */
export async function prepareCheckoutApi(baseUrl: string, options: { product?: string; quantity?: number } = {}): Promise<PreparedCheckoutApi> {
  const base = new URL(baseUrl);
  const page = await fetch(new URL(options.product ?? DEFAULT_PRODUCT, base));
  if (page.status !== 200) throw new Error(`product page: status ${page.status}`);
  const addForm = readForms(await page.text()).find((f) => f.action === "/cart/add");
  if (!addForm) throw new Error("no add-to-cart form on the product page");
  const addFields = addForm.fields.map(([k, v]): [string, string] => (k === "quantity" ? [k, String(options.quantity ?? 1)] : [k, v]));

  const jar: Jar = new Map();
  const added = await post(base, "/cart/add", addFields, jar, 30_000);
  if (added.json.ok !== true) throw new Error(`add to cart: ${JSON.stringify(added.json)}`);
  const checkout = await fetch(new URL("/checkout", base), { headers: { Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") }, redirect: "manual" });
  if (checkout.status !== 200) throw new Error(`checkout page: status ${checkout.status}`);
  const form = readForms(await checkout.text()).find((f) => f.names.has("email"));
  if (!form) throw new Error("no checkout form on the checkout page");
  return { addFields, checkoutAction: form.action || "/checkout/start", checkoutFields: form.fields, checkoutNames: form.names };
}

/** One journey as a new visitor: add to cart, then start checkout; throws naming the step that failed. */
export async function startCheckoutApiOnce(baseUrl: string, prepared: PreparedCheckoutApi, options: { timeoutMs?: number } = {}): Promise<CheckoutApiRun> {
  const base = new URL(baseUrl);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const jar: Jar = new Map();
  const t0 = performance.now();
  const added = await post(base, "/cart/add", prepared.addFields, jar, timeoutMs);
  if (added.json.ok !== true) throw new Error(`addToCart: ${JSON.stringify(added.json)}`);
  if (!jar.has("cart")) throw new Error("addToCart: no cart cookie");
  const t1 = performance.now();

  const fields = filledCheckout({ fields: prepared.checkoutFields, names: prepared.checkoutNames }, `api-${randomUUID().slice(0, 8)}@example.test`);
  const started = await post(base, prepared.checkoutAction, fields, jar, timeoutMs);
  if (started.json.ok !== true || typeof started.json.redirectUrl !== "string") {
    throw new Error(`startCheckout: status ${started.status}: ${JSON.stringify(started.json).slice(0, 300)}`);
  }
  const t2 = performance.now();
  return { redirectUrl: started.json.redirectUrl, ms: { addToCart: t1 - t0, startCheckout: t2 - t1, total: t2 - t0 } };
}

/** `concurrency` shoppers for `seconds`, each starting the next journey as soon as the last one ends. */
export async function checkoutApiLoad(baseUrl: string, prepared: PreparedCheckoutApi, concurrency: number, seconds: number) {
  const { runs, failures, elapsed } = await closedLoop(() => startCheckoutApiOnce(baseUrl, prepared), concurrency, seconds);
  return {
    concurrency,
    journeys: runs.length,
    perSecond: runs.length / elapsed,
    failures,
    addToCart: spread(runs.map((r) => r.ms.addToCart)),
    startCheckout: spread(runs.map((r) => r.ms.startCheckout)),
    total: spread(runs.map((r) => r.ms.total)),
  };
}

async function main() {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const levels = (flag("--concurrency") ?? "5,20").split(",").map(Number);
  const seconds = Number(flag("--seconds") ?? 20);
  const product = flag("--product");
  const base = args[0] ?? "http://localhost:3000";
  const prepared = await prepareCheckoutApi(base, { product });
  // Warm up: the first requests compile and cache.
  for (let i = 0; i < 3; i++) await startCheckoutApiOnce(base, prepared);
  console.log(`start-checkout (JSON API) journeys against ${base}, ${seconds} s per level (ms; p50 / p95)\n`);
  console.log("shoppers  journeys/s        addToCart    startCheckout            total  failed");
  for (const n of levels) {
    const r = await checkoutApiLoad(base, prepared, n, seconds);
    const cell = (s: { p50: number; p95: number }) => `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)}`.padStart(17);
    console.log(
      String(n).padStart(8) +
        r.perSecond.toFixed(1).padStart(12) +
        cell(r.addToCart) +
        cell(r.startCheckout) +
        cell(r.total) +
        String(r.failures.length).padStart(8),
    );
    for (const f of [...new Set(r.failures)].slice(0, 5)) console.log(`  failed: ${f}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
