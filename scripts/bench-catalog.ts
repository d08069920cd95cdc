// What the catalog costs a page: times the lib functions catalog pages call, outside the server.
//
//   npm run bench:catalog
//       Against DATABASE_URL, through the real data cache (Next.js's IncrementalCache with its
//       file-system handler and memory store, as `next start` has it): ms per call of each page's
//       work at this database's catalog size.
//
//   npm run bench:catalog -- --compare URL_SMALL URL_BIG [--rounds 5]
//       Both catalogs, and the ratio big / small. The page work is timed in one process on both
//       catalogs, alternating in short batches, so the load of this shared machine falls on both
//       alike. getCatalog(), which every request calls first, is timed through the data cache in one
//       process per database (it reads DATABASE_URL), alternating, best of `rounds`; "per request"
//       adds it to each case.
//
// A figure is the median time per call of many calls, timed in batches of about 2 ms, after a
// warm-up (data cache filled, catalog index built). "cards" is how many products the page shows:
// the "+ HTML" cases render <Listing> to HTML too, whose cost follows the cards shown (at most one
// page of 24), not the size of the catalog. Printed apart: a search for a query never searched before
// (it asks the catalog's search index once, then is remembered for that catalog), building that
// index (once per catalog version, at its first search) and the cold first getCatalog() (it reads
// the catalog from the database).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  const value = i === -1 ? fallback : Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} wants a whole number`);
  return value;
};
/** Width of the case names in the printed tables. */
const W = 66;
const ms = (n: number, width = 12) => n.toFixed(3).padStart(width);

// As `next start` runs: React's production build (its development build renders several times slower).
(process.env as Record<string, string>).NODE_ENV = "production";
const { createElement } = await import("react");
const { renderToString } = await import("react-dom/server");
// Next.js's server sets this up before any of its modules load; so must a script that uses them.
(globalThis as Record<string, unknown>).AsyncLocalStorage = (await import("node:async_hooks")).AsyncLocalStorage;

const catalogLib = await import("../lib/catalog/index");
const { catalogIndex, categoryBySlug, listingView, productNames } = catalogLib;
type Catalog = Awaited<ReturnType<typeof catalogLib.getCatalog>>;
const { buildInstructions, instructionsFor } = await import("../lib/guides/index");
const { loadCurrentGuide } = await import("../lib/guides/store");
const { Listing } = await import("../components/listing");
const { catalogSearch } = await import("../lib/catalog/search");

/** ms to build a catalog's search index: its first search. */
function searchBuild(catalog: Catalog): number {
  const start = performance.now();
  catalogSearch(catalog).find("serum");
  return performance.now() - start;
}

/** Per call, in ms: the median of batches of about 2 ms each, over `seconds` (and at least 30 calls). */
async function time(fn: () => unknown, seconds = 1.5): Promise<number> {
  const warm = performance.now();
  let warmCalls = 0;
  while (warmCalls < 10 || (performance.now() - warm < 100 && warmCalls < 1000)) {
    await fn();
    warmCalls++;
  }
  const batch = batchSize(warmCalls, performance.now() - warm);
  const perCall: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (perCall.length * batch < 30 || (performance.now() < until && perCall.length < 5000)) perCall.push(await timeBatch(fn, batch));
  return median(perCall);
}

const batchSize = (calls: number, elapsed: number) => Math.max(1, Math.min(200, Math.round((2 * calls) / elapsed)));

async function timeBatch(fn: () => unknown, batch: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < batch; i++) await fn();
  return (performance.now() - start) / batch;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

type Page = { category: string; params: Record<string, string> };

