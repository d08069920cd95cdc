// The database handle for integration tests: the one `npm test` prepared
// (migrated and seeded), given by DATABASE_URL.
import { createDb, type Db } from "@/lib/db";

/** `max`: the connection pool size (the oversell race wants more than the default). */
export function testDb(max = 5): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Integration tests need DATABASE_URL; run them through `npm test`.");
  return createDb(url, max);
}
