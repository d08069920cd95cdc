// `npm run bench`: what one production store process serves, as ratios.
//
// Starts a production build of the store on a database of its own (or, with
// --url, takes a running one), warms every URL, then measures each row for a
// fixed time and prints one table: requests/s and p50/p95 latency per page,
// each page as a ratio to a static file served by the same server and proxy;
// start-checkout at 5 and 20 concurrent shoppers; the listing, search and
// product pages again after the catalog grows to 2,000 products. Every row
// has its target from issue 11 beside it, with a pass/fail mark. With
// --write, docs/performance.md gets the table, the machine and the command.
//
// The figures are the machine's as much as the store's: compare runs on one
// machine, and read the ratios. scripts/bench/*.ts holds the parts (load
// generation, the store and its database, the report).
import { parseArgs } from "node:util";
import { linksIn, formsIn, submittedFields, Visitor } from "./bench/browser";
import { measureJourneys, measureUrl, type Figure } from "./bench/load";
import { commandLine, loadNow, machineLine, markdownTable, textTable, writeDocSection, type Row } from "./bench/report";
import { prepareCheckoutApi, startCheckoutApiOnce } from "./bench/checkout-api";
import { startCheckoutOnce } from "./bench/shopper";
import { benchEnv, freePort, makeBenchDatabase, query, serveStore, startStore, type BenchDatabase, type RunningStore } from "./bench/store";
import { run } from "./proc";

const log = (message: string) => console.log(`[bench] ${message}`);

// What is measured. The static file is one from public/, so it passes
// through the same server and proxy as the pages. The filtered listing uses
// values the seed catalog has (lib/catalog/filters.ts), and the warm-up
// checks that the page did not drop them as unknown.
const STATIC_FILE = "/images/products/home-complete-kit.svg";
const KIT_PAGE = "/products/home-complete-kit";
/** A second product for the two-item cart. */
const SECOND_PRODUCT = "/products/balance-16-cartridge";
const SCALE_PRODUCTS = 2000;

type PageKey = "static" | "kit" | "listing" | "filtered" | "search" | "home" | "cart" | "pdf" | "guide" | "floor" | "json";
type RowKey = PageKey | "checkout" | "scale";

/** A page row: its URL (or how to find it) and its target as a share of the static file's req/s. */
type PageSpec = { key: PageKey; label: string; path: string; target: number | null; scale?: boolean };

const PAGES: PageSpec[] = [
  { key: "static", label: "static file", path: STATIC_FILE, target: null },
  { key: "kit", label: "kit page", path: KIT_PAGE, target: 0.8, scale: true },
  { key: "listing", label: "listing, first page", path: "/shop/kits", target: 0.8, scale: true },
  { key: "filtered", label: "filtered listing", path: "/shop/cartridges?config=12-pin&sort=price-asc", target: 0.3, scale: true },
  { key: "search", label: "search", path: "/shop?q=cartridge", target: 0.3, scale: true },
  { key: "home", label: "home", path: "/", target: 0.8 },
  { key: "cart", label: "cart (2 items)", path: "/cart", target: 0.25 },
  // Found on the kit page: the link it offers as the PDF download.
  { key: "pdf", label: "booklet PDF, repeat", path: "", target: 0.5 },
  // A guide page, as the older bench-pages script measured; no target of its own.
  { key: "guide", label: "guide page", path: "/instructions/home-microneedling-guide", target: null },
  // No target: what any page Next.js renders for each request costs here, and
  // any small JSON answer (checkout's script sends two a purchase). The order
  // lookup form reads nothing; the visitor's answer, with no cookie, neither.
  // Whatever the store renders per request costs at least these.
  { key: "floor", label: "smallest per-request page", path: "/track", target: null },
  { key: "json", label: "smallest JSON answer", path: "/api/visitor", target: null },
];

const CHECKOUT_LEVELS = [5, 20];
const CHECKOUT_P95_TARGET_MS = 150;
const SCALE_TARGET = 1.3;
const ROW_KEYS: RowKey[] = [...PAGES.map((p) => p.key), "checkout", "scale"];