/** The pages measured, for a catalog (the pen filter names its first pen model). */
function pagesFor(catalog: Catalog): [string, Page][] {
  const pen = catalog.penModels[0]!.slug;
  return [
    ...["kits", "cartridges", "aftercare", "accessories", "all"].map((category): [string, Page] => [`listing /shop/${category}`, { category, params: {} }]),
    ["filtered /shop/cartridges?pen&config=12-pin&sort=price-asc", { category: "cartridges", params: { pen, config: "12-pin", sort: "price-asc" } }],
    ["filtered /shop/cartridges?concern=texture&stock=1", { category: "cartridges", params: { concern: "texture", stock: "1" } }],
    ["search /shop?q=cartridge 16", { category: "all", params: { q: "cartridge 16" } }],
    ["search /shop?q=fragrance-free", { category: "all", params: { q: "fragrance-free" } }],
    ["search /shop?q=16 pin", { category: "all", params: { q: "16 pin" } }],
    ["search, a typo: /shop?q=catridge", { category: "all", params: { q: "catridge" } }],
  ];
}

const categoryOf = (slug: string) => (slug === "all" ? null : categoryBySlug(slug)!);

/**
 * A listing page's work on a catalog, as app/cached/shop/[category]/[key]/page.tsx does it: what
 * <Listing> asks of lib/catalog (listingView: the query read from the URL, one page of products),
 * or with `html` <Listing> rendered to HTML. `pageFilters`: the page picks the category's products
 * itself and hands them over, as it does today, instead of leaving that to the catalog index.
 */
function listing(catalog: Catalog, { category: slug, params }: Page, html: boolean, pageFilters = false) {
  const category = categoryOf(slug);
  const products = pageFilters ? (category ? catalog.products.filter((p) => p.kind === category.kind) : catalog.products) : undefined;
  if (!html) return listingView(catalog, category, params, null, products);
  return renderToString(createElement(Listing, { catalog, products, category, base: `/shop/${slug}`, params, savedPen: null }));
}

type Case = { name: string; cards: number | null; run: () => unknown; productSlug?: string };

/**
 * The cases on one catalog. The product page is getInstructionsForProduct's work (the product by
 * slug, its guide's instructions built with every product's name at hand) without its data cache
 * reads; GET /api/visitor is getCatalogLookup's.
 */
async function casesFor(catalog: Catalog, guideOf: (slug: string) => Promise<Parameters<typeof instructionsFor>[1]>): Promise<Case[]> {
  const cases: Case[] = [];
  const pages = pagesFor(catalog);
  const cards = (page: Page) => listingView(catalog, categoryOf(page.category), page.params).items.length;
  for (const [name, page] of pages) cases.push({ name, cards: cards(page), run: () => listing(catalog, page, false) });
  for (const [name, page] of pages.slice(0, 2)) {
    cases.push({ name: `${name} (page filters by kind itself)`, cards: cards(page), run: () => listing(catalog, page, false, true) });
  }
  for (const [name, page] of pages) cases.push({ name: `${name} + HTML`, cards: cards(page), run: () => listing(catalog, page, true) });
  for (const kind of ["CARTRIDGE", "KIT"] as const) {
    const slug = catalog.products.find((p) => p.kind === kind && p.guideSlug)!.slug;
    const guide = await guideOf(catalog.products.find((p) => p.slug === slug)!.guideSlug!);
    cases.push({
      name: `product page: product + instructions (${kind.toLowerCase()})`,
      cards: null,
      productSlug: slug,
      run: () => {
        const product = catalogIndex(catalog).product(slug)!;
        const names = productNames(catalog);
        return buildInstructions(product, instructionsFor(product, guide), (s) => names.get(s));
      },
    });
  }
  const pen = catalog.penModels[0]!.slug;
  const someSlug = catalog.products[catalog.products.length - 1]!.slug;
  cases.push({
    name: "GET /api/visitor: pen name + product check",
    cards: null,
    run: () => {
      const index = catalogIndex(catalog);
      return [index.pen(pen)?.name, index.product(someSlug) !== undefined];
    },
  });
  return cases;
}

/** A search word no request has used: each call a new one. */
function newWordSearch(catalog: Catalog): () => unknown {
  let n = 0;
  return () => listingView(catalog, null, { q: `zq${(n++).toString(36)}` });
}

