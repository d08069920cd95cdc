import { Writable } from "node:stream";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import ErrorPage from "@/app/error";
import GlobalError from "@/app/global-error";
import { createLogger, loggablePath, sendConsoleToLog, withRequestId } from "@/lib/log";
import { markTrustedServer } from "@/lib/request-origin";
import { logRequestError } from "@/lib/request-errors";

/** A logger whose lines land in an array, parsed. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

const thrown = () => {
  const error = new Error('relation "Order" does not exist (password=hunter2)') as Error & { digest?: string };
  error.digest = "2874551329";
  return error;
};

const request = (headers: Record<string, string> = {}) => ({
  path: "/orders/sk_9f8e7d6c5b4a?cancelled=1",
  method: "GET",
  headers: { "x-request-id": "5f0c1a52-3b1e-4c47-9c1e-0d5e2a9b7f10", ...headers },
});
const context = { routePath: "/orders/[token]", routeType: "render" };

describe("log lines", () => {
  it("are JSON with level, time and msg", () => {
    const { logger, lines } = capture();
    logger.info({ orderId: "o1" }, "order confirmation mail sent");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", msg: "order confirmation mail sent", orderId: "o1" });
    expect(new Date(String(lines[0]!.time)).toISOString()).toBe(lines[0]!.time);
  });

  it("carry the request id of the request being handled, however deep", async () => {
    const { logger, lines } = capture();
    await withRequestId("req-42", async () => {
      await new Promise((r) => setTimeout(r, 1));
      logger.warn("deep inside the request");
    });
    logger.info("after the request");
    expect(lines[0]).toMatchObject({ requestId: "req-42", msg: "deep inside the request", level: "warn" });
    expect(lines[1]).not.toHaveProperty("requestId");
  });

  it("never hold order, tracking or payment link tokens, or query strings", () => {
    expect(loggablePath("/orders/abc123?cancelled=1")).toBe("/orders/:token");
    expect(loggablePath("/track/abc123/items/4/booklet.pdf")).toBe("/track/:token/items/4/booklet.pdf");
    expect(loggablePath("/pay/demo/abc123")).toBe("/pay/demo/:token");
    expect(loggablePath("/api/auth/callback/nodemailer?token=secret&email=a%40b.c")).toBe("/api/auth/callback/nodemailer");
    expect(loggablePath("/shop/cartridges?pen=aurora")).toBe("/shop/cartridges");
  });
});

describe("what still writes to the console", () => {
  const original = { ...console };
  afterEach(() => Object.assign(console, original));

  it("becomes JSON lines too, an Error among the arguments with its stack, Next.js's colours removed", () => {
    const { logger, lines } = capture();
    sendConsoleToLog(logger);
    console.log("\u001b[32m✓\u001b[39m Ready in %dms", 120);
    console.warn("[stripe] session %s not expired", "cs_1");
    console.error("[stock] hold sweep failed:", new Error("connection reset"));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ["info", "✓ Ready in 120ms"],
      ["warn", "[stripe] session cs_1 not expired"],
      ["error", "[stock] hold sweep failed:"],
    ]);
    expect((lines[2]!.err as { stack: string }).stack).toMatch(/^Error: connection reset\n\s+at /);
  });

  it("keeps Next.js's own print of an error it already reported to onRequestError at debug, not doubled as an error", () => {
    const { logger, lines } = capture();
    sendConsoleToLog(logger);
    console.error("⨯", thrown());
    expect(lines).toEqual([]); // below the default level (info)
  });
});

describe("a server error", () => {
  it("is logged with the stack, digest, path and method, but no request id a client could have chosen", () => {
    // Before the store's server marked itself (a bare `next start`), the
    // x-request-id header is the client's word and is not logged as ours.
    const { logger, lines } = capture();
    logRequestError(thrown(), request(), context, logger);
    expect(lines[0]).not.toHaveProperty("requestId");
  });

  it("is logged with the store server's request id, the stack and the digest the browser shows", () => {
    markTrustedServer();
    const { logger, lines } = capture();
    logRequestError(thrown(), request(), context, logger);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({
      level: "error",
      msg: "request failed",
      requestId: "5f0c1a52-3b1e-4c47-9c1e-0d5e2a9b7f10",
      digest: "2874551329",
      method: "GET",
      path: "/orders/:token",
      route: "/orders/[token]",
      routeType: "render",
    });
    const err = line.err as { type: string; message: string; stack: string };
    expect(err.type).toBe("Error");
    expect(err.stack).toMatch(/^Error: relation "Order" does not exist[\s\S]*\n\s+at /);
    expect(err.stack).toContain("logs.test.ts");
    expect(JSON.stringify(line)).not.toContain("sk_9f8e7d6c5b4a");
  });

  it("is not logged when it is a redirect or a 404 travelling as an error", () => {
    const { logger, lines } = capture();
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/signin;307;" });
    logRequestError(redirect, request(), context, logger);
    expect(lines).toEqual([]);
  });

  it.each([
    ["app/error.tsx", ErrorPage],
    ["app/global-error.tsx", GlobalError],
  ])("reaches the browser (%s) as an error id only: no message, no stack", (_name, Page) => {
    const error = thrown();
    const html = renderToStaticMarkup(createElement(Page, { error, reset: () => {} }));
    expect(html).toContain("Something went wrong on our side");
    expect(html).toContain("error id");
    expect(html).toContain(error.digest);
    expect(html).not.toContain("hunter2");
    expect(html).not.toContain("does not exist");
    expect(html).not.toMatch(/\bat\s+\S+\s+\(/);
  });
});
