// One shopper starting checkout the way a browser without JavaScript does,
// against a running store, with the time of each step:
//
//   1. GET the product page and read its add-to-cart form;
//   2. POST /cart/add with that form's fields (the 303 to /cart is not followed);
//   3. GET /checkout and read the checkout form (whatever it posts to: a
//      route, or a server action with Next.js's hidden $ACTION_ fields);
//   4. POST it with valid contact and address fields (the first shipping
//      method, the safety confirmation when the form asks for it): a 303 to
//      the payment page is success;
//   5. GET that payment page (when it is on the store: Stripe's is not).
//
// `startCheckoutOnce(baseUrl)` is the building block for benchmarks (the
// store's own below, and any other): it shares nothing between calls, so each
// call is a new visitor with a new cart, and each success holds stock for 30
// minutes (give the product enough stock, or expect "only N left").
//
// Run on its own it is a small load test: closed-loop shoppers, each starting
// checkout again as soon as the last one finished, and p50/p95 per step:
//
//   node --import tsx scripts/bench/shopper.ts [baseUrl] [--concurrency 5,20] [--seconds 20] [--product /products/<slug>]
//
// Forms are read with a few regular expressions, which is enough for the
// HTML React writes (quoted attributes, entities for & " ' < >); this is not
// a general HTML parser.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { closedLoop, spread } from "./load";

export type ShopperOptions = {
  /** The product page to buy from (its first, or only, size). Default: an aftercare serum, which needs no safety confirmation. */
  product?: string;
  quantity?: number;
  /** Default: a new address every call. */
  email?: string;
  /** Also GET the payment page the checkout answered with (default true; never for an address off the store). */
  followPayment?: boolean;
  /** Gives up on a request after this long (default 30 s). */
  timeoutMs?: number;
};

export type ShopperStep = "productPage" | "addToCart" | "checkoutPage" | "startCheckout" | "paymentPage";
export const SHOPPER_STEPS: ShopperStep[] = ["productPage", "addToCart", "checkoutPage", "startCheckout", "paymentPage"];

export type ShopperRun = {
  /** Where the checkout sent the shopper to pay. */
  paymentUrl: string;
  /** Milliseconds per step (paymentPage is absent when not followed), and the whole journey. */
  ms: Partial<Record<ShopperStep, number>> & { total: number };
};

export class ShopperError extends Error {
  constructor(
    readonly step: ShopperStep,
    message: string,
  ) {
    super(`${step}: ${message}`);
    this.name = "ShopperError";
  }
}

const DEFAULT_PRODUCT = "/products/soothing-hydrating-serum";

/** Starts one checkout as a new visitor without JavaScript; throws ShopperError naming the step that failed. */
export async function startCheckoutOnce(baseUrl: string, options: ShopperOptions = {}): Promise<ShopperRun> {
  const base = new URL(baseUrl);
  const jar = new Map<string, string>();
  const ms: ShopperRun["ms"] = { total: 0 };
  const t0 = performance.now();
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request(step: ShopperStep, path: string, init: { method?: string; body?: FormData | URLSearchParams } = {}) {
    const started = performance.now();
    const headers: Record<string, string> = { Accept: "text/html" };
    if (jar.size) headers.Cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    // A browser sends its origin with every form post (the store refuses a cross-site one).
    if (init.method === "POST") headers.Origin = base.origin;
    let response: Response;
    try {
      response = await fetch(new URL(path, base), { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new ShopperError(step, (error as Error).message);
    }
    const text = await response.text();
    ms[step] = performance.now() - started;
    keepCookies(response, jar);
    return { response, text };
  }

  // 1-2: add one size of the product to a new cart.
  const product = await request("productPage", options.product ?? DEFAULT_PRODUCT);
  if (product.response.status !== 200) throw new ShopperError("productPage", `status ${product.response.status}`);
  const addForm = readForms(product.text).find((f) => f.action === "/cart/add");
  if (!addForm) throw new ShopperError("productPage", "no add-to-cart form on the page");
  const addFields = addForm.fields.map(([k, v]): [string, string] => (k === "quantity" ? [k, String(options.quantity ?? 1)] : [k, v]));
  const added = await request("addToCart", "/cart/add", { method: "POST", body: encode(addForm, addFields) });
  if (added.response.status !== 303 || /[?&]error=/.test(added.response.headers.get("location") ?? "")) {
    throw new ShopperError("addToCart", `status ${added.response.status}, to ${added.response.headers.get("location")}`);
  }

  // 3-4: fill in and send the checkout form.
  const page = await request("checkoutPage", "/checkout");
  if (page.response.status !== 200) throw new ShopperError("checkoutPage", `status ${page.response.status}, to ${page.response.headers.get("location")}`);
  const form = readForms(page.text).find((f) => f.fields.some(([k]) => k === "email") || f.names.has("email"));
  if (!form) throw new ShopperError("checkoutPage", "no checkout form on the page");
  const fields = filledCheckout(form, options.email ?? `shopper-${randomUUID().slice(0, 8)}@example.test`);
  const started = await request("startCheckout", form.action || "/checkout", { method: "POST", body: encode(form, fields) });
  const location = started.response.headers.get("location");
  if (started.response.status !== 303 || !location) {
    throw new ShopperError("startCheckout", `status ${started.response.status}${location ? `, to ${location}` : ""}: ${started.text.slice(0, 200)}`);
  }
  const paymentUrl = new URL(location, base);
  if (paymentUrl.pathname === "/checkout" || paymentUrl.pathname === "/cart") throw new ShopperError("startCheckout", `sent back to ${location}`);

  // 5: the payment page, when it is the store's own.
  if (options.followPayment !== false && paymentUrl.origin === base.origin) {
    const pay = await request("paymentPage", paymentUrl.pathname + paymentUrl.search);
    if (pay.response.status !== 200) throw new ShopperError("paymentPage", `status ${pay.response.status}`);
  }
  ms.total = performance.now() - t0;
  return { paymentUrl: paymentUrl.toString(), ms };
}

/** A cookie jar: name → value, as a browser keeps them for one site. */
export type Jar = Map<string, string>;

/** Keeps the cookies a response sets (and forgets those it clears), as a browser would. */
export function keepCookies(response: Response, jar: Jar) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const eq = pair!.indexOf("=");
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    if (value === "" || /max-age=0\b/i.test(cookie)) jar.delete(name);
    else jar.set(name, value);
  }
}

