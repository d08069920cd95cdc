// The page cache handler (lib/cache/page-cache-handler.cjs) as Next.js calls
// it, fed by the CacheInvalidation table through the same reader the store
// registers in instrumentation.ts: a recorded change drops exactly the entries
// tagged with it; a render that read the old data is never kept as fresh; a
// change rolled back drops nothing; Redis that does not answer costs a miss.
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceInvalidation, provideInvalidationReader, pruneInvalidations, readInvalidationsAfter, recordInvalidation } from "@/lib/cache/invalidate";
import { testDb } from "../support/db";

type Entry = { value: unknown; lastModified: number } | null;
type Handler = {
  get(key: string, ctx: object): Promise<Entry>;
  set(key: string, data: unknown, ctx: object): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
};
type HandlerClass = (new (ctx: object) => Handler) & {
  pack(v: unknown): unknown;
  unpack(v: unknown): unknown;
  freshPage(path: string): Promise<Entry>;
};

const require = createRequire(import.meta.url);
const prisma = testDb(2);
let PageCache: HandlerClass;
let cache: Handler;

const unique = (name: string) => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
const page = (tags: string[]) => ({
  kind: "APP_PAGE",
  html: "<p>hi</p>",
  rscData: Buffer.from("rsc"),
  headers: { "x-next-cache-tags": tags.join(",") },
  status: 200,
});
const pageCtx = { kind: "APP_PAGE", isFallback: false };

async function recordAndAnnounce(tags: string[]) {
  await prisma.$transaction((tx) => recordInvalidation(tx, tags));
  await announceInvalidation();
}

beforeAll(async () => {
  provideInvalidationReader((afterId, sinceMs, alsoIds) => readInvalidationsAfter(prisma, afterId, sinceMs, alsoIds));
  PageCache = require("../../lib/cache/page-cache-handler.cjs") as HandlerClass;
  cache = new PageCache({});
  // The first read takes the rows already there as history.
  await announceInvalidation();
});
afterAll(() => prisma.$disconnect());

