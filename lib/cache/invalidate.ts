// How a change to the catalog reaches cached pages on every store process.
//
// The lib/ function that writes a product, a stock level's band or a guide
// calls recordInvalidation() inside its own transaction: the row commits (or
// rolls back) with the change. Every process's page cache handler
// (lib/cache/page-cache-handler.cjs) reads new rows and treats the tags as
// changed from then on; with REDIS_URL set it also shares them through Redis.
// After the transaction, announceInvalidation() asks this process's handler,
// if there is one, to read the rows at once, so the process that made the edit
// shows it on its very next request. Command-line tools have no handler: their
// rows are read by the running store within a second.
import type { Prisma } from "@/lib/generated/prisma/client";

type Writer = { cacheInvalidation: Prisma.TransactionClient["cacheInvalidation"] };

/** The handler's hook, set on globalThis when Next.js loads it in a store process. */
export const PAGE_CACHE_HOOK = Symbol.for("stillpoint.pageCache");
type Hook = { sync(): Promise<void> };

export async function recordInvalidation(tx: Writer, tags: string[]): Promise<void> {
  const unique = [...new Set(tags)].filter(Boolean);
  if (unique.length === 0) return;
  await tx.cacheInvalidation.create({ data: { tags: unique } });
}

/** After the transaction committed: this process stops serving the old pages now, not at its next poll. */
export async function announceInvalidation(): Promise<void> {
  const hook = (globalThis as Record<symbol, Hook | undefined>)[PAGE_CACHE_HOOK];
  if (!hook) return;
  try {
    await hook.sync();
  } catch {
    // The handler logs its own failures; the next poll catches up.
  }
}
