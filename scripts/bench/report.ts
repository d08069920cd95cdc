// The bench's table (for the terminal and for docs/performance.md) and the
// page it writes. docs/performance.md has one section per command between
// markers, so `npm run bench -- --write` and `npm run bench:lighthouse --
// --write` each rewrite their own section and keep the other's.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "../proc";

export type Mark = "pass" | "FAIL" | "skipped" | "";

export type Row = {
  /** Where the row belongs: "pages", "checkout" or "scale". */
  group: string;
  label: string;
  /** The URL or what was done. */
  what: string;
  perSecond?: number;
  p50?: number;
  p95?: number;
  /** e.g. "0.84× static", "1.12× cost". */
  ratio?: string;
  /** e.g. "≥ 0.8× static"; empty when the row has no target. */
  target: string;
  mark: Mark;
  /** Why a row was skipped or failed, or what else to know. */
  note?: string;
};

const COLUMNS = ["row", "req/s", "p50 ms", "p95 ms", "ratio", "target", "", "note"] as const;

function cells(row: Row): string[] {
  const n = (v: number | undefined, digits = 0) => (v === undefined || Number.isNaN(v) ? "—" : v.toFixed(digits));
  return [
    row.label,
    n(row.perSecond, row.perSecond !== undefined && row.perSecond < 100 ? 1 : 0),
    n(row.p50, 1),
    n(row.p95, 1),
    row.ratio ?? "",
    row.target,
    row.mark,
    row.note ?? "",
  ];
}

/** A plain text table, numbers right-aligned. */
export function textTable(rows: Row[]): string {
  const table = [COLUMNS as readonly string[], ...rows.map(cells)];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const numeric = new Set([1, 2, 3, 4]);
  const lines: string[] = [];
  let group = "";
  table.forEach((r, index) => {
    const row = index > 0 ? rows[index - 1]! : undefined;
    if (row && row.group !== group) {
      group = row.group;
      lines.push("");
    }
    lines.push(
      r
        .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    );
  });
  return lines.join("\n");
}

export function markdownTable(rows: Row[]): string {
  const escape = (s: string) => s.replace(/\|/g, "\\|");
  const header = ["row", "what", "req/s", "p50 ms", "p95 ms", "ratio", "target", "result"];
  const lines = [`| ${header.join(" | ")} |`, `| ${header.map((_, i) => (i >= 2 && i <= 5 ? "---:" : "---")).join(" | ")} |`];
  for (const row of rows) {
    const [label, perSecond, p50, p95, ratio, target, mark, note] = cells(row);
    const result = [mark, note].filter(Boolean).join(": ");
    const what = row.what.startsWith("/") ? `\`${row.what}\`` : row.what;
    lines.push(`| ${[label!, what, perSecond!, p50!, p95!, ratio!, target!, result].map(escape).join(" | ")} |`);
  }
  return lines.join("\n");
}

/** The 1-minute load average now: taken before a run starts, it tells whether something else was busy. */
export const loadNow = () => os.loadavg()[0]!;

/** The machine a run was on, in one line: what the figures mean depends on it (and on what else ran). */
export function machineLine(loadAtStart: number): string {
  const cpu = os.cpus()[0]?.model?.replace(/\s+/g, " ").trim() ?? "unknown CPU";
  const gib = (os.totalmem() / 1024 ** 3).toFixed(0);
  const load = `1-minute load average ${loadAtStart.toFixed(2)} before the run, ${loadNow().toFixed(2)} after`;
  return `${os.availableParallelism()} cores (${cpu}), ${gib} GiB memory, Node ${process.version}, ${os.type()} ${os.release()}; ${load}`;
}

/** The command as a person would type it again. */
export function commandLine(script: string, args: string[]): string {
  return args.length ? `npm run ${script} -- ${args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a}'`)).join(" ")}` : `npm run ${script}`;
}

const DOC = path.join(root, "docs/performance.md");

const PREAMBLE = `# Performance

