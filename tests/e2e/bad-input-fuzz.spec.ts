// Malformed input to every server action and every route handler: at least
// 100 payloads each (NUL bytes and other control characters, 1 MB strings,
// right-to-left and zero-width characters, broken escapes, markup, SQL-ish
// text, odd numbers, arrays, JSON, files, missing fields, unknown and other
// people's ids). Each form is read from the page as a browser without
// JavaScript sees it (Next's hidden $ACTION_ fields included) and posted the
// way such a browser would, one field at a time replaced by a payload.
//
// Passes when no answer is a 5xx, no answer carries a stack trace or reflects
// the injected text in a redirect or as live markup, the red alert boxes show
// nothing the URL brought, and every variant's price and stock are as they
// were before. Runs in its own project after the store's tests (which change
// stock on purpose).
import type { APIResponse, BrowserContext } from "@playwright/test";
import { addToCart } from "@/lib/cart";
import type { Db } from "@/lib/db";
import { hashToken, newAccessToken, newOrderId, newOrderNumber, orderAccessToken } from "@/lib/orders/tokens";
import { testDb } from "../support/db";
import { expect, test } from "./fixtures";

/**
 * An order as checkout leaves it, written straight to the database (checkout
 * itself pulls in Next.js modules a test process cannot load). No stock is
 * taken: these orders exist only to be pointed at.
 */
async function makeOrder(
  prisma: Db,
  {
    skus,
    userId = null,
    email = "fuzz@example.test",
    status = "PAID",
  }: { skus: string[]; userId?: string | null; email?: string; status?: "PAID" | "AWAITING_PAYMENT" },
) {
  const id = newOrderId();
  const accessToken = orderAccessToken(id);
  const variants = await prisma.variant.findMany({ where: { sku: { in: skus } }, include: { product: true } });
  const total = variants.reduce((s, v) => s + v.priceCents, 0);
  await prisma.order.create({
    data: {
      id,
      number: newOrderNumber(),
      accessTokenHash: hashToken(accessToken),
      status,
      paidAt: status === "PAID" ? new Date() : null,
      email,
      userId,
      shipName: "Fuzz Buyer",
      shipLine1: "1 Test Street",
      shipCity: "Portland",
      shipPostalCode: "97201",
      shipCountry: "US",
      shippingMethodCode: "standard",
      shippingMethodName: "Standard",
      subtotalCents: total,
      discountCents: 0,
      shippingCents: 0,
      totalCents: total,
      currency: "USD",
      paymentProvider: "DEMO",
      holdExpiresAt: new Date(Date.now() + 30 * 60_000),
      items: {
        create: variants.map((v) => ({
          variantId: v.id,
          productSlug: v.product.slug,
          productKind: v.product.kind,
          name: v.product.name,
          variantLabel: v.label,
          sku: v.sku,
          unitPriceCents: v.priceCents,
          quantity: 1,
          lineTotalCents: v.priceCents,
        })),
      },
    },
  });
  return { id, accessToken };
}

const M = "zq9mark";

type Payload = string | { missing: true } | { many: string[] } | { file: string };

const basePayloads: Payload[] = [
  // The core, sent to every field (see CORE):
  `${M}\u0000`,
  `a\u0001\u0002\u0003${M}`,
  `${M}\r\nX-Injected: 1`,
  // About 1 MB: just under Next.js's own limit for a server action's body (above it, Next.js answers 413).
  "x".repeat(900_000),
  `<script>alert("${M}")</script>`,
  { missing: true },
  { many: [M, `${M}\u0000`, "1"] },
  { file: M },
  // The rest, shared out:
  "\u0000",
  "",
  "-1",
  "1e308",
  " ",
  `\u0000${M}\u0000`,
  `${M}\u0007\u001b[31m`,
  "\t\n\r",
  `\u007f${M}`,
  `${M}%0d%0aSet-Cookie:%20x=1`,
  "%ff",
  "%00",
  "%",
  `"><img src=x onerror=alert('${M}')>`,
  `'; DROP TABLE "Variant"; --${M}`,
  `' OR '1'='1`,
  `\u202e${M}`,
  `\u200b${M}\u200d`,
  "\ufeff",
  "😀".repeat(40),
  "\ud800",
  "-99999999",
  "0",
  "1.5",
  "NaN",
  "Infinity",
  "99999999999999999999",
  "0x10",
  "+1",
  "100",
  "[]",
  "{}",
  `{"priceCents":1,"stock":0,"${M}":1}`,
  `["${M}"]`,
  "null",
  "undefined",
  "../../etc/passwd",
  "//evil.example/",
  "/\\evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "A".repeat(43),
  "a".repeat(5000),
  M.repeat(20_000),
  "cm0000000000000000000000x",
  "00000000-0000-0000-0000-000000000000",
];