/** The data cache as `next start` has it; unstable_cache finds it on globalThis outside a request. */
async function installDataCache(): Promise<() => void> {
  const cacheDir = mkdtempSync(path.join(tmpdir(), "bench-catalog-"));
  const { IncrementalCache } = await import("next/dist/server/lib/incremental-cache/index.js");
  const { nodeFs } = await import("next/dist/server/lib/node-fs-methods.js");
  (globalThis as Record<string, unknown>).__incrementalCache = new IncrementalCache({
    fs: nodeFs,
    dev: false,
    flushToDisk: true,
    serverDistDir: cacheDir,
    requestHeaders: {},
    maxMemoryCacheSize: 50 * 1024 * 1024,
    previewProps: { previewModeId: "bench", previewModeEncryptionKey: "", previewModeSigningKey: "" },
    prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: { previewModeId: "bench" } },
    fetchCacheKeyPrefix: "",
  } as never);
  return () => rmSync(cacheDir, { recursive: true, force: true });
}

type CacheReport = { cold: number; getCatalog: number; products: number };

if (args.includes("--get-catalog-only")) {
  // A child of --compare: getCatalog() through the data cache, for the database in DATABASE_URL.
  const cleanUp = await installDataCache();
  const start = performance.now();
  const catalog = await catalogLib.getCatalog();
  const cold = performance.now() - start;
  const report: CacheReport = { cold, getCatalog: await time(() => catalogLib.getCatalog(), 1), products: catalog.products.length };
  console.log(JSON.stringify(report));
  cleanUp();
  process.exit(0);
}

if (args[0] === "--compare") {
  const urls = args.slice(1, 3);
  if (urls.length !== 2 || !urls.every((u) => u.includes("://"))) {
    console.error("usage: npm run bench:catalog -- --compare SMALL_DATABASE_URL BIG_DATABASE_URL [--rounds N]");
    process.exit(2);
  }
  const rounds = flag("--rounds", 5);
  const { createDb } = await import("../lib/db");
  const { loadCatalog } = await import("../lib/catalog/load");

  // getCatalog(): one process per database, taking turns, best of the rounds.
  const cacheRuns: CacheReport[][] = [[], []];
  for (let round = 0; round < rounds; round++) {
    for (const [i, url] of urls.entries()) {
      const child = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--get-catalog-only"], {
        env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
        encoding: "utf8",
      });
      if (child.status !== 0) throw new Error(`getCatalog() against ${new URL(url).pathname} failed:\n${child.stderr}`);
      cacheRuns[i]!.push(JSON.parse(child.stdout.trim().split("\n").pop()!) as CacheReport);
    }
  }
  const perRequest = cacheRuns.map((runs) => Math.min(...runs.map((r) => r.getCatalog)));
  const cold = cacheRuns.map((runs) => Math.min(...runs.map((r) => r.cold)));

  // The page work: both catalogs in this process, frozen as getCatalog hands them out.
  const sides = await Promise.all(
    urls.map(async (url) => {
      const prisma = createDb(url, 2);
      const catalog = deepFreeze(await loadCatalog(prisma));
      const built = searchBuild(catalog);
      const guides = new Map<string, Awaited<ReturnType<typeof loadCurrentGuide>>>();
      const guideOf = async (slug: string) => {
        if (!guides.has(slug)) guides.set(slug, await loadCurrentGuide(prisma, slug));
        return guides.get(slug)!;
      };
      const cases = await casesFor(catalog, guideOf);
      await prisma.$disconnect();
      return { catalog, cases, built };
    }),
  );
  const [a, b] = sides as [(typeof sides)[number], (typeof sides)[number]];
  const head = (title: string) =>
    console.log(`${title.padEnd(W)}${`${a.catalog.products.length} products`.padStart(14)}${`${b.catalog.products.length} products`.padStart(16)}   ratio`);

  head("getCatalog(), every request (data cache + this process's copy)");
  console.log(`${"ms per call".padEnd(W)}${ms(perRequest[0]!, 14)}${ms(perRequest[1]!, 16)}${(perRequest[1]! / perRequest[0]!).toFixed(2).padStart(8)}`);
  console.log();
  console.log(
    `${"ms per call (median), alternating between the catalogs".padEnd(W)}${`${a.catalog.products.length} products`.padStart(14)}${`${b.catalog.products.length} products`.padStart(16)}   ratio   per request   cards`,
  );
  const html: [string, number, number, number, number][] = [];
  for (const [i, small] of a.cases.entries()) {
    const big = b.cases[i]!;
    const [x, y] = await paired(small.run, big.run);
    const request = (y + perRequest[1]!) / (x + perRequest[0]!);
    console.log(
      small.name.padEnd(W) +
        ms(x, 14) +
        ms(y, 16) +
        (y / x).toFixed(2).padStart(8) +
        request.toFixed(2).padStart(14) +
        (small.cards === null ? "" : `${small.cards} → ${big.cards}`.padStart(8)),
    );
    if (small.name.endsWith("+ HTML")) html.push([small.name, x, y, small.cards!, big.cards!]);
  }
  // Rendering follows the cards a page shows (at most 24), so compare it per card too.
  console.log();
  head("HTML: ms per card shown");
  for (const [name, x, y, cx, cy] of html) console.log(name.padEnd(W) + ms(x / cx, 14) + ms(y / cy, 16) + (y / cy / (x / cx)).toFixed(2).padStart(8));
  console.log();
  const [wx, wy] = await paired(newWordSearch(a.catalog), newWordSearch(b.catalog));
  console.log(`${"first search for a new query (asks the search index once)".padEnd(W)}${ms(wx, 14)}${ms(wy, 16)}`);
  console.log(`${"search index built (first search of a catalog version)".padEnd(W)}${ms(a.built, 14)}${ms(b.built, 16)}`);
  console.log(`${"cold: first getCatalog() (reads the database)".padEnd(W)}${cold[0]!.toFixed(1).padStart(14)}${cold[1]!.toFixed(1).padStart(16)}`);
  process.exit(0);
}

