// `npm test`: every test, against a real PostgreSQL and a real browser.
//
// Database: with DATABASE_URL set, a fresh database named <name>_test is made
// on that server (and dropped afterwards), so the tests never touch the data
// the URL points at. Without it, an embedded PGlite starts in memory.
// First, before any database starts: ESLint (npm run lint, including the
// layout rule) and Prettier's check (npm run format:check); either failing
// ends the run there. Then: migrations, seed, unit + integration tests
// (Vitest), a production build, and the end-to-end tests (Playwright in
// Chromium) against it.
//
//   npm test                 everything
//   npm test -- --skip-e2e   unit and integration only
import { readFileSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { markBuilt } from "./build-stamp";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { bin, root, run } from "./proc";

const skipE2e = process.argv.includes("--skip-e2e");
const log = (message: string) => console.log(`\n[test] ${message}`);

async function makeTestDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1) || "store"}_test`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const exec = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await exec(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

type Counts = { passed: number; failed: number; skipped: number };

function readCounts(file: string, kind: "vitest" | "playwright"): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  if (kind === "vitest") {
    return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
  }
  const s = report.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
}

type Check = { name: string; ok: boolean };

/** Lint and format, in seconds and without a database: both run, so one run reports both. */
async function staticChecks(env: NodeJS.ProcessEnv): Promise<Check[]> {
  const checks: Check[] = [];
  for (const [name, command, args] of [
    ["lint", "eslint", ["."]],
    ["format", "prettier", ["--check", "."]],
  ] as const) {
    log(`${name}: ${command} ${args.join(" ")}`);
    try {
      await run(bin(command), [...args], env);
      checks.push({ name, ok: true });
    } catch {
      checks.push({ name, ok: false });
    }
  }
  return checks;
}

const checksLine = (checks: Check[]) =>
  `checks: ${checks.filter((c) => c.ok).length} passed, ${checks.filter((c) => !c.ok).length} failed (${checks.map((c) => `${c.name} ${c.ok ? "passed" : "failed"}`).join(", ")})`;

async function main() {
  // The tests run the offline demo (demo payments, the mail outbox) on a
  // throwaway database; tests that need Stripe or SMTP set them per case.
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", STORE_MODE: "demo" };
  let embedded: EmbeddedDb | undefined;
  let drop: (() => Promise<void>) | undefined;
  // Not test-results/: Playwright empties that folder when it starts.
  const reports = path.join(root, "test-reports");
  rmSync(reports, { recursive: true, force: true });
  let failure: Error | undefined;

  const checks = await staticChecks(env);
  if (checks.some((c) => !c.ok)) {
    console.log(`\n${checksLine(checks)}`);
    console.error("[test] fix these first (npm run lint; npm run format rewrites the files Prettier lists); no database was started");
    process.exit(1);
  }

  try {
    if (env.DATABASE_URL) {
      const made = await makeTestDatabase(env.DATABASE_URL);
      env.DATABASE_URL = made.url;
      drop = made.drop;
      log(`PostgreSQL server from DATABASE_URL, database ${new URL(made.url).pathname.slice(1)}`);
    } else {
      embedded = await startEmbeddedDb({});
      env.DATABASE_URL = embedded.url;
      env.EMBEDDED_DB = process.env.EMBEDDED_DB = "1";
      log(`embedded PostgreSQL (PGlite, in memory) on ${new URL(embedded.url).host}`);
    }

    await run(bin("prisma"), ["migrate", "deploy"], env);
    await run(process.execPath, ["--import", "tsx", "prisma/seed.ts"], env);

    log("unit and integration tests (Vitest)");
    try {
      await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${reports}/vitest.json`], env);
    } catch (error) {
      failure = error as Error;
    }

    if (!skipE2e) {
      // The catalog's data cache is keyed by database host and name, and the
      // test database keeps its name while every run recreates it with new
      // ids: a cache left by an earlier run (or a server started by hand on
      // it) would hand the first page stale variant ids (served stale while
      // it revalidates). Start the run without it.
      rmSync(path.join(root, ".next/cache/fetch-cache"), { recursive: true, force: true });
      log("production build");
      await run(bin("next"), ["build"], env);
      markBuilt();
      log("end-to-end tests (Playwright)");
      try {
        await run(bin("playwright"), ["test"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` });
      } catch (error) {
        failure ??= error as Error;
      }
    }
  } catch (error) {
    failure ??= error as Error;
  } finally {
    await drop?.().catch((e) => console.error(`[test] could not drop the test database: ${e.message}`));
    await embedded?.stop();
  }

  const counts = [readCounts(`${reports}/vitest.json`, "vitest"), readCounts(`${reports}/playwright.json`, "playwright")];
  const total = counts.reduce((a, c) => ({ passed: a.passed + c.passed, failed: a.failed + c.failed, skipped: a.skipped + c.skipped }));
  console.log(`\n${checksLine(checks)}`);
  console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  if (failure) {
    console.error(`[test] ${failure.message}`);
    process.exit(1);
  }
  if (total.passed === 0) {
    console.error("[test] no test ran");
    process.exit(1);
  }
}

void main();
