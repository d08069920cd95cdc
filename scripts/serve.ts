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
//     on every interface in production, unless LISTEN_ADDRESS says otherwise.
//
//   node --import tsx scripts/serve.ts [--dev]
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { ConfigError, assertConfig } from "../lib/config";
import { log, loggablePath, sendConsoleToLog, withRequestId } from "../lib/log";
import { PEER_HEADER, CLIENT_IP_HEADER, REQUEST_ID_HEADER, clientAddress, markTrustedServer } from "../lib/request-origin";
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

async function main() {
  let settings;
  try {
    settings = assertConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[store] ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
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
    keepSharedCachesOff(res);
    // Every line logged while Next.js handles this request carries its id.
    withRequestId(requestId, () => handle(req, res)).catch((error) => {
      log.error({ requestId, err: error }, "request failed outside Next.js");
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        res.end(`Something went wrong on our side. Error id: ${requestId}\n`);
      } else res.end();
    });
  });
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  // Slow clients cannot hold a connection open forever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  server.listen(settings.port, settings.hostname, () => {
    log.info({ mode: settings.mode, siteUrl: settings.siteUrl }, `listening on http://${settings.hostname}:${settings.port}`);
  });

  const stop = () => {
    server.close(() => {
      void app.close().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 8_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(`[store] the web server could not start: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
