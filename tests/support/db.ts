// The database handle for integration tests: the one `npm test` prepared
// (migrated and seeded), given by DATABASE_URL.
import { createDb, type Db } from "@/lib/db";

/** `max`: the connection pool size (the oversell race wants more than the default). */
export function testDb(max = 5): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Integration tests need DATABASE_URL; run them through `npm test`.");
  return createDb(url, max);
}

/** Runs `work` on a handle of its own (one connection), closed afterwards: for end-to-end tests that look into the database. */
export async function withTestDb<T>(work: (prisma: Db) => Promise<T>): Promise<T> {
  const prisma = testDb(1);
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