type Field = { name: string; value: string; button: boolean };
/** `action`: the route a plain form posts to (POST /cart/add, /pen, /checkout/start); absent for a server action's form, posted to its page. */
type Form = { fields: Field[]; action?: string };

/** The forms that post to server actions or to the store's own routes, read from a page without JavaScript. */
async function actionForms(context: BrowserContext, path: string): Promise<Form[]> {
  const page = await context.newPage();
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  const forms = await page.$$eval("form", (els) =>
    els.map((form) => ({
      method: (form.getAttribute("method") ?? "get").toLowerCase(),
      action: form.getAttribute("action") ?? "",
      fields: Array.from(form.elements)
        .filter((e): e is HTMLInputElement | HTMLButtonElement | HTMLSelectElement => "name" in e && !!(e as HTMLInputElement).name)
        .filter((e) => !(e instanceof HTMLInputElement && (e.type === "checkbox" || e.type === "radio") && !e.checked))
        .map((e) => ({ name: e.name, value: e.value, button: e instanceof HTMLButtonElement })),
    })),
  );
  await page.close();
  return forms.flatMap((f): Form[] => {
    if (f.fields.some((x) => x.name.startsWith("$ACTION_"))) return [{ fields: f.fields }];
    if (f.method === "post" && f.action.startsWith("/")) return [{ fields: f.fields, action: f.action }];
    return [];
  });
}

function body(fields: Field[], replace: { name: string; payload: Payload } | null): FormData {
  const data = new FormData();
  let placed = false;
  for (const f of fields) {
    if (replace && f.name === replace.name) {
      // Once, even where the form has the name twice (two submit buttons).
      if (!placed) append(data, f.name, replace.payload);
      placed = true;
    } else if (!f.button) {
      data.append(f.name, f.value);
    }
  }
  if (replace && !placed) append(data, replace.name, replace.payload);
  return data;
}

function append(data: FormData, name: string, p: Payload) {
  if (typeof p === "string") data.append(name, p);
  else if ("many" in p) for (const v of p.many) data.append(name, v);
  else if ("file" in p) data.append(name, new Blob([p.file], { type: "text/plain" }), `${M}.txt`);
}

const userFieldCount = (form: Form) => form.fields.filter((f) => !f.name.startsWith("$ACTION_")).length;

type Tally = Map<string, number>;
const failures: string[] = [];
const frameworkErrors: string[] = [];

