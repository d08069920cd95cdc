// Embedded PostgreSQL: PGlite (PostgreSQL compiled to WASM) behind
// pglite-socket, so Prisma, psql and every other client talk to it over the
// ordinary wire protocol on 127.0.0.1. One process, one database; fine for a
// shop on one machine, not for several instances (use DATABASE_URL for that).
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

export async function startEmbeddedDb(options: { dataDir?: string; port?: number }): Promise<EmbeddedDb> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pg = await PGlite.create(options.dataDir ?? "memory://");
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
    },
  };
}
