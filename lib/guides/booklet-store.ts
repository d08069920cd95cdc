// Booklet PDFs, built once for each distinct content and kept in PostgreSQL.
//
// Drawing a booklet with PDFKit takes tens of milliseconds of CPU, and the
// public booklet alone is asked for dozens of times a second. Its content is
// fixed by its inputs (a published guide version never changes, an order keeps
// its instructions as sold), so each distinct booklet is built once, by
// whichever store process is asked first, and stored under its content hash
// (booklet-key.ts) for every process to share. A small in-process LRU in front
// of the table means a repeat request costs no query at all.
//
// Rows are only ever inserted (ON CONFLICT DO NOTHING), never updated: when two
// processes build the same booklet at once, the first row written wins and the
// loser serves that row's bytes, not its own. That matters because PDFKit
// stamps the build time into the file, so two builds of one booklet differ by
// a few bytes, and the hash is served as a strong ETag.
import { ByteLru } from "@/lib/byte-lru";
import type { Db } from "@/lib/db";
import { bookletHash, type BookletInput } from "./booklet-key";
import { renderBookletPdf } from "./booklet-pdf";

// Uint8Array<ArrayBuffer>: what Prisma's Bytes and a Response body take. The
// bytes are the very ones kept in memory for later requests: read them (a
// Response copies them), never modify or transfer them.
export type StoredBooklet = { hash: string; pdf: Uint8Array<ArrayBuffer> };
export type BookletBuilder = (input: BookletInput) => Promise<Uint8Array<ArrayBuffer>>;

/** Big enough for every product's booklet (a few hundred kB in all) and many orders' besides. */
const MEMORY_BYTES = 32 * 1024 * 1024;

// Kept on globalThis: Next.js may load this module more than once in one
// process (one copy per route bundle), and they should share one budget.
const SHARED = Symbol.for("stillpoint.booklets");
type Shared = { memory: ByteLru<Uint8Array<ArrayBuffer>>; building: Map<string, Promise<Uint8Array<ArrayBuffer>>>; stats: BookletStats };
export type BookletStats = { builds: number; memoryHits: number; databaseHits: number };
const shared = ((globalThis as Record<symbol, unknown>)[SHARED] ??= {
  memory: new ByteLru(MEMORY_BYTES),
  building: new Map(),
  stats: { builds: 0, memoryHits: 0, databaseHits: 0 },
} satisfies Shared) as Shared;

/** Counters since the process started: how each booklet was found (tests and benchmarks read them). */
export const bookletStats: Readonly<BookletStats> = shared.stats;

const renderBooklet: BookletBuilder = async (input) => new Uint8Array(await renderBookletPdf(input.doc, input.footer, input.origin));

/**
 * The booklet for `input`: from memory, else from the table, else built now
 * and stored. Concurrent requests for one booklet in this process share one
 * build; across processes the table's primary key settles it.
 */
export async function storedBooklet(prisma: Db, input: BookletInput, build: BookletBuilder = renderBooklet): Promise<StoredBooklet> {
  const hash = bookletHash(input);
  const remembered = shared.memory.get(hash);
  if (remembered) {
    shared.stats.memoryHits++;
    return { hash, pdf: remembered };
  }
  let pending = shared.building.get(hash);
  if (!pending) {
    pending = loadOrBuild(prisma, hash, input, build).finally(() => shared.building.delete(hash));
    shared.building.set(hash, pending);
  }
  return { hash, pdf: await pending };
}

async function loadOrBuild(prisma: Db, hash: string, input: BookletInput, build: BookletBuilder): Promise<Uint8Array<ArrayBuffer>> {
  const row = await prisma.bookletPdf.findUnique({ where: { hash }, select: { pdf: true } });
  if (row) {
    shared.stats.databaseHits++;
    shared.memory.set(hash, row.pdf);
    return row.pdf;
  }
  shared.stats.builds++;
  const built = await build(input);
  // createMany with skipDuplicates is INSERT … ON CONFLICT DO NOTHING: a
  // process that lost the race gets a count of 0 instead of an error.
  const { count } = await prisma.bookletPdf.createMany({ data: [{ hash, pdf: built }], skipDuplicates: true });
  const pdf = count === 1 ? built : (await prisma.bookletPdf.findUniqueOrThrow({ where: { hash }, select: { pdf: true } })).pdf;
  shared.memory.set(hash, pdf);
  return pdf;
}

/** Empties this process's memory, as a newly started process would have it (tests; the table is untouched). */
export function forgetBookletsInMemory(): void {
  shared.memory.clear();
}