function check(target: string, what: string, response: APIResponse, text: string) {
  const where = `${target} ${what}`;
  if (response.status() >= 500) failures.push(`${where}: status ${response.status()}`);
  const location = response.headers()["location"] ?? "";
  if (location.toLowerCase().includes(M) || location.length > 2000) failures.push(`${where}: redirect carries client text (${location.slice(0, 80)})`);
  if (text.includes(`<script>alert("${M}")`) || text.includes(`<img src=x onerror=alert('${M}')>`)) failures.push(`${where}: markup reflected`);
  if (/Invalid `prisma|PrismaClient|\n\s+at .+\(.+:\d+:\d+\)/.test(text)) failures.push(`${where}: stack trace or database error in the answer`);
}

/** Sent to every field of every form; the rest of the list is shared out across a form's fields. */
const CORE = 8;
/** Requests per form at least. */
const PER_FORM = 104;

async function post(context: BrowserContext, tally: Tally, target: string, page: string, form: Form) {
  const path = form.action ?? page;
  const userFields = [...new Set(form.fields.filter((f) => !f.name.startsWith("$ACTION_")).map((f) => f.name))];
  // Fields no form has, which a client may send anyway.
  const names = [...userFields, "priceCents", "userId"];
  const jobs: { name: string; payload: Payload }[] = [];
  const core = basePayloads.slice(0, CORE);
  const rest = basePayloads.slice(CORE);
  const perField = Math.min(rest.length, Math.max(0, Math.ceil((PER_FORM - core.length * names.length) / names.length)));
  names.forEach((name, i) => {
    for (const payload of core) jobs.push({ name, payload });
    for (let k = 0; k < perField; k++) jobs.push({ name, payload: rest[(i * perField + k) % rest.length]! });
  });
  await pool(jobs, 6, async ({ name, payload }) => {
    const response = await context.request.post(path, { multipart: body(form.fields, { name, payload }), maxRedirects: 0, failOnStatusCode: false });
    check(target, `${name}=${describe(payload)}`, response, await response.text());
  });
  // Next.js's own fields ($ACTION_ID_…, $ACTION_REF_…, the bound state), a few times each. What
  // Next.js answers to these is the framework's, not the store's: counted and printed, not failed.
  let frameworkJobs = 0;
  for (const f of form.fields.filter((x) => x.name.startsWith("$ACTION_") && x.value !== "")) {
    for (const payload of ["\u0000", `["${M}"]`]) {
      frameworkJobs++;
      const response = await context.request.post(path, { multipart: body(form.fields, { name: f.name, payload }), maxRedirects: 0, failOnStatusCode: false });
      const text = await response.text();
      if (response.status() >= 500) frameworkErrors.push(`${target} ${f.name}=${describe(payload)}: ${response.status()}`);
      else check(target, `${f.name}=${describe(payload)}`, response, text);
    }
  }
  tally.set(target, (tally.get(target) ?? 0) + jobs.length + frameworkJobs);
}

async function get(context: BrowserContext, tally: Tally, target: string, paths: string[], opts: { noReflection?: boolean } = {}) {
  await pool(paths, 6, async (path) => {
    const response = await context.request.get(path, { maxRedirects: 0, failOnStatusCode: false });
    const text = await response.text();
    check(target, path.slice(0, 120), response, text);
    // The page's own markup, without its scripts: Next.js carries the page's URL in its router
    // payload (a JSON string inside a script), which is data, not text shown to anyone.
    const shown = text.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "").toLowerCase();
    if (opts.noReflection && shown.includes(M)) failures.push(`${target} ${path.slice(0, 120)}: URL text shown on the page`);
  });
  tally.set(target, (tally.get(target) ?? 0) + paths.length);
}

function describe(p: Payload): string {
  if (typeof p === "string") return JSON.stringify(p.length > 30 ? `${p.slice(0, 20)}…(${p.length})` : p);
  return JSON.stringify(p).slice(0, 40);
}

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

/** Each payload as a URL path segment (encoded) and as a query value. */
const pathPayloads = basePayloads.filter((p): p is string => typeof p === "string" && p.length < 5000).map((p) => encodeURIComponent(p.toWellFormed()));
const rawPathPayloads = ["%ff", "%00", "%", "..%2f..%2f", "%E2%80%AE", "a%0d%0ab"];

test.describe.configure({ mode: "serial" });

test("malformed input to every server action and route handler: no 500, no change to prices or stock, no reflected text", async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const prisma = testDb(2);
  const started = Date.now();

  // What the forms act on: a paid order with cartridges (guest and account), an unpaid one, a signed-in session.
  const stamp = Date.now().toString(36);
  const user = await prisma.user.create({ data: { email: `fuzz-${stamp}@example.test`, emailVerified: new Date() } });
  const other = await prisma.user.create({ data: { email: `fuzz-other-${stamp}@example.test`, emailVerified: new Date() } });
  const guestOrder = await makeOrder(prisma, { skus: ["CRT-16-10", "KIT-HOME-S"] });
  const accountOrder = await makeOrder(prisma, { skus: ["CRT-12-10"], userId: user.id, email: user.email });
  const otherOrder = await makeOrder(prisma, { skus: ["CRT-12-10"], userId: other.id, email: other.email });
  const unpaid = await makeOrder(prisma, { skus: ["SRM-HA-30"], status: "AWAITING_PAYMENT" });
  const tracking = newAccessToken();
  await prisma.trackingToken.create({ data: { tokenHash: hashToken(tracking), orderId: guestOrder.id, expiresAt: new Date(Date.now() + 86400_000) } });
  const otherAddress = await prisma.address.create({
    data: { userId: other.id, name: "O", line1: "1 Road", city: "Leeds", postalCode: "LS1 1AA", country: "GB" },
  });
  const sessionToken = newAccessToken();
  await prisma.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3600_000) } });
  const variants = await prisma.variant.findMany({ select: { id: true, sku: true } });
  const id = (sku: string) => variants.find((v) => v.sku === sku)!.id;
  // Other people's ids, as payloads too.
  basePayloads.push(otherOrder.id, otherOrder.accessToken, otherAddress.id, id("KIT-PRO"), id("CRT-42-10"));

  const snapshot = async () =>
    (await prisma.variant.findMany({ select: { sku: true, priceCents: true, stock: true }, orderBy: { sku: "asc" } })).map(
      (v) => `${v.sku} ${v.priceCents} ${v.stock}`,
    );
  const before = await snapshot();

  async function context({ cart, signedIn = false, json = false }: { cart?: [string, number][]; signedIn?: boolean; json?: boolean } = {}) {
    // A browser sends its origin with a form post; Next.js refuses an action without one. `json`: as a page's script asks.
    const ctx = await browser.newContext({
      javaScriptEnabled: false,
      baseURL,
      extraHTTPHeaders: { origin: new URL(baseURL!).origin, ...(json ? { accept: "application/json" } : {}) },
    });
    if (cart) {
      let token: string | null = null;
      for (const [sku, quantity] of cart) token = await addToCart(prisma, token, id(sku), quantity);
      await ctx.addCookies([{ name: "cart", value: token!, url: baseURL! }]);
    }
    if (signedIn) await ctx.addCookies([{ name: "authjs.session-token", value: sessionToken, url: baseURL! }]);
    return ctx;
  }

  const tally: Tally = new Map();
  const formTargets: { target: string; path: string; ctx: () => Promise<BrowserContext>; expect: number }[] = [
    {
      target: "cart: update line",
      path: "/cart",
      ctx: () =>
        context({
          cart: [
            ["CRT-16-10", 2],
            ["SRM-HA-30", 1],
          ],
        }),
      expect: 2,
    },
    { target: "product: add to cart", path: "/products/home-starter-kit", ctx: () => context(), expect: 1 },
    { target: "cartridges: pen chooser", path: "/shop/cartridges", ctx: () => context(), expect: 1 },
    // The checkout form posts to POST /checkout/start (a route, not a server action).
    { target: "checkout: POST /checkout/start", path: "/checkout", ctx: () => context({ cart: [["KIT-HOME-S", 1]] }), expect: 1 },
    { target: "track: order lookup", path: "/track", ctx: () => context(), expect: 1 },
    { target: "signin: email link", path: "/signin", ctx: () => context(), expect: 1 },
    { target: "order page: reorder", path: `/orders/${guestOrder.accessToken}`, ctx: () => context(), expect: 1 },
    { target: "tracking page: reorder", path: `/track/${tracking}`, ctx: () => context(), expect: 1 },
    { target: "account order: reorder", path: `/account/orders/${accountOrder.id}`, ctx: () => context({ signedIn: true }), expect: 1 },
    // The professional application (a multipart route; its file field gets text here, which is no file).
    { target: "professional application: POST /account/professional/save", path: "/account/professional", ctx: () => context({ signedIn: true }), expect: 1 },
    // Address (add, delete), pen, and sign-out last (it ends the session).
    { target: "account", path: "/account", ctx: () => context({ signedIn: true }), expect: 4 },
  ];
  for (const t of formTargets) {
    const ctx = await t.ctx();
    if (t.target === "account")
      await prisma.address.create({ data: { userId: user.id, name: "A", line1: "2 Road", city: "Leeds", postalCode: "LS1 1AA", country: "GB" } });
    // A form without fields of its own (signing out) goes last: it ends the session the others need.
    const forms = (await actionForms(ctx, t.path)).sort((a, b) => Number(userFieldCount(a) === 0) - Number(userFieldCount(b) === 0));
    expect(forms.length, `${t.target}: action forms on ${t.path}`).toBeGreaterThanOrEqual(t.expect);
    for (const [i, form] of forms.entries()) await post(ctx, tally, forms.length > 1 ? `${t.target} #${i + 1}` : t.target, t.path, form);
    await ctx.close();
  }

  // "Apply" posts the checkout form to POST /checkout/quote (its button's formaction): as the plain
  // form it is without JavaScript, and as the page's script asks (the method and the code, for JSON).
  {
    const ctx = await context({ cart: [["KIT-HOME-S", 1]] });
    const [form] = await actionForms(ctx, "/checkout");
    await post(ctx, tally, "checkout: POST /checkout/quote", "/checkout", { ...form!, action: "/checkout/quote" });
    await ctx.close();
    const scripted = await context({ cart: [["KIT-HOME-S", 1]], json: true });
    const fields = form!.fields.filter((f) => f.name === "shippingMethod" || f.name === "promoCode");
    await post(scripted, tally, "checkout: POST /checkout/quote (JSON)", "/checkout", { fields, action: "/checkout/quote" });
    await scripted.close();
  }

  // The demo payment form, posted with a paid order's token so a stray "decline" releases no stock.
  {
    const ctx = await context();
    const [form] = await actionForms(ctx, `/pay/demo/${unpaid.accessToken}`);
    const fields = form!.fields.map((f) => (f.name === "token" ? { ...f, value: guestOrder.accessToken } : f));
    await post(ctx, tally, "demo payment", `/pay/demo/${unpaid.accessToken}`, { fields });
    await ctx.close();
  }

  // Route handlers, and the pages that show a message chosen by the URL.
  {
    const ctx = await context({ signedIn: true });
    const segs = [...pathPayloads, ...rawPathPayloads];
    const q = (path: string) => pathPayloads.map((s) => `${path}?${s}=${s}&depth=${s}&date=2026-01-01`);
    await get(ctx, tally, "GET /products/[slug]/booklet.pdf", [
      ...segs.map((s) => `/products/${s}/booklet.pdf`),
      ...q("/products/home-starter-kit/booklet.pdf"),
    ]);
    await get(ctx, tally, "GET /orders/[token]/aftercare.ics", [
      ...segs.map((s) => `/orders/${s}/aftercare.ics`),
      ...pathPayloads.map((s) => `/orders/${guestOrder.accessToken}/aftercare.ics?date=${s}&depth=${s}`),
      ...q(`/orders/${guestOrder.accessToken}/aftercare.ics`),
    ]);
    await get(ctx, tally, "GET /orders/[token]/items/[itemId]/booklet.pdf", [
      ...segs.map((s) => `/orders/${s}/items/${s}/booklet.pdf`),
      ...segs.map((s) => `/orders/${guestOrder.accessToken}/items/${s}/booklet.pdf`),
    ]);
    await get(ctx, tally, "GET /track/[token]/aftercare.ics", [
      ...segs.map((s) => `/track/${s}/aftercare.ics`),
      ...pathPayloads.map((s) => `/track/${tracking}/aftercare.ics?date=${s}&depth=${s}`),
      ...q(`/track/${tracking}/aftercare.ics`),
    ]);
    await get(ctx, tally, "GET /track/[token]/items/[itemId]/booklet.pdf", [
      ...segs.map((s) => `/track/${s}/items/${s}/booklet.pdf`),
      ...segs.map((s) => `/track/${tracking}/items/${s}/booklet.pdf`),
    ]);
    await get(ctx, tally, "GET /account/orders/[id]/aftercare.ics", [
      ...segs.map((s) => `/account/orders/${s}/aftercare.ics`),
      ...pathPayloads.map((s) => `/account/orders/${accountOrder.id}/aftercare.ics?date=${s}&depth=${s}`),
      `/account/orders/${otherOrder.id}/aftercare.ics`,
      ...q(`/account/orders/${accountOrder.id}/aftercare.ics`),
    ]);
    await get(ctx, tally, "GET /account/orders/[id]/items/[itemId]/booklet.pdf", [
      ...segs.map((s) => `/account/orders/${s}/items/${s}/booklet.pdf`),
      ...segs.map((s) => `/account/orders/${accountOrder.id}/items/${s}/booklet.pdf`),
    ]);
    await get(ctx, tally, "GET /outbox/[id]/raw", [...segs.map((s) => `/outbox/${s}/raw`), ...q("/outbox/2026-01-01T00-00-00-000Z-0123abcd/raw")]);
    await get(ctx, tally, "GET /outbox/[id]/attachments/[index]", [
      ...segs.map((s) => `/outbox/${s}/attachments/0`),
      ...segs.map((s) => `/outbox/2026-01-01T00-00-00-000Z-0123abcd/attachments/${s}`),
    ]);
    await get(ctx, tally, "GET /api/auth/*", [
      ...segs.map((s) => `/api/auth/${s}`),
      ...pathPayloads.map((s) => `/api/auth/callback/nodemailer?token=${s}&email=${s}&callbackUrl=${s}`),
      ...pathPayloads.map((s) => `/api/auth/signin?callbackUrl=${s}&error=${s}`),
    ]);
    await get(
      ctx,
      tally,
      "GET pages with a message chosen by the URL",
      [
        ...pathPayloads.map((s) => `/cart?error=${s}&line=${s}`),
        ...pathPayloads.map((s) => `/account?penError=${s}`),
        ...pathPayloads.map((s) => `/signin?error=${s}`),
        "/signin?error=__proto__",
        "/signin?error=constructor",
        "/cart?error=__proto__",
        "/account?penError=toString",
      ],
      { noReflection: true },
    );

    const posts = async (target: string, path: string, bodies: (string | FormData)[], headers: Record<string, string> = {}) => {
      await pool(bodies, 4, async (b) => {
        const response = await ctx.request.post(
          path,
          typeof b === "string"
            ? { data: b, headers: { "content-type": "application/json", ...headers }, maxRedirects: 0, failOnStatusCode: false }
            : { multipart: b, maxRedirects: 0, failOnStatusCode: false },
        );
        check(target, describe(typeof b === "string" ? b : "(form)"), response, await response.text());
      });
      tally.set(target, (tally.get(target) ?? 0) + bodies.length);
    };
    const strings = basePayloads.filter((p): p is string => typeof p === "string");
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      return f;
    };
    // Each string as the raw body and inside an event-shaped body, so the parser and the event reader both see it.
    await posts(
      "POST /api/stripe/webhook",
      "/api/stripe/webhook",
      [...strings, ...strings.map((s) => JSON.stringify({ id: s, type: s, data: { object: { id: s, metadata: { orderId: s } } } }))],
      {
        "stripe-signature": `t=1,v1=${M}`,
      },
    );
    await posts("POST /api/auth/signin/nodemailer", "/api/auth/signin/nodemailer", [
      ...strings.map((s) => form({ email: s, csrfToken: s, callbackUrl: s })),
      ...strings.map((s) => form({ email: `fuzz-${strings.indexOf(s)}@example.com`, csrfToken: s, callbackUrl: s })),
    ]);
    await posts("POST /api/auth/*", "/api/auth/callback/nodemailer", [...strings, ...strings.map((s) => form({ token: s, email: s, callbackUrl: s }))]);
    await ctx.close();
  }

  // The checkout page, with a cart, when a form sent without JavaScript comes back: only the store's
  // own codes show a message, and only a retry cookie the store sealed puts values and messages back.
  {
    const target = "GET /checkout?error= or ?updated= and the retry cookie";
    const ctx = await context({ cart: [["SRM-HA-30", 1]] });
    const codes = [
      ...[...pathPayloads, ...rawPathPayloads, "__proto__", "toString", "retry&error=too-large", "RETRY"].map((s) => `/checkout?error=${s}`),
      ...pathPayloads.map((s) => `/checkout?updated=${s}`),
    ];
    await get(ctx, tally, target, codes, { noReflection: true });
    for (const value of pathPayloads) {
      await ctx.addCookies([{ name: "checkout-retry", value, url: `${baseURL}/checkout` }]);
      await get(ctx, tally, target, ["/checkout?error=retry", "/checkout?updated=total"], { noReflection: true });
    }
    await ctx.close();
  }

  const after = await snapshot();
  await prisma.$disconnect();
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  console.log(`[bad-input] ${total} payloads in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const [target, n] of tally) console.log(`[bad-input]   ${String(n).padStart(5)}  ${target}`);
  if (frameworkErrors.length)
    console.log(`[bad-input] Next.js answered 5xx to ${frameworkErrors.length} malformed $ACTION_ fields, e.g. ${frameworkErrors[0]}`);
  expect(failures.slice(0, 40), `${failures.length} problems`).toEqual([]);
  expect(after, "variant prices and stock").toEqual(before);
  for (const [target, n] of tally) expect(n, target).toBeGreaterThanOrEqual(100);
});