What one store process serves, measured on a production build with the commands below. Each
section is rewritten by its command's \`--write\`; the figures depend on the machine, so compare
runs on the same one. Targets come from issue 11; a ratio to the static file (a file from
\`public/\`, served by the same server and proxy as the pages) cancels out most of the machine's
speed.

## How to reproduce

\`\`\`sh
# A PostgreSQL server for the checkout rows (the bench makes and drops <name>_bench on it;
# the database the URL names is never touched). Without DATABASE_URL the page rows run on an
# embedded PGlite and the checkout rows are skipped.
export DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/store
npm run bench -- --write              # pages, checkout, scale: about 5 minutes on 2 cores
npm run bench:lighthouse -- --write   # kit page, mobile Lighthouse (Chromium at /usr/bin/chromium, or CHROME_PATH)
\`\`\`

\`npm run bench\` makes its own database, migrates and seeds it, builds when the sources changed
(the build stamp), starts \`scripts/serve.ts\` in demo mode on 127.0.0.1 (a free port in
3400–3499), warms every URL, then measures each row for \`--duration\` seconds (default 10)
with \`--connections\` keep-alive connections (default 20) using autocannon in the bench's own
process. \`--url http://127.0.0.1:PORT\` measures a store that is already running instead (no
database is touched: the checkout rows run without raising stock and the scale rows are
skipped). \`--only kit,cart,checkout\` runs some rows; \`npm run bench -- --help\` lists them.

Rows:
- **pages**: requests/s and latency to the whole response, each as a ratio to the static file.
- **start-checkout**: closed-loop shoppers, each starting again as soon as the last finished,
  a new visitor each time; p50/p95 of one whole start-checkout and completed/s. The measured row
  is issue 11's definition, add to cart + hold stock + create the payment, as the pages' script
  does it: \`POST /cart/add\` and \`POST /checkout/start\`, each answering a small JSON
  (\`scripts/bench/checkout-api.ts\`). The "no-JS browser" rows are the same purchase as a browser
  without JavaScript (\`scripts/bench/shopper.ts\`: product page, add, checkout page, form post,
  payment page), for information. The bench raises the stock of every variant in its own
  database first, so no run fails for stock.
- **scale**: the same pages after \`npm run db:seed -- --products 2000\` grows the catalog,
  as cost relative to the seed catalog (req/s before ÷ req/s after).

What the latest figures say is written by hand below the measured sections (the commands
rewrite only what lies between their markers).
`;

function section(name: string, body: string): string {
  return `<!-- ${name}:start -->\n${body.trim()}\n<!-- ${name}:end -->`;
}

/** Rewrites one marked section of docs/performance.md (made with its preamble when missing). */
export function writeDocSection(name: "bench" | "lighthouse", body: string): string {
  const order = ["bench", "lighthouse"] as const;
  let text = existsSync(DOC) ? readFileSync(DOC, "utf8") : PREAMBLE;
  if (!text.startsWith(PREAMBLE)) {
    // Keep the sections; the how-to-reproduce text is this file's to keep current.
    const first = text.indexOf("<!-- ");
    text = PREAMBLE + (first >= 0 ? `\n${text.slice(first)}` : "");
  }
  const block = section(name, body);
  const pattern = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
  if (pattern.test(text)) {
    text = text.replace(pattern, () => block);
  } else {
    const missing = `${block}\n`;
    // Sections stay in a fixed order whichever command writes first.
    const later = order.slice(order.indexOf(name) + 1).find((other) => text.includes(`<!-- ${other}:start -->`));
    text = later ? text.replace(`<!-- ${later}:start -->`, `${missing}\n<!-- ${later}:start -->`) : `${text.trimEnd()}\n\n${missing}`;
  }
  writeFileSync(DOC, text.replace(/\n{3,}/g, "\n\n"));
  return path.relative(root, DOC);
}
