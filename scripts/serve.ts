// The store's web server: Next.js behind a thin Node HTTP server of our own.
//
// Why not `next start`: Next.js gives a page no way to know the socket a
// request came in on, and it copies a client's own X-Forwarded-For through
// untouched. Rate limits and the demo outbox need to know who is really
// asking, so this server:
//   - checks the settings first (lib/config.ts) and refuses to start, naming
//     every problem, rather than failing requests later;
//   - with no trusted proxy (TRUSTED_PROXY_HOPS=0, the default) drops every
//     X-Forwarded-* header a client sent;
//   - removes any client-sent copy of the headers below, then sets them from
//     the socket: `x-store-peer` (the socket's peer address) and
//     `x-store-client-ip` (the peer, or with TRUSTED_PROXY_HOPS = n the entry
//     the outermost trusted proxy added to X-Forwarded-For), plus a fresh
//     `x-request-id` that is also sent back for support;
//   - answers 400 to a path that is not valid percent-encoding or holds a NUL
//     byte, before any route sees it;
//   - listens on 127.0.0.1 in the demo (it is for the machine it runs on) and
//     on every interface in production, unless LISTEN_ADDRESS says otherwise;
//   - runs WEB_CONCURRENCY server processes (node:cluster; "auto": one a
//     core), because one Node.js thread renders every answer of its process
//     and a busy store queues on it while the database idles. The first
//     process (the primary) serves nothing itself: it forks the workers, which
//     share the port, restarts one that dies (after a growing pause, so a
//     process that keeps crashing does not spin), and passes SIGINT/SIGTERM
//     on, exiting when every worker has stopped. With one process (the
//     embedded database, `--dev`, or WEB_CONCURRENCY=1) there is no primary:
//     this process serves.
//
//   node --import tsx scripts/serve.ts [--dev]
import cluster, { type Worker } from "node:cluster";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { availableParallelism } from "node:os";
import next from "next";
import { createFrontCache } from "../lib/cache/front-cache";
import { ConfigError, assertConfig, resolveProcessCount, type StoreConfig } from "../lib/config";
import { log, loggablePath, sendConsoleToLog, withRequestId } from "../lib/log";
import { PEER_HEADER, CLIENT_IP_HEADER, REQUEST_ID_HEADER, clientAddress, markTrustedServer } from "../lib/request-origin";
import { formTargetsFromEnv } from "../lib/security-headers";
import { root } from "./proc";

const dev = process.argv.includes("--dev");
const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

function badPath(req: IncomingMessage): boolean {
  const path = (req.url ?? "/").split("?")[0]!;
  try {
    return decodeURIComponent(path).includes("\u0000");
  } catch {
    return true;
  }
}

/**
 * A form or server action posted from another site: its Origin is not the
 * host it was sent to, or the browser says it came from another site. Every
 * write the store takes from a browser (server actions, /cart/add, /pen) is a
 * POST, so this one check covers them all. Servers (Stripe's webhook) send
 * neither header and are not affected.
 */
function crossSitePost(req: IncomingMessage): boolean {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return false;
  // The back office's one action route refuses a cross-site post itself, with
  // the same 404 as everything else it refuses (app/admin/actions/[action]).
  // Only a plain action name: no further segment, no escape that could
  // resolve to another path.
  if (/^\/admin\/actions\/[A-Za-z0-9._-]+(?:\?|$)/.test(req.url ?? "") && !(req.url ?? "").includes("..")) return false;
  if (req.headers["sec-fetch-site"] === "cross-site") return true;
  if (!req.headers.origin) return false;
  try {
    return new URL(req.headers.origin).host !== (req.headers["x-forwarded-host"] ?? req.headers.host);
  } catch {
    return true;
  }
}

/**
 * Next.js marks its cached pages `s-maxage=300, stale-while-revalidate=…`,
 * inviting a CDN to keep them. Ours must not be kept outside the store: a
 * listing differs by the visitor's pen cookie, which a shared cache would not
 * see, and a kept page would miss the edits the store's own cache learns of
 * at once (docs/decisions/0014). Browsers revalidate with the ETag instead
 * (a 304 costs the store almost nothing).
 */
