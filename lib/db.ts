// The one PrismaClient of a process. Created on first use so that importing a
// module never needs DATABASE_URL (the build does not touch the database).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

export function createDb(connectionString: string, maxConnections = 5): Db {
  // The embedded PGlite is one session shared by every connection, and its
  // socket multiplexer can interleave the protocol messages of two clients'
  // statements. One connection per process keeps each statement whole; the
  // database then runs transactions one at a time, as PGlite does anyway.
  const max = process.env.EMBEDDED_DB === "1" ? 1 : maxConnections;
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max }),
    // Checkout under load queues for connections: wait for one rather than fail.
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

const holder = globalThis as unknown as { __storeDb?: Db };

export function db(): Db {
  if (!holder.__storeDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set. Start the store with `npm start`, which provides one.");
    holder.__storeDb = createDb(url);
  }
  return holder.__storeDb;
}
