// What the catalog costs a page, outside the server: times the lib functions a catalog page calls,
// through the real data cache (Next.js's IncrementalCache with its file-system handler and memory
// store, as `next start` has it), against the database in DATABASE_URL.
//
//   npm run bench:catalog                                ms per call at this database's catalog size
//   npm run bench:catalog -- --compare URL_20 URL_2000   both databases, and the ratio (big / small)
//       [--rounds 3]                                     runs each database this many times, taking turns,
//                                                        and keeps each case's best median (the machine is shared)
//   npm run bench:catalog -- --calls 5                   fewer calls per case (for a slow store)
//
// Each case is what one request for that page does with the catalog. A figure is the median of many
// calls after a warm-up (data cache filled, this process's catalog index built). "cards" is how many
// products the page shows: the "+ HTML" cases also render the listing to HTML, whose cost follows the
// number of cards (at most one page, 24), not the size of the catalog. Printed apart: the first call
// (which reads the catalog from the database) and a search for a word never searched before (which
// scans each product's text once, then is remembered for the catalog version).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

type Result = { name: string; ms: number; calls: number; cards: number | null };
type Report = { products: number; variants: number; cold: number; newWord: number; results: Result[] };

const args = process.argv.slice(2);
/** Width of the case names in the printed tables. */
const W = 68;
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  const value = i === -1 ? fallback : Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} wants a whole number`);
  return value;
};

if (args[0] === "--compare") {
  const [small, big] = args.slice(1);
  if (!small?.includes("://") || !big?.includes("://")) {
    console.error("usage: npm run bench:catalog -- --compare SMALL_DATABASE_URL BIG_DATABASE_URL [--rounds N] [--calls N]");
    process.exit(2);
  }
  const calls = String(flag("--calls", 30));
  const run = (url: string): Report => {
    const child = spawnSync(process.execPath, ["--import", "tsx", import.meta.filename, "--json", "--calls", calls], {
      env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`bench against ${new URL(url).pathname} failed:\n${child.stderr}`);
    return JSON.parse(child.stdout.trim().split("\n").pop()!) as Report;
  };
  const best = (reports: Report[]): Report => ({
    ...reports[0]!,
    cold: Math.min(...reports.map((r) => r.cold)),
    newWord: Math.min(...reports.map((r) => r.newWord)),
    results: reports[0]!.results.map((r, i) => ({ ...r, ms: Math.min(...reports.map((x) => x.results[i]!.ms)) })),
  });
  const smallRuns: Report[] = [];
  const bigRuns: Report[] = [];
  for (let round = 0; round < flag("--rounds", 3); round++) {
    smallRuns.push(run(small));
    bigRuns.push(run(big));
  }
  const a = best(smallRuns);
  const b = best(bigRuns);
  const cards = (r: Result) => (r.cards === null ? "" : String(r.cards));
  console.log(`${"ms per call (median)".padEnd(W)}${`${a.products} products`.padStart(14)}${`${b.products} products`.padStart(16)}   ratio   cards`);
  for (const r of a.results) {
    const other = b.results.find((x) => x.name === r.name)!;
    const ratio = other.ms / r.ms;
    console.log(
      r.name.padEnd(W) +
        r.ms.toFixed(3).padStart(14) +
        other.ms.toFixed(3).padStart(16) +
        ratio.toFixed(2).padStart(8) +
        `${cards(r)} → ${cards(other)}`.padStart(8).replace(/^\s*→\s*$/, ""),
    );
  }
  // Rendering follows the cards a page shows (at most 24), so compare it per card too.
  console.log(`\n${"HTML: ms per card shown".padEnd(W)}${`${a.products} products`.padStart(14)}${`${b.products} products`.padStart(16)}   ratio`);
  for (const r of a.results.filter((x) => x.name.endsWith("+ HTML") && x.cards)) {
    const other = b.results.find((x) => x.name === r.name)!;
    const [x, y] = [r.ms / r.cards!, other.ms / other.cards!];
    console.log(r.name.padEnd(W) + x.toFixed(3).padStart(14) + y.toFixed(3).padStart(16) + (y / x).toFixed(2).padStart(8));
  }
  console.log();
  console.log(`${"first search for a new word (scans product text once)".padEnd(W)}${a.newWord.toFixed(3).padStart(14)}${b.newWord.toFixed(3).padStart(16)}`);
  console.log(`${"cold: first getCatalog() (reads the database)".padEnd(W)}${a.cold.toFixed(1).padStart(14)}${b.cold.toFixed(1).padStart(16)}`);
  process.exit(0);
}

const json = args.includes("--json");
const minCalls = flag("--calls", 30);
if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to the database to measure.");
  process.exit(2);
}

// As `next start` runs: React's production build (its development build renders several times slower).
(process.env as Record<string, string>).NODE_ENV = "production";
const { createElement } = await import("react");
const { renderToString } = await import("react-dom/server");
// Next.js's server sets this up before any of its modules load; so must a script that uses them.
(globalThis as Record<string, unknown>).AsyncLocalStorage = (await import("node:async_hooks")).AsyncLocalStorage;

// The data cache as `next start` has it: unstable_cache finds it on globalThis outside a request.
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

const { categoryBySlug, getCatalog, getCatalogLookup, getProduct, listingView } = await import("../lib/catalog/index");
const { getInstructionsForProduct } = await import("../lib/guides/index");
const { Listing } = await import("../components/listing");

async function time(fn: () => Promise<unknown>): Promise<{ ms: number; calls: number }> {
  // Warm up, then as many calls as fit in 1.5 seconds (at least minCalls), median of them.
  for (let i = 0; i < Math.min(10, minCalls); i++) await fn();
  const times: number[] = [];
  const until = performance.now() + 1500;
  while (times.length < minCalls || (performance.now() < until && times.length < 5000)) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  return { ms: times[Math.floor(times.length / 2)]!, calls: times.length };
}

const coldStart = performance.now();
const first = await getCatalog();
const cold = performance.now() - coldStart;

type Params = Record<string, string>;
type Page = { category: string; params: Params };

/**
 * One listing request, as app/cached/shop/[category]/[key]/page.tsx makes it: the catalog, then what
 * <Listing> asks of lib/catalog (listingView: the query read from the URL, one page of products); with
 * `html`, <Listing> rendered to HTML as well. `pageFilters`: the page picks the category's products
 * itself and hands them over, as it does today, instead of leaving that to the catalog index.
 */
async function listing({ category: slug, params }: Page, html: boolean, pageFilters = false) {
  const catalog = await getCatalog();
  const category = slug === "all" ? null : categoryBySlug(slug)!;
  const products = pageFilters ? (category ? catalog.products.filter((p) => p.kind === category.kind) : catalog.products) : undefined;
  if (!html) return listingView(catalog, category, params, null, products);
  return renderToString(createElement(Listing, { catalog, products, category, base: `/shop/${slug}`, params, savedPen: null }));
}

const cartridge = first.products.find((p) => p.kind === "CARTRIDGE" && p.guideSlug)!;
const kit = first.products.find((p) => p.kind === "KIT" && p.guideSlug)!;
const pen = first.penModels[0]!.slug;

const pages: [string, Page][] = [
  ...["kits", "cartridges", "aftercare", "accessories", "all"].map((category): [string, Page] => [`listing /shop/${category}`, { category, params: {} }]),
  ["filtered /shop/cartridges?pen&config=12-pin&sort=price-asc", { category: "cartridges", params: { pen, config: "12-pin", sort: "price-asc" } }],
  ["filtered /shop/cartridges?concern=texture&stock=1", { category: "cartridges", params: { concern: "texture", stock: "1" } }],
  ["search /shop?q=cartridge 16", { category: "all", params: { q: "cartridge 16" } }],
  ["search /shop?q=fragrance-free", { category: "all", params: { q: "fragrance-free" } }],
];
const cardsOf = (page: Page) => {
  const category = page.category === "all" ? null : categoryBySlug(page.category)!;
  return listingView(first, category, page.params).items.length;
};

const cases: [string, () => Promise<unknown>, number | null][] = [];
for (const [name, page] of pages) cases.push([name, () => listing(page, false), cardsOf(page)]);
for (const [name, page] of pages.slice(0, 2)) cases.push([`${name} (page filters by kind itself)`, () => listing(page, false, true), cardsOf(page)]);
for (const [name, page] of pages) cases.push([`${name} + HTML`, () => listing(page, true), cardsOf(page)]);
cases.push(["product page: getProduct + instructions (cartridge)", async () => getInstructionsForProduct((await getProduct(cartridge.slug))!), null]);
cases.push(["product page: getProduct + instructions (kit)", async () => getInstructionsForProduct((await getProduct(kit.slug))!), null]);
cases.push([
  "GET /api/visitor: pen name + product check",
  async () => {
    const lookup = await getCatalogLookup();
    return [lookup.pen(pen), lookup.hasProduct(cartridge.slug)];
  },
  null,
]);

const results: Result[] = [];
for (const [name, fn, cards] of cases) {
  const r = await time(fn);
  results.push({ name, ...r, cards });
  if (!json) console.log(`${name.padEnd(W)}${r.ms.toFixed(3).padStart(10)} ms  (${r.calls} calls${cards === null ? "" : `, ${cards} cards`})`);
}

// A word no request has searched for: each call a new one (the search index fills one set per word).
let n = 0;
const newWord = await time(() => listing({ category: "all", params: { q: `zq${(n++).toString(36)}` } }, false));

const report: Report = {
  products: first.products.length,
  variants: first.products.reduce((sum, p) => sum + p.variants.length, 0),
  cold,
  newWord: newWord.ms,
  results,
};
if (json) console.log(JSON.stringify(report));
else {
  console.log(`${"first search for a new word".padEnd(W)}${newWord.ms.toFixed(3).padStart(10)} ms`);
  console.log(`\n${report.products} products, ${report.variants} variants; cold first getCatalog(): ${cold.toFixed(1)} ms`);
}

rmSync(cacheDir, { recursive: true, force: true });
process.exit(0);