function keepSharedCachesOff(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  const withCookie = (vary: unknown) => (/\bcookie\b/i.test(String(vary ?? "")) ? String(vary) : [vary, "Cookie"].filter(Boolean).join(", "));
  let kept = false;
  res.setHeader = (name, value) => {
    const header = name.toLowerCase();
    if (header === "cache-control" && String(value).includes("s-maxage")) {
      kept = true;
      setHeader("Vary", withCookie(res.getHeader("vary")));
      return setHeader(name, "public, max-age=0, must-revalidate");
    }
    if (header === "vary" && kept) return setHeader(name, withCookie(value));
    return setHeader(name, value);
  };
}

/** The CPUs a container's quota allows (cgroup v2 cpu.max, or v1's cfs files), or null when unlimited or unknown. */
function cpuQuota(): number | null {
  const read = (file: string) => {
    try {
      return readFileSync(file, "utf8").trim();
    } catch {
      return null;
    }
  };
  const v2 = read("/sys/fs/cgroup/cpu.max")?.split(/\s+/);
  if (v2 && v2[0] !== "max" && Number(v2[0]) > 0 && Number(v2[1]) > 0) return Number(v2[0]) / Number(v2[1]);
  const quota = Number(read("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"));
  const period = Number(read("/sys/fs/cgroup/cpu/cpu.cfs_period_us"));
  return quota > 0 && period > 0 ? quota / period : null;
}

async function main() {
  let settings: StoreConfig;
  try {
    settings = assertConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[store] ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  if (cluster.isPrimary) {
    const processes = dev ? 1 : resolveProcessCount(settings.webConcurrency, { cores: availableParallelism(), cpuQuota: cpuQuota() });
    if (dev && settings.webConcurrency !== 1) console.log("[store] `--dev` runs one server process (next dev rebuilds in place); WEB_CONCURRENCY is not used");
    if (processes > 1) return runPrimary(processes, settings);
  }
  return serve(settings);
}

/** How long to wait before starting a worker again, after `deaths` deaths in the last minute: 1 s, 2 s, 4 s … at most 30 s. */
function restartDelayMs(deaths: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, deaths - 1));
}

/**
 * The primary: forks `count` workers and keeps that many running until told to
 * stop. A worker that dies before any worker has ever listened (a port in
 * use, a broken build) ends the store with its exit code instead: restarting
 * it would only fail again.
 */
function runPrimary(count: number, settings: StoreConfig) {
  sendConsoleToLog();
  log.info({ processes: count, setting: settings.webConcurrency }, `starting ${count} server processes (WEB_CONCURRENCY=${settings.webConcurrency})`);
  let stopping = false;
  let everListened = false;
  const deaths: number[] = [];
  const fork = (slot: number) => {
    const worker = cluster.fork({ STORE_WORKER: String(slot) });
    worker.once("listening", () => (everListened = true));
    worker.once("exit", (code, signal) => {
      if (stopping) return;
      if (!everListened) {
        log.error({ workerPid: worker.process.pid, code, signal }, "a server process could not start; stopping");
        return void stop(code || 1);
      }
      const now = Date.now();
      deaths.push(now);
      while (deaths.length && deaths[0]! < now - 60_000) deaths.shift();
      const delay = restartDelayMs(deaths.length);
      log.error({ workerPid: worker.process.pid, code, signal, restartInMs: delay }, "a server process died; starting another");
      // Not unref'd: with every worker dead, this timer is what keeps the primary up.
      setTimeout(() => stopping || fork(slot), delay);
    });
  };
  for (let slot = 1; slot <= count; slot++) fork(slot);

  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const workers = alive();
    // Each worker finishes its requests and closes Next.js (at most 8 s); one
    // that hangs past that is killed, so the launcher can close the database.
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once("exit", () => resolve());
            w.process.kill("SIGTERM");
            setTimeout(() => w.process.kill("SIGKILL"), 10_000).unref();
          }),
      ),
    );
    log.info({ processes: workers.length }, "server processes stopped");
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
}

