// The store's log: one JSON object a line on stdout, for whatever collects
// the process's output (journald, a container runtime, a log shipper).
//
// Every line has `level` (a word: "info", "error"), `time` (ISO 8601, UTC)
// and `msg`. Lines logged while the store's server (scripts/serve.ts) handles
// a request also carry that request's `requestId`, the id sent back to the
// browser as X-Request-Id and shown on the error page, so one id finds every
// line of one request. An error passed as `err` is written with its type,
// message and stack.
//
//   import { log } from "@/lib/log";
//   log.error({ err, orderId }, "confirmation mail not sent");
//
// Why an AsyncLocalStorage kept on globalThis: scripts/serve.ts is loaded by
// tsx and the routes are bundled by Next.js, so each has its own copy of this
// module; a key shared through globalThis lets the copy inside the routes read
// the request id the server's copy set. Plain JSON only: pino-pretty is a
// development convenience that is not shipped (`npm run dev | npx pino-pretty`).
// No "@/" imports: scripts/serve.ts loads this file outside the Next.js build.
import { AsyncLocalStorage } from "node:async_hooks";
import { format } from "node:util";
import pino, { type DestinationStream, type Logger } from "pino";

type RequestContext = { requestId: string };

const CONTEXT = Symbol.for("stillpoint.request-context");
const store = ((globalThis as Record<symbol, unknown>)[CONTEXT] ??= new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>;

/** Runs `fn` with `requestId` on every line it logs, however deep (scripts/serve.ts wraps each request). */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return store.run({ requestId }, fn);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return store.getStore()?.requestId;
}

/** A logger writing to `destination` (stdout unless told): tests pass their own stream. */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      timestamp: pino.stdTimeFunctions.isoTime,
      // Words, not pino's numbers: an operator greps for "error".
      formatters: { level: (label) => ({ level: label }) },
      // pino lets fields given on the line win, so a request id passed
      // explicitly (onRequestError reads it from the headers) is kept.
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      serializers: { err: pino.stdSerializers.err },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

export const log: Logger = createLogger();

// Path segments that are bearer secrets: whoever has the link may read the
// order. They never go into a log line (logs are read by more people, and kept
// longer, than orders).
const SECRET_SEGMENT = /^\/(orders|track|pay\/demo)\/[^/?#]+/;

/**
 * A request path fit for a log line: no query string (sign-in callbacks carry
 * their token there) and the token of an order, tracking or payment link
 * replaced by ":token".
 */
export function loggablePath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] || "/";
  return path.replace(SECRET_SEGMENT, (_m, base: string) => `/${base}/:token`);
}

// ANSI colour codes: Next.js colours its own messages for a terminal.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Sends whatever still writes to the console (Next.js's own start-up and
 * error messages, code not yet moved to `log`) through the logger, so every
 * line the server prints is JSON. An Error among the arguments becomes `err`,
 * with its stack. Called once by scripts/serve.ts; pino writes to the file
 * descriptor itself, never through console, so this cannot loop.
 */
export function sendConsoleToLog(logger: Logger = log): void {
  const to =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const err = args.find((a): a is Error => a instanceof Error);
      const msg = format(...args.filter((a) => a !== err))
        .replace(ANSI, "")
        .trim();
      // Next.js prints each request error it has already handed to
      // onRequestError (which logged it with the request's path and digest);
      // kept at debug so the error line is not doubled.
      const seen = err !== undefined && "digest" in err;
      logger[seen ? "debug" : level](err ? { err } : {}, msg || err?.message || "");
    };
  console.debug = to("debug");
  console.log = console.info = to("info");
  console.warn = to("warn");
  console.error = to("error");
}
