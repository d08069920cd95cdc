// The store's page cache (next.config.js `cacheHandler`): where Next.js keeps
// the static HTML of catalog pages and the catalog data they are made from
// (docs/decisions/0014). Plain CommonJS, because Next.js loads it by path at
// run time, outside the app's bundle.
//
// - In memory, per process, up to MEMORY_BYTES (least recently used goes
//   first): never on disk, so visitors who make up search queries cannot fill
//   the disk, and a restart starts clean.
// - With REDIS_URL, shared through Redis as well: a page rendered by one
//   instance is served by every other, and an invalidation seen by one is
//   seen by all at their next request (the tag times are read from Redis on
//   every lookup: one small round trip). Redis is a cache, never a
//   dependency: any Redis error or a reply slower than REDIS_TIMEOUT_MS is
//   treated as a miss, so an outage degrades to rendering, never to errors.
//   During `next build` Redis is never touched (a down Redis must not hang it).
// - Invalidations come from the database: the lib/ function that changes a
//   product, a stock band or a guide records the tags it outdates in the
//   CacheInvalidation table inside its own transaction (lib/cache/invalidate.ts).
//   Every process reads new rows every POLL_MS, and at once when its own code
//   announces a commit. So a change made by the command line, or by another
//   instance without Redis, shows within a second too.
//
// A cached entry is out of date when any of its tags was invalidated after the
// entry's render *began*: a render that read the old data and finished after
// the invalidation is never kept as fresh.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: Next.js requires this file by path at run time */
"use strict";

const { readFileSync } = require("node:fs");
const path = require("node:path");

const SHARED = Symbol.for("stillpoint.pageCache");
const BUILDING = process.env.NEXT_PHASE === "phase-production-build";
const MEMORY_BYTES = 64 * 1024 * 1024;
const POLL_MS = Math.max(50, Number(process.env.PAGE_CACHE_POLL_MS) || 1000);
const REDIS_TIMEOUT_MS = 250;
/** Entries in Redis expire by themselves a week after they were written (invalidation rows are kept as long). */
const REDIS_TTL_SECONDS = 7 * 24 * 3600;
const KEEP_INVALIDATIONS_MS = REDIS_TTL_SECONDS * 1000;
/** How long a skipped invalidation id is looked for again (a transaction open longer is caught by the pages' 5-minute revalidation). */
const MISSING_ID_WAIT_MS = 60_000;
const TAGS_HEADER = "x-next-cache-tags";

/**
 * One state per process, on globalThis: Next.js makes a handler object per
 * request, and lib/cache/invalidate.ts and instrumentation.ts reach the same
 * state through the symbol without importing this file.
 */
const shared = (globalThis[SHARED] ??= {});
const state = (shared.state ??= {
  memory: new Map(), // key -> { entry, bytes }, in least-recently-used order
  memoryBytes: 0,
  tagTimes: new Map(), // tag -> ms since epoch: entries made before it are out of date
  renderStarts: new Map(), // key -> ms: when the render that will set() this key began
  lastInvalidationId: null,
  missingIds: new Map(), // id -> ms: ids skipped by a poll, perhaps a transaction not yet committed
  polling: null,
  timer: null,
  redis: null,
  prefixes: null,
  warned: new Set(),
});
// A path's full page key (below), for the server's front cache.
state.pageKeys ??= new Map();

function warn(what, error) {
  // One line per kind of failure, not one per request during an outage.
  if (state.warned.has(what)) return;
  state.warned.add(what);
  console.error(`[page-cache] ${what}: ${error && error.message ? error.message : String(error)}; serving without it`);
}

// ---- memory -------------------------------------------------------------

function sizeOf(entry) {
  const v = entry.value;
  if (!v) return 64;
  let bytes = 256;
  if (typeof v.html === "string") bytes += v.html.length;
  if (v.rscData) bytes += v.rscData.length;
  if (v.body) bytes += v.body.length;
  if (v.segmentData) for (const b of v.segmentData.values()) bytes += b.length;
  if (v.data && typeof v.data.body === "string") bytes += v.data.body.length;
  return bytes;
}

function memoryGet(key) {
  const hit = state.memory.get(key);
  if (!hit) return null;
  state.memory.delete(key);
  state.memory.set(key, hit);
  return hit.entry;
}

function memorySet(key, entry) {
  memoryDelete(key);
  const bytes = sizeOf(entry);
  if (bytes > MEMORY_BYTES / 4) return;
  state.memory.set(key, { entry, bytes });
  state.memoryBytes += bytes;
  for (const [oldest, item] of state.memory) {
    if (state.memoryBytes <= MEMORY_BYTES) break;
    state.memory.delete(oldest);
    state.memoryBytes -= item.bytes;
  }
}