/** One server process: Next.js behind the checks above, on the shared port. */
async function serve(settings: StoreConfig) {
  markTrustedServer();
  // From here every line is JSON (lib/log.ts), Next.js's own messages too;
  // under `next dev` its compile messages stay readable text.
  if (!dev) sendConsoleToLog();

  // Next.js builds the URL a proxy.ts rewrite is made against from "localhost"
  // whatever the hostname given here, and proxies (over HTTP, a second
  // request) any rewrite whose origin differs from the one it builds from this
  // hostname. Naming "localhost" keeps the catalog's rewrites in process.
  // Where the server listens is settings.hostname, below.
  const app = next({ dev, dir: root, hostname: "localhost", port: settings.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // A repeat request for a current catalog page is answered from the page
  // cache before Next.js routes it (lib/cache/front-cache.ts, decision 0017).
  // Not under `next dev`, which keeps no pages.
  const frontCache = dev ? null : createFrontCache({ https: settings.https, formTargets: formTargetsFromEnv(process.env) });

  const server = createServer((req, res) => {
    const requestId = randomUUID();
    for (const name of [PEER_HEADER, CLIENT_IP_HEADER, REQUEST_ID_HEADER]) delete req.headers[name];
    const peer = req.socket.remoteAddress ?? "";
    req.headers[PEER_HEADER] = peer;
    const client = clientAddress(peer, req.headers["x-forwarded-for"], settings.trustedProxyHops);
    // With no proxy in front, nobody but the client wrote these: drop them, so
    // nothing downstream (Next.js, Auth.js) takes a forged host or address.
    if (settings.trustedProxyHops === 0) for (const name of FORWARDED_HEADERS) delete req.headers[name];
    if (client) req.headers[CLIENT_IP_HEADER] = client;
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("X-Request-Id", requestId);
    // One access line a request, when the response is done; the path has
    // order and tracking tokens and the query removed (lib/log.ts). Build
    // files (hashed chunks, a dozen a page) are left out unless they fail.
    const started = performance.now();
    res.on("finish", () => {
      if (res.statusCode < 400 && req.url?.startsWith("/_next/static/")) return;
      log.info(
        { requestId, method: req.method, path: loggablePath(req.url ?? "/"), status: res.statusCode, ms: Math.round(performance.now() - started) },
        "request",
      );
    });

    if (crossSitePost(req)) {
      // Next.js refuses these too, but as a 500; this is the client's doing.
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      res.end("This form can only be sent from the store's own pages.\n");
      return;
    }
    if (badPath(req)) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
      res.end("That address is not valid.\n");
      return;
    }
    const toNext = () => {
      keepSharedCachesOff(res);
      // Every line logged while Next.js handles this request carries its id.
      withRequestId(requestId, () => handle(req, res)).catch((error) => {
        log.error({ requestId, err: error }, "request failed outside Next.js");
        if (!res.headersSent) {
          res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
          res.end(`Something went wrong on our side. Error id: ${requestId}\n`);
        } else res.end();
      });
    };
    if (!frontCache) return toNext();
    frontCache(req, res).then(
      (served) => served || toNext(),
      () => toNext(),
    );
  });
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  // Slow clients cannot hold a connection open forever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  server.listen(settings.port, settings.hostname, () => {
    log.info({ mode: settings.mode, siteUrl: settings.siteUrl, worker: process.env.STORE_WORKER }, `listening on http://${settings.hostname}:${settings.port}`);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      void app.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 8_000).unref();
  };
  process.on("SIGTERM", stop);
  // Ctrl-C in a terminal reaches every process of the store at once.
  process.on("SIGINT", stop);
  // A worker whose primary is gone (killed outright) stops too, rather than serving on unsupervised.
  if (cluster.isWorker) process.on("disconnect", stop);
}

main().catch((error) => {
  console.error(`[store] the web server could not start: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
