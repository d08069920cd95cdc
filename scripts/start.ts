// `npm start`: everything a fresh machine needs to serve the store.
//
// 0. Check the settings (lib/config.ts). With DATABASE_URL set the store is
//    production and refuses to start, naming every missing or invalid
//    setting, unless STORE_MODE=demo says the operator wants the demo.
// 1. With no DATABASE_URL, start the embedded PostgreSQL (PGlite) on
//    127.0.0.1 with its data in .data/pglite, kept across restarts (the
//    data folder, .data, moves with STORE_DATA_DIR: the secret and the
//    outbox go with it; lib/data-folder.ts): the
//    offline demo (STORE_MODE=demo), served on 127.0.0.1 unless
//    LISTEN_ADDRESS says otherwise.
//    With DATABASE_URL set, use that server and never start PGlite.
// 2. Apply migrations (prisma migrate deploy).
// 3. Seed the catalog if it is empty.
// 4. Build the production bundle if the sources changed since the last build.
// 5. Serve on PORT (default 3000) until Ctrl-C, then stop the server first and
//    the database last, so nothing in flight is lost. With DATABASE_URL the
//    server runs one process a core (WEB_CONCURRENCY, scripts/serve.ts); the
//    embedded database allows only one.
//
// `npm run dev` does the same with `next dev` instead of steps 4-5's build.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ConfigError, assertConfig } from "../lib/config";
import { storeDataDir } from "../lib/data-folder";
import { buildIsCurrent, markBuilt } from "./build-stamp";
import { startEmbeddedDb, type EmbeddedDb } from "./embedded-db";
import { bin, root, run } from "./proc";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const log = (message: string) => console.log(`[store] ${message}`);

async function main() {
  const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
  let embedded: EmbeddedDb | undefined;
  let server: ChildProcess | undefined;
  let stopping = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      server.kill("SIGTERM");
      // The server's own limit is 8 s a process, 10 s with several (scripts/serve.ts).
      const timer = setTimeout(() => server!.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    if (embedded) {
      await embedded.stop();
      log("embedded database closed");
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  if (!env.DATABASE_URL) env.STORE_MODE = "demo";
  try {
    assertConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[store] ${error.message}`);
    process.exit(78); // EX_CONFIG: nothing was started
  }

  try {
    if (env.DATABASE_URL) {
      log("using the PostgreSQL server given by DATABASE_URL");
    } else {
      const folder = storeDataDir(env, root);
      if (env.STORE_DATA_DIR) {
        // The web server (and its outbox) must use the same folder, whatever its working folder.
        env.STORE_DATA_DIR = folder;
        env.OUTBOX_DIR ||= path.join(folder, "outbox");
      }
      const dataDir = path.join(folder, "pglite");
      embedded = await startEmbeddedDb({ dataDir, port: Number(env.EMBEDDED_DB_PORT ?? 0) });
      env.DATABASE_URL = embedded.url;
      env.EMBEDDED_DB = process.env.EMBEDDED_DB = "1";
      log(
        `embedded PostgreSQL (PGlite) on ${new URL(embedded.url).host}, data in ${dataDir.startsWith(root + path.sep) ? path.relative(root, dataDir) : dataDir}`,
      );
    }

    await run(bin("prisma"), ["migrate", "deploy"], env);

    const { createDb } = await import("../lib/db");
    const { catalogIsEmpty, seedCatalog } = await import("../prisma/seed");
    const prisma = createDb(env.DATABASE_URL!, 2);
    if (await catalogIsEmpty(prisma)) {
      const counts = await seedCatalog(prisma);
      log(`seeded the catalog: ${counts.products} products, ${counts.variants} variants`);
    }
    await prisma.$disconnect();

    if (dev) {
      server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--dev"], { cwd: root, env: { ...env, PORT: port }, stdio: "inherit" });
    } else {
      if (!buildIsCurrent()) {
        log("building the store (first start, or the sources changed)…");
        await run(bin("next"), ["build"], env);
        markBuilt();
      }
      server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { cwd: root, env: { ...env, PORT: port }, stdio: "inherit" });
    }
    log(`starting the web server on port ${port}  (Ctrl-C stops the store)`);
    server.on("exit", (code) => {
      if (!stopping) {
        log(`the web server exited (${code}); stopping`);
        void stop(code ?? 1);
      }
    });
  } catch (error) {
    console.error(`[store] could not start: ${(error as Error).message}`);
    await stop(1);
  }
}

void main();