function memoryDelete(key) {
  const old = state.memory.get(key);
  if (!old) return;
  state.memory.delete(key);
  state.memoryBytes -= old.bytes;
}

// ---- tags ---------------------------------------------------------------

function entryTags(entry, ctx) {
  const tags = [];
  const v = entry.value;
  if (v && v.kind === "FETCH") {
    if (Array.isArray(v.tags)) tags.push(...v.tags);
    if (ctx && Array.isArray(ctx.tags)) tags.push(...ctx.tags);
    if (ctx && Array.isArray(ctx.softTags)) tags.push(...ctx.softTags);
  } else if (v && v.headers && typeof v.headers[TAGS_HEADER] === "string") {
    tags.push(...v.headers[TAGS_HEADER].split(","));
  }
  return tags;
}

function outOfDate(entry, tags, remoteTimes) {
  for (const tag of tags) {
    const local = state.tagTimes.get(tag) ?? 0;
    const remote = remoteTimes ? Number(remoteTimes[tag] ?? 0) : 0;
    if (Math.max(local, remote) >= entry.lastModified) return true;
  }
  return false;
}

function learnTags(tags, at) {
  for (const tag of tags) {
    if ((state.tagTimes.get(tag) ?? 0) < at) state.tagTimes.set(tag, at);
  }
}

/** A render for this key begins now (a miss, or a stale entry about to be made again). */
function renderBegins(key) {
  if (state.renderStarts.has(key)) return;
  // A bound on keys whose render never finished (an error): forget the oldest.
  if (state.renderStarts.size > 10_000) state.renderStarts.delete(state.renderStarts.keys().next().value);
  state.renderStarts.set(key, Date.now());
}

// ---- the database's invalidations ----------------------------------------

/** Reads new CacheInvalidation rows (instrumentation.ts provides the reader). */
function poll() {
  if (state.polling) return state.polling.then(() => pollOnce());
  return pollOnce();
}

function pollOnce() {
  if (state.polling) return state.polling;
  const read = shared.readInvalidations;
  if (typeof read !== "function") return Promise.resolve();
  state.polling = (async () => {
    try {
      const first = state.lastInvalidationId === null;
      const rows = await read(state.lastInvalidationId, Date.now() - KEEP_INVALIDATIONS_MS, [...state.missingIds.keys()]);
      const now = Date.now();
      const fresh = [];
      for (const row of rows) {
        const id = BigInt(row.id);
        if (state.missingIds.delete(row.id)) {
          // A row whose transaction committed after a later one's: read now, counted as new.
        } else if (!first) {
          // Ids are handed out when a transaction writes, not when it commits: a gap may be a
          // transaction still open. Look for the missing ids again for a while (a rolled-back one never comes).
          const last = BigInt(state.lastInvalidationId);
          if (id - last < 1000n) for (let gap = last + 1n; gap < id; gap++) state.missingIds.set(String(gap), now);
        }
        if (state.lastInvalidationId === null || id > BigInt(state.lastInvalidationId)) state.lastInvalidationId = row.id;
        // Rows older than this process only matter to entries kept in Redis:
        // their own time is enough. A new row counts from the moment it is
        // seen here, so an entry rendered on this clock just before is out of date.
        const at = first ? row.createdAt : Math.max(row.createdAt, now);
        learnTags(row.tags, at);
        if (!first) fresh.push(...row.tags);
      }
      for (const [id, noticed] of state.missingIds) if (now - noticed > MISSING_ID_WAIT_MS) state.missingIds.delete(id);
      if (first && state.lastInvalidationId === null) state.lastInvalidationId = "0";
      if (fresh.length > 0) await shareTags([...new Set(fresh)], now);
    } catch (error) {
      warn("reading cache invalidations failed", error);
    } finally {
      state.polling = null;
    }
  })();
  return state.polling;
}

/** lib/cache/invalidate.ts calls this after a commit that recorded an invalidation. */
shared.sync = () => poll();

function startPolling() {
  if (state.timer || BUILDING) return;
  state.timer = setInterval(() => void poll(), POLL_MS);
  state.timer.unref();
  void poll();
}

// ---- Redis ----------------------------------------------------------------

function redisUrl() {
  const url = process.env.REDIS_URL;
  return url && url.trim() ? url.trim() : null;
}