describe("the page cache", () => {
  it("keeps a page until a change to one of its tags is recorded, and only those pages", async () => {
    const [product, other] = [unique("product"), unique("other")];
    await cache.set("/kit", page(["catalog-test", product]), { cacheControl: { revalidate: 300 } });
    await cache.set("/other", page([other]), {});
    expect((await cache.get("/kit", pageCtx))?.value).toMatchObject({ html: "<p>hi</p>" });

    await recordAndAnnounce([product]);
    expect(await cache.get("/kit", pageCtx)).toBeNull();
    expect(await cache.get("/other", pageCtx)).not.toBeNull();
  });

  it("never keeps as fresh a render that began before the change it missed", async () => {
    const tag = unique("guide");
    expect(await cache.get("/guide", pageCtx)).toBeNull(); // a miss: the render begins, reading the old version
    await recordAndAnnounce([tag]); // the new version is published meanwhile
    await cache.set("/guide", page([tag]), {}); // the old render finishes
    // A moment later (times are in milliseconds, and a render begun in the same millisecond as
    // the change counts as begun before it) the next request finds it out of date: a new render begins.
    await new Promise((r) => setTimeout(r, 5));
    expect(await cache.get("/guide", pageCtx)).toBeNull();
    // That render, begun after the change, is kept.
    await cache.set("/guide", page([tag]), {});
    expect(await cache.get("/guide", pageCtx)).not.toBeNull();
  });

  it("gives the server's front cache a page by its path only while Next.js would serve it as current", async () => {
    const tag = unique("front");
    const path = `/cached/products/${unique("kit")}/_`;
    // Next.js keys a page by its route and path; the front cache knows only the path.
    const key = `/route-cache/APP_PAGE/0123abcd/$${path}`;
    expect(await PageCache.freshPage(path)).toBeNull(); // never looked up here: Next.js serves it

    await cache.set(key, page([tag]), { cacheControl: { revalidate: 300 } });
    expect((await PageCache.freshPage(path))?.value).toMatchObject({ html: "<p>hi</p>" });

    // An edit outdates it for the front cache exactly as for Next.js.
    await recordAndAnnounce([tag]);
    expect(await PageCache.freshPage(path)).toBeNull();
    expect(await cache.get(key, pageCtx)).toBeNull();

    // Past its revalidate time it is Next.js's to serve (stale) and render again.
    const later = unique("front-later");
    await cache.set(key, page([later]), { cacheControl: { revalidate: 0.01 } });
    await new Promise((r) => setTimeout(r, 30));
    expect(await PageCache.freshPage(path)).toBeNull();
    expect(await cache.get(key, pageCtx)).not.toBeNull();

    // Only a whole 200 page is served by the front cache.
    await cache.set(key, { ...page([later]), status: 404 }, { cacheControl: { revalidate: 300 } });
    expect(await PageCache.freshPage(path)).toBeNull();
  });

  it("treats catalog data like pages: a fetch entry's tags come from the call", async () => {
    const tag = unique("data");
    const ctx = { kind: "FETCH", tags: [tag], softTags: [] };
    await cache.set(
      "catalog-data",
      { kind: "FETCH", data: { headers: {}, body: "{}", status: 200, url: "" }, revalidate: 300, tags: [tag] },
      { fetchCache: true, tags: [tag] },
    );
    expect(await cache.get("catalog-data", ctx)).not.toBeNull();
    await recordAndAnnounce([tag]);
    expect(await cache.get("catalog-data", ctx)).toBeNull();
  });

  it("learns of a change whose transaction commits after a later one's", async () => {
    const [slow, quick] = [unique("slow"), unique("quick")];
    await cache.set("/slow", page([slow]), {});
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let recorded!: () => void;
    const written = new Promise<void>((resolve) => (recorded = resolve));
    // The slow edit takes its id first and commits last.
    const slowEdit = prisma.$transaction(
      async (tx) => {
        await recordInvalidation(tx, [slow]);
        recorded();
        await held;
      },
      { timeout: 20_000 },
    );
    await written;
    await recordAndAnnounce([quick]);
    expect(await cache.get("/slow", pageCtx)).not.toBeNull();
    commit();
    await slowEdit;
    await announceInvalidation();
    expect(await cache.get("/slow", pageCtx)).toBeNull();
  });

  it("drops nothing for a change that was rolled back", async () => {
    const tag = unique("rolled-back");
    await cache.set("/kept", page([tag]), {});
    await expect(
      prisma.$transaction(async (tx) => {
        await recordInvalidation(tx, [tag]);
        throw new Error("the edit failed");
      }),
    ).rejects.toThrow("the edit failed");
    await announceInvalidation();
    expect(await cache.get("/kept", pageCtx)).not.toBeNull();
  });

  it("answers revalidateTag at once, whatever profile Next.js asks for", async () => {
    const tag = unique("tag");
    await cache.set("/tagged", page([tag]), {});
    await cache.revalidateTag(tag);
    expect(await cache.get("/tagged", pageCtx)).toBeNull();
  });

  it("carries a page's bytes through Redis's JSON unchanged", () => {
    const value = { ...page(["a"]), segmentData: new Map([["/_tree", Buffer.from([0, 1, 2, 255])]]) };
    const back = PageCache.unpack(JSON.parse(JSON.stringify(PageCache.pack(value)))) as typeof value;
    expect(back.rscData.equals(value.rscData)).toBe(true);
    expect(back.segmentData.get("/_tree")!.equals(Buffer.from([0, 1, 2, 255]))).toBe(true);
    expect(back.html).toBe(value.html);
  });

  it("keeps a page made for a client navigation (?_rsc=…) as if made for its plain address", async () => {
    const made = {
      ...page(["x"]),
      html: String.raw`<p>Which pen?</p>\"c\":[\"\",\"products\",\"kit?_rsc=4xJyJD8s\"] ?variant=A&_rsc=abc\" ?_rsc=z&variant=B\"`,
    };
    await cache.set("/rsc-made", made, {});
    const kept = (await cache.get("/rsc-made", pageCtx))!.value as { html: string; rscData: Buffer };
    expect(kept.html).toBe(String.raw`<p>Which pen?</p>\"c\":[\"\",\"products\",\"kit\"] ?variant=A\" ?variant=B\"`);
    expect(kept.html).not.toContain("_rsc");
  });

  it("reads rows in order after the last one seen, and prunes only old ones", async () => {
    const [first, second] = [unique("first"), unique("second")];
    await prisma.$transaction((tx) => recordInvalidation(tx, [first]));
    const rows = await readInvalidationsAfter(prisma, "0", 0);
    const mine = rows.findIndex((r) => r.tags.includes(first));
    expect(mine).toBeGreaterThanOrEqual(0);
    await prisma.$transaction((tx) => recordInvalidation(tx, [second, second]));
    const after = await readInvalidationsAfter(prisma, rows[mine]!.id, 0);
    expect(after.map((r) => r.tags)).toContainEqual([second]);
    expect(after.flatMap((r) => r.tags)).not.toContain(first);
    const old = await prisma.cacheInvalidation.create({ data: { tags: [unique("old")], createdAt: new Date(Date.now() - 9 * 86_400_000) } });
    expect(await pruneInvalidations(prisma)).toBeGreaterThanOrEqual(1);
    expect(await prisma.cacheInvalidation.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await readInvalidationsAfter(prisma, rows[mine]!.id, 0)).not.toHaveLength(0);
  });
});
