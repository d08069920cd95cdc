// Embedded PostgreSQL: PGlite (PostgreSQL compiled to WASM) behind
// pglite-socket, so Prisma, psql and every other client talk to it over the
// ordinary wire protocol on 127.0.0.1. One process, one database; fine for a
// shop on one machine, not for several instances (use DATABASE_URL for that).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

export class EmbeddedDbInUse extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's database: two processes opening the same data
 * folder would corrupt it. A lock file beside the folder names the process
 * holding it; a lock left by a process that has died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lock = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lock, "utf8").trim());
      if (holder && holder !== process.pid && alive(holder)) {
        throw new EmbeddedDbInUse(`the embedded database in ${dataDir} is in use by process ${holder} (is \`npm start\` running?)`);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new EmbeddedDbInUse(`could not lock the embedded database in ${dataDir}`);
}

export async function startEmbeddedDb(options: { dataDir?: string; port?: number }): Promise<EmbeddedDb> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  let pg: PGlite;
  try {
    pg = await PGlite.create(options.dataDir ?? "memory://");
  } catch (error) {
    unlock();
    throw error;
  }
  const server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 20 });
  await server.start();
  // getServerConn() answers "127.0.0.1:PORT", with the port the OS chose for port 0.
  const port = Number(server.getServerConn().split(":").pop());
  if (!port) throw new Error("embedded database: could not tell which port it listens on");
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      // close() checkpoints and flushes the data directory: no data is lost.
      await pg.close();
      unlock();
    },
  };
}