function connectRedis() {
  if (state.redis || BUILDING || !redisUrl()) return;
  const { createClient } = require("redis");
  const client = createClient({
    url: redisUrl(),
    // While disconnected, commands fail at once instead of queueing (a queued
    // command would hold the request until Redis came back).
    disableOfflineQueue: true,
    socket: { connectTimeout: 1000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
  });
  client.on("error", (error) => warn("Redis unavailable", error));
  client.on("ready", () => {
    state.warned.delete("Redis unavailable");
    // What this process learned while Redis was away: the other instances read it there.
    const times = [...state.tagTimes];
    if (times.length > 0) void Promise.all(times.map(([tag, at]) => raiseTagTime(tag, at))).catch(() => {});
  });
  state.redis = client;
  client.connect().catch((error) => warn("Redis unavailable", error));
}

function redisReady() {
  return Boolean(state.redis && state.redis.isReady);
}

const tagsKey = () => `${state.prefixes.tags}:tags`;

/** A Redis call that answers within REDIS_TIMEOUT_MS or counts as unavailable (null). */
function withinTimeout(promise) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), REDIS_TIMEOUT_MS);
  });
  return Promise.race([
    promise.catch((error) => {
      warn("Redis call failed", error);
      return null;
    }),
    timeout,
  ]).finally(() => clearTimeout(timer));
}

// Raise a tag's time, never lower it (two instances may report the same row).
const RAISE =
  "local t = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') if t < tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end return 1";

function raiseTagTime(tag, at) {
  return state.redis.eval(RAISE, { keys: [tagsKey()], arguments: [tag, String(at)] });
}

async function shareTags(tags, at) {
  if (!redisReady()) return;
  await withinTimeout(Promise.all(tags.map((tag) => raiseTagTime(tag, at))));
}

// Buffers and Maps (a page's RSC payload and segments) as JSON.
function pack(v) {
  if (v instanceof Uint8Array) return { $b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") };
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [k, pack(x)]) };
  if (Array.isArray(v)) return v.map(pack);
  if (v && typeof v === "object") {
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = pack(x);
    return out;
  }
  return v;
}

function unpack(v) {
  if (Array.isArray(v)) return v.map(unpack);
  if (v && typeof v === "object") {
    if (typeof v.$b === "string") return Buffer.from(v.$b, "base64");
    if (Array.isArray(v.$m)) return new Map(v.$m.map(([k, x]) => [k, unpack(x)]));
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = unpack(x);
    return out;
  }
  return v;
}

// ---- pages by path, for the server's front cache ---------------------------

// Next.js keys a page's entry "/route-cache/APP_PAGE/<route hash>/$<path>", the
// path being the internal route it rendered (/cached/products/<slug>/<key>).
// scripts/serve.ts answers a repeat request for a fresh page straight from
// here (lib/cache/front-cache.ts) and needs the full key for a path: it is
// learned from Next's own lookups. A path not yet looked up in this process
// is simply served by Next.js, which teaches it.
const PAGE_KEY_PREFIX = "/route-cache/APP_PAGE/";
const MAX_PAGE_KEYS = 20_000;

function rememberPageKey(key) {
  if (typeof key !== "string" || !key.startsWith(PAGE_KEY_PREFIX)) return;
  const at = key.indexOf("/$/", PAGE_KEY_PREFIX.length);
  if (at < 0) return;
  const path = key.slice(at + 2);
  if (state.pageKeys.get(path) === key) return;
  if (state.pageKeys.size >= MAX_PAGE_KEYS) state.pageKeys.delete(state.pageKeys.keys().next().value);
  state.pageKeys.set(path, key);
}

/**
 * The page kept for an internal path, when it is current: not outdated by a
 * tag, younger than its revalidate time, a whole 200 page. Null otherwise
 * (also when the path was never looked up here): then Next.js serves the
 * request, renders or revalidates as it would, and sees the same entry.
 */
async function freshPage(path) {
  const key = state.pageKeys.get(path);
  if (!key || !state.prefixes) return null;
  const entry = await lookup(key, { kind: "APP_PAGE" });
  if (!entry) return null;
  const v = entry.value;
  if (!v || v.kind !== "APP_PAGE" || typeof v.html !== "string" || v.postponed || (v.status ?? 200) !== 200) return null;
  const revalidate = entry.cacheControl && entry.cacheControl.revalidate;
  if (typeof revalidate === "number" && Date.now() - entry.lastModified > revalidate * 1000) return null;
  return entry;
}

