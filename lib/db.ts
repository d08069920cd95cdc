// The one PrismaClient of a process. Created on first use so that importing a
// module never needs DATABASE_URL (the build does not touch the database).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

export function createDb(connectionString: string, maxConnections = 5): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: maxConnections }) });
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