/**
 * The checkout form's fields as a shopper fills them in: its own hidden and
 * chosen fields (the first shipping method), a valid US address, and the
 * safety confirmation when the form asks for it.
 */
export function filledCheckout(form: Pick<Form, "fields" | "names">, email: string): [string, string][] {
  const values: Record<string, string> = {
    email,
    name: "Bench Shopper",
    line1: "1 Bench Street",
    city: "Portland",
    region: "OR",
    postalCode: "97201",
    country: "US",
  };
  const fields = form.fields.filter(([k]) => !(k in values));
  for (const [k, v] of Object.entries(values)) if (form.names.has(k)) fields.push([k, v]);
  if (form.names.has("confirmSafety") && !fields.some(([k]) => k === "confirmSafety")) fields.push(["confirmSafety", "on"]);
  return fields;
}

type Form = { action: string; multipart: boolean; fields: [string, string][]; names: Set<string> };

/** The forms on a page as a browser would submit them: hidden and filled fields, checked boxes, selected options. */
export function readForms(html: string): Form[] {
  const forms: Form[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(match[1]!);
    const body = match[2]!;
    const fields: [string, string][] = [];
    const names = new Set<string>();
    for (const input of body.matchAll(/<input\b([^>]*)>/gi)) {
      const a = attributes(input[1]!);
      if (!a.name) continue;
      names.add(a.name);
      const type = (a.type ?? "text").toLowerCase();
      if (["submit", "button", "image", "reset", "file"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !("checked" in a)) continue;
      fields.push([a.name, a.value ?? (type === "checkbox" || type === "radio" ? "on" : "")]);
    }
    for (const select of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const a = attributes(select[1]!);
      if (!a.name) continue;
      names.add(a.name);
      const options = [...select[2]!.matchAll(/<option\b([^>]*)>/gi)].map((o) => attributes(o[1]!));
      const chosen = options.find((o) => "selected" in o) ?? options[0];
      if (chosen) fields.push([a.name, chosen.value ?? ""]);
    }
    forms.push({ action: attrs.action ?? "", multipart: (attrs.enctype ?? "").toLowerCase() === "multipart/form-data", fields, names });
  }
  return forms;
}

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    out[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|lt|gt|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

function encode(form: Form, fields: [string, string][]): FormData | URLSearchParams {
  if (!form.multipart) return new URLSearchParams(fields);
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  return data;
}

/** `concurrency` shoppers for `seconds`, each starting their next checkout when the last one ends. */
export async function shopperLoad(baseUrl: string, concurrency: number, seconds: number, options: ShopperOptions = {}) {
  const { runs, failures, elapsed } = await closedLoop(() => startCheckoutOnce(baseUrl, options), concurrency, seconds);
  const stats = (pick: (r: ShopperRun) => number | undefined) => spread(runs.map(pick).filter((v): v is number => v !== undefined));
  return {
    concurrency,
    journeys: runs.length,
    perSecond: runs.length / elapsed,
    failures,
    steps: Object.fromEntries(SHOPPER_STEPS.map((s) => [s, stats((r) => r.ms[s])])) as Record<ShopperStep, ReturnType<typeof stats>>,
    total: stats((r) => r.ms.total),
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
  // Warm up: the first request of each page compiles and caches.
  for (let i = 0; i < 3; i++) await startCheckoutOnce(base, { product });
  console.log(`start-checkout journeys against ${base}, ${seconds} s per level (ms; p50 / p95)\n`);
  const cols = [...SHOPPER_STEPS, "total"] as const;
  console.log("shoppers  journeys/s  " + cols.map((c) => c.padStart(17)).join("") + "  failed");
  for (const n of levels) {
    const r = await shopperLoad(base, n, seconds, { product });
    const cell = (s: { p50: number; p95: number }) => `${s.p50.toFixed(0)} / ${s.p95.toFixed(0)}`.padStart(17);
    console.log(
      String(n).padStart(8) +
        r.perSecond.toFixed(1).padStart(12) +
        "  " +
        cols.map((c) => cell(c === "total" ? r.total : r.steps[c])).join("") +
        String(r.failures.length).padStart(8),
    );
    if (r.failures.length) console.log(`          first failure: ${r.failures[0]}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