const HELP = `npm run bench -- [options]

  --url URL          measure a store that is already running on this machine: nothing is built and
                     no database is made; the checkout rows place unpaid orders in that store (each
                     holds stock for 30 minutes) and the scale rows are skipped
  --duration S       seconds per row (default 10)
  --connections N    concurrent connections per page row (default 20)
  --only KEYS        some rows, comma-separated, of: ${ROW_KEYS.join(", ")}
                     (the static file always runs; scale brings the pages it compares with)
  --port N           port for the bench's store (default: the first free one in 3400-3499)
  --write            rewrite the bench section of docs/performance.md
  --keep-log         keep the store's log (a JSON line a request) and say where it is; it is
                     kept anyway when a request failed
  --help             this text

Without --url: with DATABASE_URL (a PostgreSQL server) the bench makes <name>_bench on it;
without, an embedded PGlite, and the checkout rows are skipped.`;

function options() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "20" },
      only: { type: "string" },
      port: { type: "string" },
      write: { type: "boolean", default: false },
      "keep-log": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const seconds = Number(values.duration);
  const connections = Number(values.connections);
  if (!(seconds > 0 && seconds <= 600)) throw new Error("--duration must be 1–600 seconds");
  if (!(Number.isInteger(connections) && connections > 0 && connections <= 1000)) throw new Error("--connections must be 1–1000");
  const only = values.only ? new Set(values.only.split(",").map((s) => s.trim())) : null;
  for (const key of only ?? []) if (!ROW_KEYS.includes(key as RowKey)) throw new Error(`--only: no row "${key}" (rows: ${ROW_KEYS.join(", ")})`);
  let url: string | undefined;
  if (values.url) {
    url = values.url.replace(/\/+$/, "");
    // Load goes to this machine only.
    const host = new URL(url).hostname;
    if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) throw new Error("--url must be a store on this machine (127.0.0.1 or localhost)");
  }
  return { url, seconds, connections, only, port: values.port ? Number(values.port) : undefined, write: values.write, keepLog: values["keep-log"] };
}

type Options = ReturnType<typeof options>;

