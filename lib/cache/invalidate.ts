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
type Hook = { sync?(): Promise<void> };

export async function recordInvalidation(tx: Writer, tags: string[]): Promise<void> {
  const unique = [...new Set(tags)].filter(Boolean);
  if (unique.length === 0) return;
  await tx.cacheInvalidation.create({ data: { tags: unique } });
}

/** After the transaction committed: this process stops serving the old pages now, not at its next poll. */
export async function announceInvalidation(): Promise<void> {
  const hook = (globalThis as Record<symbol, Hook | undefined>)[PAGE_CACHE_HOOK];
  if (!hook?.sync) return;
  try {
    await hook.sync();
  } catch {
    // The handler logs its own failures; the next poll catches up.
  }
}

export type InvalidationRow = { id: string; tags: string[]; createdAt: number };
type Reader = { cacheInvalidation: Pick<Prisma.TransactionClient["cacheInvalidation"], "findMany"> };

/**
 * What the page cache handler polls: rows after the last one it saw (and the
 * skipped ids it asks for again), or, on its first read, every row younger
 * than `sinceMs` (entries shared through Redis may be that old). In id order,
 * a bounded batch per read.
 */
export async function readInvalidationsAfter(prisma: Reader, afterId: string | null, sinceMs: number, alsoIds: string[] = []): Promise<InvalidationRow[]> {
  const after = afterId === null ? { createdAt: { gte: new Date(sinceMs) } } : { id: { gt: BigInt(afterId) } };
  const rows = await prisma.cacheInvalidation.findMany({
    // alsoIds: ids an earlier read skipped (their transactions had not committed yet).
    where: alsoIds.length > 0 ? { OR: [after, { id: { in: alsoIds.map((id) => BigInt(id)) } }] } : after,
    orderBy: { id: "asc" },
    take: 1000,
  });
  return rows.map((r) => ({ id: r.id.toString(), tags: r.tags, createdAt: r.createdAt.getTime() }));
}

/** Rows older than the longest an entry is kept (a week) are no longer needed. */
export async function pruneInvalidations(
  prisma: { cacheInvalidation: Pick<Prisma.TransactionClient["cacheInvalidation"], "deleteMany"> },
  olderThanMs = 8 * 24 * 3600 * 1000,
) {
  return (await prisma.cacheInvalidation.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - olderThanMs) } } })).count;
}

/** instrumentation.ts: gives this process's page cache handler a way to read the table. */
export function provideInvalidationReader(read: (afterId: string | null, sinceMs: number, alsoIds: string[]) => Promise<InvalidationRow[]>): void {
  const shared = ((globalThis as Record<symbol, unknown>)[PAGE_CACHE_HOOK] ??= {}) as { readInvalidations?: typeof read };
  shared.readInvalidations = read;
}