async function lookup(key, ctx) {
  rememberPageKey(key);
  let entry = memoryGet(key);
  let remoteTimes = null;
  if (redisReady()) {
    const [stored, times] = (await withinTimeout(Promise.all([entry ? null : state.redis.get(sharedEntryKey(key)), state.redis.hGetAll(tagsKey())]))) ?? [
      null,
      null,
    ];
    remoteTimes = times;
    if (!entry && stored) entry = decode(key, stored);
  }
  if (entry && outOfDate(entry, entryTags(entry, ctx), remoteTimes)) {
    memoryDelete(key);
    // Another instance may have made it again since: take that one if it is current.
    const stored = redisReady() ? await withinTimeout(state.redis.get(sharedEntryKey(key))) : null;
    const again = stored ? decode(key, stored) : null;
    entry = again && !outOfDate(again, entryTags(again, ctx), remoteTimes) ? again : null;
  }
  if (!entry) {
    renderBegins(key);
    return null;
  }
  const revalidate = entry.cacheControl && entry.cacheControl.revalidate;
  if (typeof revalidate === "number" && Date.now() - entry.lastModified > revalidate * 1000) renderBegins(key);
  return entry;
}

// ---- the handler Next.js calls ------------------------------------------------

function prefixFor(ctx) {
  // Pages hold the names of one build's scripts, and data one database's
  // rows: entries are shared only between instances of the same build on the
  // same database. Tag times are per database.
  let build = "dev";
  try {
    if (ctx && ctx.serverDistDir) build = readFileSync(path.join(ctx.serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    // No build id (development): entries are still keyed by database.
  }
  let database = "none";
  try {
    const url = new URL(process.env.DATABASE_URL ?? "postgresql://none/");
    database = `${url.host}${url.pathname}`;
  } catch {
    // An unreadable URL fails elsewhere, loudly.
  }
  return { entries: `stillpoint:${database}:${build}`, tags: `stillpoint:${database}` };
}

class PageCacheHandler {
  constructor(ctx) {
    if (!state.prefixes) state.prefixes = prefixFor(ctx);
    connectRedis();
    startPolling();
  }

  async get(key, ctx) {
    return lookup(key, ctx);
  }

  async set(key, data, ctx) {
    rememberPageKey(key);
    data = withoutRscQuery(data);
    const began = state.renderStarts.get(key);
    state.renderStarts.delete(key);
    if (!data) {
      memoryDelete(key);
      return;
    }
    const entry = { value: data, lastModified: Math.min(began ?? Date.now(), Date.now()), cacheControl: ctx && ctx.cacheControl };
    memorySet(key, entry);
    if (redisReady()) await withinTimeout(state.redis.set(sharedEntryKey(key), JSON.stringify(pack(entry)), { EX: REDIS_TTL_SECONDS }));
  }

  async revalidateTag(tags, _durations) {
    // The store wants an edit shown at the next request, whatever the
    // profile: every invalidation here expires the tag at once.
    const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean);
    const now = Date.now();
    learnTags(list, now);
    await shareTags(list, now);
  }

  resetRequestCache() {}
}

// Next.js writes the URL a page was rendered for into the page, Next's own
// `_rsc` query (a client navigation's cache buster) included when that request
// made it. The entry serves every visitor: it is kept as if rendered for the
// plain address. (Other query text never gets here: proxy.ts redirects catalog
// URLs to their canonical form first.)
const dropRscQuery = (text) => text.replace(/\?_rsc=[A-Za-z0-9_-]*(&)?/g, (_, more) => (more ? "?" : "")).replace(/&_rsc=[A-Za-z0-9_-]*/g, "");

function withoutRscQuery(data) {
  if (!data || data.kind !== "APP_PAGE" || typeof data.html !== "string" || !data.html.includes("_rsc=")) return data;
  const rscData = data.rscData && data.rscData.includes("_rsc=") ? Buffer.from(dropRscQuery(data.rscData.toString("utf8")), "utf8") : data.rscData;
  return { ...data, html: dropRscQuery(data.html), rscData };
}

function sharedEntryKey(key) {
  return `${state.prefixes.entries}:entry:${key}`;
}

function decode(key, stored) {
  try {
    const entry = unpack(JSON.parse(stored));
    memorySet(key, entry);
    return entry;
  } catch (error) {
    warn("an entry in Redis could not be read", error);
    return null;
  }
}

// Exposed for tests: the same pure pieces the handler uses.
PageCacheHandler.pack = pack;
PageCacheHandler.unpack = unpack;
PageCacheHandler.withoutRscQuery = withoutRscQuery;
PageCacheHandler.freshPage = freshPage;

module.exports = PageCacheHandler;