/** GETs a URL a few times before measuring, so the first render is not in the figure; it must answer 200 and look right. */
async function warm(base: string, path: string, headers: Record<string, string> = {}, check?: (body: string) => string | null): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const response = await fetch(base + path, { headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status} while warming up`);
    const problem = check?.(body);
    if (problem) throw new Error(`GET ${path}: ${problem}`);
  }
}

/** What each page must show, so a page that silently dropped its filter is not measured as the filtered one. */
function pageCheck(key: PageKey): ((body: string) => string | null) | undefined {
  if (key === "filtered") return (b) => (/filter was left out|cannot sort by/i.test(b) ? "the page dropped a filter or the sort as unknown" : null);
  if (key === "search") return (b) => (/Search results/.test(b) ? null : "no search results heading");
  if (key === "cart") return (b) => (/your cart is empty/i.test(b) ? "the cart is empty" : null);
  return undefined;
}

/**
 * A cart holding two items, made as a browser without JavaScript makes it:
 * each product page's add-to-cart form, posted to /cart/add. Returns the
 * Cookie header that carries it.
 */
async function twoItemCart(base: string): Promise<string> {
  const visitor = new Visitor(base);
  for (const product of [KIT_PAGE, SECOND_PRODUCT]) {
    const html = await visitor.page(product);
    const form = formsIn(html).find((f) => f.action === "/cart/add");
    if (!form) throw new Error(`${product}: no add-to-cart form on the page`);
    const response = await visitor.submit(form.action, submittedFields(form), form.enctype === "multipart/form-data");
    const to = response.headers.get("location") ?? "";
    if (response.status !== 303 || /[?&]error=/.test(to)) throw new Error(`adding ${product} to the cart answered ${response.status} (to ${to})`);
  }
  const cookie = visitor.jar.header();
  if (!visitor.jar.get("cart")) throw new Error("adding to the cart set no cart cookie");
  return cookie;
}

/** The URL the kit page offers as its PDF download. */
async function bookletUrl(base: string): Promise<string | null> {
  const html = await new Visitor(base).page(KIT_PAGE);
  const href = linksIn(html).find((h) => new URL(h, base).pathname.endsWith(".pdf"));
  if (!href) return null;
  const url = new URL(href, base);
  return url.pathname + url.search;
}

/** "12 products" on the all-products listing: how many products the store shows now (null: no answer or no count). */
async function listedCount(base: string): Promise<number | null> {
  try {
    const html = await new Visitor(base).page("/shop");
    const m = html.match(/(\d[\d,]*) products?\b/);
    return m ? Number(m[1]!.replace(/,/g, "")) : null;
  } catch {
    return null;
  }
}

const fmtRatio = (r: number, what: string) => (Number.isFinite(r) ? `${r.toFixed(2)}× ${what}` : "—");

/** Set when a request failed: the store's log is then kept, since it says why. */
let requestsFailed = false;

/** A row with failed requests, or none completed, fails whatever its rate: the figure is not the page's. */
function failedRow(row: Row, figure: Figure): Row | null {
  if (figure.failed > 0) requestsFailed = true;
  if (figure.failed > 0) return { ...row, mark: "FAIL", note: `${figure.failed} failed of ${figure.completed + figure.failed}: ${figure.firstFailure ?? "?"}` };
  if (figure.completed === 0) return { ...row, mark: "FAIL", note: `nothing completed within ${figure.seconds.toFixed(0)} s` };
  return null;
}

async function measurePages(base: string, opts: Options, cartCookie: string | null, pdf: string | null, selected: (k: RowKey) => boolean) {
  const rows: Row[] = [];
  const figures = new Map<PageKey, Figure>();
  let staticRate = NaN;
  for (const spec of PAGES) {
    if (spec.key !== "static" && !selected(spec.key)) continue;
    const path = spec.key === "pdf" ? pdf : spec.path;
    const blank: Row = { group: "pages", label: spec.label, what: path ?? "", target: spec.target === null ? "" : `≥ ${spec.target}× static`, mark: "" };
    if (path === null) {
      rows.push({ ...blank, what: KIT_PAGE, mark: "skipped", note: "the kit page links no PDF" });
      continue;
    }
    if (spec.key === "cart" && !cartCookie) {
      rows.push({ ...blank, mark: "skipped", note: "no cart could be made" });
      continue;
    }
    const headers: Record<string, string> = spec.key === "cart" ? { cookie: cartCookie! } : {};
    log(`${spec.label}: ${path}`);
    try {
      await warm(base, path, headers, pageCheck(spec.key));
    } catch (error) {
      rows.push({ ...blank, mark: "FAIL", note: (error as Error).message });
      continue;
    }
    // A few seconds of the same load, not counted: the first row (the static
    // file, every ratio's base) otherwise met a server whose hot paths the
    // JIT had not optimised yet, and read low (815/s where it serves 1,100+).
    await measureUrl(base + path, { seconds: Math.min(3, opts.seconds), connections: opts.connections, headers });
    const figure = await measureUrl(base + path, { seconds: opts.seconds, connections: opts.connections, headers });
    figures.set(spec.key, figure);
    if (spec.key === "static") staticRate = figure.perSecond;
    const ratio = figure.perSecond / staticRate;
    const row: Row = {
      ...blank,
      perSecond: figure.perSecond,
      p50: figure.p50,
      p95: figure.p95,
      ratio: spec.key === "static" ? "1.00× static" : fmtRatio(ratio, "static"),
    };
    rows.push(failedRow(row, figure) ?? { ...row, mark: spec.target === null ? "" : ratio >= spec.target ? "pass" : "FAIL" });
  }
  return { rows, figures };
}

/**
 * Start-checkout as issue 11 defines it (add to cart + hold stock + create the
 * payment), as the store's pages do it with JavaScript: POST /cart/add and
 * POST /checkout/start, each answering a small JSON (scripts/bench/checkout-api.ts),
 * a new visitor each time. The same journey as a browser without JavaScript
 * (product page, add, checkout page, form post, payment page: three page
 * renders more) is measured too, for information.
 */
async function measureCheckout(base: string, opts: Options, db: BenchDatabase | null): Promise<Row[]> {
  const row = (level: number, browser: boolean, extra: Partial<Row>): Row => ({
    group: "checkout",
    label: browser ? `start-checkout, no-JS browser, ${level} shoppers` : `start-checkout, ${level} shoppers`,
    what: browser ? "product page → add → checkout page → post → pay page" : "POST /cart/add → POST /checkout/start (hold + payment)",
    target: !browser && level === 20 ? `p95 ≤ ${CHECKOUT_P95_TARGET_MS} ms` : "",
    mark: "",
    ...extra,
  });
  const allRows = (extra: Partial<Row>) => [false, true].flatMap((browser) => CHECKOUT_LEVELS.map((level) => row(level, browser, extra)));
  if (!opts.url && db?.kind !== "server") {
    const note = "skipped: the checkout rows need a server PostgreSQL (set DATABASE_URL)";
    log(note);
    return allRows({ mark: "skipped", note: note.replace("skipped: ", "") });
  }
  if (db) {
    // Every success holds stock for 30 minutes. The seed's stock is a few
    // dozen per variant; in the bench's own database, raise it far past what
    // a run can hold, for every variant (whichever the shopper buys).
    await query(db.url, `UPDATE "Variant" SET "stock" = 1000000`);
    log("raised the stock of every variant in the bench database to 1,000,000");
  } else {
    log("--url: stock is not raised (the bench does not write to a store it did not start); a run may fail for stock");
  }
  // The first journeys render the checkout and payment pages for the first time.
  log("start-checkout: warming up");
  let prepared: Awaited<ReturnType<typeof prepareCheckoutApi>>;
  try {
    prepared = await prepareCheckoutApi(base);
    for (let i = 0; i < 3; i++) {
      await startCheckoutOnce(base);
      await startCheckoutApiOnce(base, prepared);
    }
  } catch (error) {
    return allRows({ mark: "FAIL", note: `warm-up: ${(error as Error).message}` });
  }
  const out: Row[] = [];
  for (const browser of [false, true]) {
    for (const level of CHECKOUT_LEVELS) {
      log(`start-checkout${browser ? " (no-JS browser)" : ""}: ${level} shoppers for ${opts.seconds} s`);
      const figure = await measureJourneys(() => (browser ? startCheckoutOnce(base) : startCheckoutApiOnce(base, prepared)), level, opts.seconds);
      const measured = row(level, browser, { perSecond: figure.perSecond, p50: figure.p50, p95: figure.p95 });
      const mark = !browser && level === 20 ? (figure.p95 <= CHECKOUT_P95_TARGET_MS ? "pass" : "FAIL") : "";
      out.push(failedRow(measured, figure) ?? { ...measured, mark });
    }
  }
  return out;
}

async function measureScale(
  base: string,
  opts: Options,
  db: BenchDatabase | null,
  before: Map<PageKey, Figure>,
  selected: (k: RowKey) => boolean,
  restart: (() => Promise<string>) | null,
): Promise<Row[]> {
  const specs = PAGES.filter((p) => p.scale && selected(p.key) && before.has(p.key));
  const row = (spec: PageSpec, extra: Partial<Row>): Row => ({
    group: "scale",
    label: `${spec.label}, ${SCALE_PRODUCTS.toLocaleString("en")} products`,
    what: spec.path,
    target: `≤ ${SCALE_TARGET}× cost`,
    mark: "",
    ...extra,
  });
  const skipAll = (note: string) => {
    log(`scale: skipped: ${note}`);
    return specs.map((spec) => row(spec, { mark: "skipped", note }));
  };
  if (specs.length === 0) return [];
  if (!db || !restart) return skipAll("--url: the bench does not grow a catalog it did not make");

  const shownBefore = await listedCount(base);
  log(`scale: npm run db:seed -- --products ${SCALE_PRODUCTS}`);
  try {
    await run(process.execPath, ["--import", "tsx", "prisma/seed.ts", "--products", String(SCALE_PRODUCTS)], benchEnv(db));
  } catch (error) {
    return skipAll(`seed --products not available (${(error as Error).message})`);
  }
  const [counted] = await query<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM "Product"`);
  if ((counted?.n ?? 0) < SCALE_PRODUCTS) return skipAll(`seed --products not available (the catalog has ${counted?.n ?? 0} products)`);

  // The running store learns of the change through its cache invalidation;
  // measuring before it does would measure the old, small pages. If it does
  // not learn within a minute, the rows are measured on a restarted store with
  // no kept pages (the figure is still the cost of a page at this size), and
  // say so.
  let note: string | undefined;
  if (shownBefore === null) {
    log("scale: the listing shows no product count, so the bench cannot tell when the store sees the new catalog");
  } else {
    const deadline = Date.now() + 60_000;
    let shown = await listedCount(base);
    while ((shown ?? 0) <= shownBefore && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      shown = await listedCount(base);
    }
    if ((shown ?? 0) <= shownBefore) {
      note = `measured after a restart: a minute after the seed, /shop still listed ${shown ?? "?"} products, not ${counted!.n}`;
      log(`scale: ${note.replace("measured after a restart: ", "")}; restarting the store with no kept pages`);
      base = await restart();
    }
  }

  const out: Row[] = [];
  for (const spec of specs) {
    log(`scale: ${spec.label}: ${spec.path}`);
    try {
      await warm(base, spec.path, {}, pageCheck(spec.key));
    } catch (error) {
      out.push(row(spec, { mark: "FAIL", note: (error as Error).message }));
      continue;
    }
    const figure = await measureUrl(base + spec.path, { seconds: opts.seconds, connections: opts.connections });
    // Cost: how much more a request takes now; 1.3 means 30% fewer req/s.
    const cost = before.get(spec.key)!.perSecond / figure.perSecond;
    const r = row(spec, { perSecond: figure.perSecond, p50: figure.p50, p95: figure.p95, ratio: fmtRatio(cost, "cost"), note });
    out.push(failedRow(r, figure) ?? { ...r, mark: cost <= SCALE_TARGET ? "pass" : "FAIL" });
  }
  return out;
}

