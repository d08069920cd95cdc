// A production store of the bench's own, on a database of its own:
//
// - With DATABASE_URL (a PostgreSQL server): the database `<name>_bench` on
//   that server, made anew for each run (from the seed catalog) and dropped at
//   its end; the database the URL names is never read or written.
// - Without it: an embedded PGlite in memory, the same machinery `npm test`
//   uses (scripts/embedded-db.ts). Fine for the page rows; the checkout rows
//   need a server (PGlite runs one transaction at a time).
//
// Then migrations, the seed, a build when the build stamp says the sources
// changed (scripts/build-stamp.ts), and `scripts/serve.ts` in demo mode on
// 127.0.0.1, in its own process group so stopping it stops only what the
// bench started.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { buildIsCurrent, markBuilt } from "../build-stamp";
import { startEmbeddedDb, type EmbeddedDb } from "../embedded-db";
import { bin, root, run } from "../proc";

const log = (message: string) => console.log(`[bench] ${message}`);

export type BenchDatabase = {
  url: string;
  /** "server" (a PostgreSQL server from DATABASE_URL) or "embedded" (PGlite in memory). */
  kind: "server" | "embedded";
  /** What it is, for the report, e.g. "PostgreSQL 15.18 server (database wt_bench_bench)". */
  label: string;
  drop: () => Promise<void>;
};

/** Runs one statement on a database and returns its rows; a fresh connection each time (a handful of calls a run). */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The bench's own database: `<name>_bench` beside the one DATABASE_URL names, or an in-memory PGlite. */
export async function makeBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (!serverUrl) {
    const embedded: EmbeddedDb = await startEmbeddedDb({});
    return { url: embedded.url, kind: "embedded", label: "embedded PGlite (in memory)", drop: embedded.stop };
  }
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1) || "store"}_bench`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  await query(admin.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await query(admin.toString(), `CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  const [version] = await query<{ v: string }>(url.toString(), "SELECT current_setting('server_version') AS v");
  return {
    url: url.toString(),
    kind: "server",
    label: `PostgreSQL ${version?.v ?? "?"} server (database ${name})`,
    drop: () => query(admin.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
  };
}

/** The first port of 3400–3499 nobody listens on (the range this machine's benches may use). */
export async function freePort(from = 3400, to = 3499): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

/**
 * Pages and data the store rendered and kept at run time, from whichever
 * database it last served. The bench database keeps its name while every run
 * makes it anew with new ids, so a page kept from an earlier run (or from the
 * user's own `npm start`) would offer variant ids that no longer exist; and
 * the pages the bench keeps must not be served later by `npm start` on the
 * user's database. So they are removed before the bench's store starts and
 * after it stops (scripts/test.ts removes the data cache for the same
 * reason). The build itself is left alone.
 */
export function clearRenderedPages(): void {
  for (const dir of [".next/cache/fetch-cache", ".next/server/route-cache"]) rmSync(path.join(root, dir), { recursive: true, force: true });
}

export type RunningStore = { url: string; logFile: string; stop: (options?: { keepLog?: boolean }) => Promise<void> };

/** The environment of every command the bench runs against its database (migrate, seed, build, serve). */
export function benchEnv(db: BenchDatabase): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: db.url,
    // The offline demo: demo payments, the mail outbox, no Stripe or SMTP.
    STORE_MODE: "demo",
    // The store keeps to one connection on PGlite (lib/db.ts) when it sees this.
    ...(db.kind === "embedded" ? { EMBEDDED_DB: "1" } : {}),
  };
}

/** Migrate and seed the bench database, build if the sources changed, and serve. */
export async function startStore(db: BenchDatabase, port: number): Promise<RunningStore> {
  const env = benchEnv(db);
  log(`database: ${db.label}`);
  await run(bin("prisma"), ["migrate", "deploy"], env);
  await run(process.execPath, ["--import", "tsx", "prisma/seed.ts"], env);
  clearRenderedPages();
  if (!buildIsCurrent()) {
    log("building the store (the sources changed since the last build)…");
    await run(bin("next"), ["build"], env);
    markBuilt();
  } else {
    log("the build is current (build stamp): not rebuilding");
  }
  return serveStore(db, port);
}

/** Serves the current build on the bench database: scripts/serve.ts, demo mode, 127.0.0.1. Starts with no kept pages. */
export async function serveStore(db: BenchDatabase, port: number): Promise<RunningStore> {
  const url = `http://127.0.0.1:${port}`;
  const env = benchEnv(db);
  clearRenderedPages();
  // A folder of its own for the server's log and for what the demo keeps
  // (its secret, the mail outbox), so the user's .data is not written to.
  const dataDir = mkdtempSync(path.join(tmpdir(), "stillpoint-bench-"));
  const logFile = path.join(dataDir, "server.log");
  const out = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    cwd: root,
    env: { ...env, PORT: String(port), SITE_URL: url, LISTEN_ADDRESS: "127.0.0.1", STORE_DATA_DIR: dataDir, OUTBOX_DIR: path.join(dataDir, "outbox") },
    // A process group of its own: stop() signals that group and nothing else.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // One JSON line a request: to a file, not the terminal the table is printed on.
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  let exited: number | string | null = null;
  const gone = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = signal ?? code;
      resolve();
    }),
  );

  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // already gone
    }
  };
  const end = async () => {
    if (exited === null && child.pid) {
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 10_000);
      await gone;
      clearTimeout(timer);
    }
    clearRenderedPages();
  };
  // The log has a line a request (tens of megabytes a run): kept only when asked for.
  const stop = async (options: { keepLog?: boolean } = {}) => {
    await end();
    if (options.keepLog) log(`the store's log: ${logFile}`);
    else rmSync(dataDir, { recursive: true, force: true });
  };

  // Ready when it answers anything at all; 3 minutes covers a cold start on a busy 2-core machine.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null) throw new Error(`the store exited (${exited}) before answering; its log: ${logFile}`);
    try {
      const response = await fetch(`${url}/robots.txt`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        await end();
        throw new Error(`the store did not answer on ${url} within 3 minutes; its log: ${logFile}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  log(`store serving on ${url} (process group ${child.pid})`);
  return { url, logFile, stop };
}
