// `npm run bench:lighthouse`: a mobile Lighthouse audit of the kit page,
// printed as the four category scores and the Largest Contentful Paint.
//
// It starts the same store as `npm run bench` (its own database, a build if
// the sources changed, scripts/serve.ts in demo mode on 127.0.0.1), or takes
// one with --url; warms the page so its first render is not what is audited;
// then runs Lighthouse 12 (12.2.3: 13 needs Node 22) with its default mobile
// settings (a mid-range phone, simulated slow 4G) in Debian's Chromium, with
// the flags that keep Chromium off the network (../shared/STACK.md). With
// --write, the result becomes the Lighthouse section of docs/performance.md.
//
//   npm run bench:lighthouse -- [--url http://127.0.0.1:PORT] [--port N] [--write]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { bin, run } from "../proc";
import { commandLine, loadNow, machineLine, writeDocSection } from "./report";
import { freePort, makeBenchDatabase, startStore, type BenchDatabase, type RunningStore } from "./store";

const log = (message: string) => console.log(`[lighthouse] ${message}`);

const PAGE = "/products/home-complete-kit";

/** GET on a connection of its own (no keep-alive), body read to the end; resolves the status. */
function getOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false, timeout: 60_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url} took over 60 s`)));
    req.on("error", reject);
    req.end();
  });
}
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type LighthouseResult = {
  url: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  lighthouseVersion: string;
  chrome: string;
};

/** Runs the Lighthouse CLI on one URL (mobile, its defaults) and reads the scores from its JSON report. */
export async function audit(url: string): Promise<LighthouseResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "stillpoint-lighthouse-"));
  const report = path.join(dir, "report.json");
  // Debian's Chromium unless the user points at another (Lighthouse reads CHROME_PATH; the tests read CHROMIUM_PATH).
  const chromePath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  try {
    await run(
      bin("lighthouse"),
      [url, `--only-categories=${CATEGORIES.join(",")}`, "--output=json", `--output-path=${report}`, `--chrome-flags=${CHROME_FLAGS.join(" ")}`, "--quiet"],
      { ...process.env, CHROME_PATH: chromePath },
    );
    const json = JSON.parse(readFileSync(report, "utf8"));
    if (json.runtimeError) throw new Error(`Lighthouse: ${json.runtimeError.code}: ${json.runtimeError.message}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((json.categories[c]?.score ?? NaN) * 100)])) as LighthouseResult["scores"];
    return {
      url,
      scores,
      lcpMs: json.audits["largest-contentful-paint"]?.numericValue ?? NaN,
      lighthouseVersion: json.lighthouseVersion,
      chrome: json.environment?.hostUserAgent?.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? "Chromium",
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function resultTable(r: LighthouseResult): string {
  const rows: [string, string][] = [
    ["performance", String(r.scores.performance)],
    ["accessibility", String(r.scores.accessibility)],
    ["best practices", String(r.scores["best-practices"])],
    ["SEO", String(r.scores.seo)],
    ["LCP", `${(r.lcpMs / 1000).toFixed(2)} s`],
  ];
  return rows.map(([k, v]) => `${k.padEnd(16)}${v.padStart(8)}`).join("\n");
}

function markdown(r: LighthouseResult, when: Date, loadAtStart: number, args: string[]): string {
  return [
    "## Lighthouse, kit page, mobile (`npm run bench:lighthouse`)",
    "",
    `Measured ${when.toISOString().slice(0, 16).replace("T", " ")} UTC on ${machineLine(loadAtStart)}.`,
    `Lighthouse ${r.lighthouseVersion} with its default mobile settings (simulated mid-range phone on slow 4G), ${r.chrome}, on \`${new URL(r.url).pathname}\` after warming it.`,
    "",
    `Command: \`${commandLine("bench:lighthouse", args)}\`.`,
    "",
    "| performance | accessibility | best practices | SEO | LCP |",
    "| ---: | ---: | ---: | ---: | ---: |",
    `| ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores["best-practices"]} | ${r.scores.seo} | ${(r.lcpMs / 1000).toFixed(2)} s |`,
  ].join("\n");
}

async function main() {
  const { values } = parseArgs({
    options: { url: { type: "string" }, port: { type: "string" }, write: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
    strict: true,
  });
  if (values.help) {
    console.log("npm run bench:lighthouse -- [--url http://127.0.0.1:PORT] [--port N] [--write]");
    return;
  }
  const started = new Date();
  const loadAtStart = loadNow();
  let db: BenchDatabase | null = null;
  let store: RunningStore | null = null;
  const cleanUp = async () => {
    await store?.stop();
    await db?.drop().catch((e: Error) => console.error(`[lighthouse] could not drop the bench database: ${e.message}`));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));

  let result: LighthouseResult;
  try {
    let base: string;
    if (values.url) {
      base = values.url.replace(/\/+$/, "");
      if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(base).hostname)) throw new Error("--url must be a store on this machine");
    } else {
      db = await makeBenchDatabase(process.env.DATABASE_URL);
      store = await startStore(db, values.port ? Number(values.port) : await freePort());
      base = store.url;
    }
    // The first request renders and keeps the page; audit the page as visitors get it. Each
    // server process has its own front cache, which learns a page's key from that process's
    // first request for it (decision 0017): warm them all, a new connection each time, as
    // the processes take connections in turn.
    for (let i = 0; i < 3 * availableParallelism(); i++) {
      const status = await getOnNewConnection(base + PAGE);
      if (status !== 200) throw new Error(`GET ${PAGE} answered ${status}`);
    }
    log(`auditing ${base}${PAGE} (mobile)…`);
    result = await audit(base + PAGE);
  } finally {
    await cleanUp();
  }
  console.log(`\n${started.toISOString()}  Lighthouse ${result.lighthouseVersion}, ${result.chrome}, mobile, ${PAGE}\n${machineLine(loadAtStart)}\n`);
  console.log(resultTable(result));
  if (values.write) log(`wrote ${writeDocSection("lighthouse", markdown(result, started, loadAtStart, process.argv.slice(2)))}`);
}

main().catch((error) => {
  console.error(`[lighthouse] ${(error as Error).stack ?? error}`);
  process.exit(1);
});