async function main() {
  const opts = options();
  // The scale rows are ratios to their pages' rows at the seed catalog's size, so they bring those along.
  const scalePages = new Set<RowKey>(PAGES.filter((p) => p.scale).map((p) => p.key));
  const selected = (key: RowKey) => !opts.only || opts.only.has(key) || (opts.only.has("scale") && scalePages.has(key));
  const started = new Date();
  const loadAtStart = loadNow();
  let db: BenchDatabase | null = null;
  let store: RunningStore | null = null;
  let cleaning: Promise<void> | null = null;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await store?.stop({ keepLog: opts.keepLog || requestsFailed });
      await db?.drop().catch((e: Error) => console.error(`[bench] could not drop the bench database: ${e.message}`));
    })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the store`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  let rows: Row[] = [];
  let base: string;
  /** Stops the bench's store and serves it again with no kept pages; null with --url. */
  let restart: (() => Promise<string>) | null = null;
  try {
    if (opts.url) {
      base = opts.url;
      log(`measuring the running store at ${base}`);
    } else {
      const port = opts.port ?? (await freePort());
      const benchDb = (db = await makeBenchDatabase(process.env.DATABASE_URL));
      store = await startStore(benchDb, port);
      base = store.url;
      restart = async () => {
        await store?.stop({ keepLog: opts.keepLog || requestsFailed });
        store = await serveStore(benchDb, port);
        return store.url;
      };
    }

    const cartCookie = selected("cart") ? await twoItemCart(base) : null;
    const pdf = selected("pdf") ? await bookletUrl(base) : null;
    const pages = await measurePages(base, opts, cartCookie, pdf, selected);
    rows = pages.rows;
    if (selected("checkout")) rows.push(...(await measureCheckout(base, opts, db)));
    if (selected("scale")) rows.push(...(await measureScale(base, opts, db, pages.figures, selected, restart)));
  } finally {
    await cleanUp();
  }

  const what = db ? db.label : `the store at ${opts.url}`;
  const settings = `${opts.seconds} s a row, ${opts.connections} connections a page row`;
  console.log(`\n${started.toISOString()}  ${what}; ${settings}\n${machineLine(loadAtStart)}`);
  console.log(textTable(rows));
  const failed = rows.filter((r) => r.mark === "FAIL").length;
  console.log(`\n${rows.filter((r) => r.mark === "pass").length} passed, ${failed} failed, ${rows.filter((r) => r.mark === "skipped").length} skipped`);

  if (opts.write) {
    const file = writeDocSection(
      "bench",
      [
        "## Throughput and latency (`npm run bench`)",
        "",
        `Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${machineLine(loadAtStart)}.`,
        `Database: ${what}. ${settings[0]!.toUpperCase()}${settings.slice(1)}.`,
        "",
        `Command: \`${commandLine("bench", process.argv.slice(2))}\`.`,
        "",
        markdownTable(rows),
      ].join("\n"),
    );
    log(`wrote ${file}`);
  }
}

main().catch((error) => {
  console.error(`[bench] ${(error as Error).stack ?? error}`);
  process.exit(1);
});