/** Two functions timed in alternating batches for 3 seconds; the median per call of each. */
async function paired(x: () => unknown, y: () => unknown): Promise<[number, number]> {
  const sizes: number[] = [];
  for (const fn of [x, y]) {
    const warm = performance.now();
    let calls = 0;
    while (calls < 10 || (performance.now() - warm < 100 && calls < 1000)) {
      await fn();
      calls++;
    }
    sizes.push(batchSize(calls, performance.now() - warm));
  }
  const times: [number[], number[]] = [[], []];
  const until = performance.now() + 3000;
  while (times[0].length < 30 || (performance.now() < until && times[0].length < 5000)) {
    times[0].push(await timeBatch(x, sizes[0]!));
    times[1].push(await timeBatch(y, sizes[1]!));
  }
  return [median(times[0]), median(times[1])];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// ------------------------------------------------ one database, through the data cache
if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to the database to measure, or use --compare URL_SMALL URL_BIG.");
  process.exit(2);
}
const cleanUp = await installDataCache();
const { getCatalog, getProduct } = catalogLib;
const { getInstructionsForProduct } = await import("../lib/guides/index");
const { db } = await import("../lib/db");

const coldStart = performance.now();
const first = await getCatalog();
const cold = performance.now() - coldStart;
const built = searchBuild(first);

const line = (name: string, value: number, note = "") => console.log(`${name.padEnd(W)}${ms(value, 10)} ms${note}`);
line("getCatalog(), every request", await time(() => getCatalog()));
for (const c of await casesFor(first, async (slug) => (await loadCurrentGuide(db(), slug))!)) {
  // As a request makes them: getCatalog() first; a product page through its cached guide.
  const slug = c.productSlug;
  const run = slug ? async () => getInstructionsForProduct((await getProduct(slug))!) : async () => (await getCatalog(), c.run());
  line(c.name, await time(run), c.cards === null ? "" : `  (${c.cards} cards)`);
}
line("first search for a new query", await time(newWordSearch(first)));
line("search index built (once per catalog version)", built);
console.log(`\n${first.products.length} products; cold first getCatalog(): ${cold.toFixed(1)} ms`);
await db().$disconnect();
cleanUp();
process.exit(0);
