// Side effects survive a failure: mail is recorded as a job in the same
// transaction as the change that causes it and delivered by the worker, with
// retries and backoff, once. Against a real SMTP server (smtp-server) that
// the test starts, stops and starts again on the same port.
import net from "node:net";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { backoffMs, enqueueJob, pruneDoneJobs, runDueJobs, startJobWorker } from "@/lib/jobs";
import { requestOrderLookup } from "@/lib/orders/lookup";
import { testDb } from "../support/db";
import { paidOrder, settle, type PaidOrder } from "../support/orders";

const prisma = testDb();
const made: PaidOrder[] = [];
const savedSmtp = process.env.SMTP_URL;

type Received = { to: string[]; raw: string };
const received: Received[] = [];
let server: SMTPServer | null = null;
let port = 0;

/** A real SMTP server on `port` (a fixed one once chosen), keeping what it is sent. */
async function smtpUp(): Promise<void> {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", () => resolve()));
  port = (server!.server.address() as AddressInfo).port;
}

async function smtpDown(): Promise<void> {
  if (!server) return;
  await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = null;
}

beforeAll(async () => {
  // Choose a port, then leave it closed: the mail server starts "down".
  await smtpUp();
  await smtpDown();
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
  if (savedSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtp;
  await smtpDown();
  await settle(prisma, made);
  await prisma.$disconnect();
});

const job = (dedupeKey: string) => prisma.job.findUniqueOrThrow({ where: { dedupeKey } });

describe("mail as a durable job", () => {
  it("a confirmation that cannot be sent stays queued with its error, and is delivered exactly once when SMTP is back", async () => {
    const order = await paidOrder(prisma, { lines: [["CRT-16-10", 1]], email: "durable@example.test" });
    made.push(order);
    const key = `mail:order-confirmation:${order.id}`;
    // Committed with the payment, before anything was sent.
    expect(await job(key)).toMatchObject({ kind: "mail.order-confirmation", status: "PENDING", attempts: 0 });

    const t0 = new Date();
    await runDueJobs(prisma, { now: t0, dedupeKeys: [key] });
    const failed = await job(key);
    expect(failed).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(failed.runAt.getTime()).toBe(t0.getTime() + backoffMs(1));
    // Not due again before its backoff.
    await runDueJobs(prisma, { now: t0, dedupeKeys: [key] });
    expect((await job(key)).attempts).toBe(1);

    const t1 = new Date(t0.getTime() + backoffMs(1) + 1);
    await runDueJobs(prisma, { now: t1, dedupeKeys: [key] });
    expect(await job(key)).toMatchObject({ status: "PENDING", attempts: 2 });
    expect((await job(key)).runAt.getTime()).toBe(t1.getTime() + backoffMs(2));
    expect(received).toHaveLength(0);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).confirmationSentAt).toBeNull();

    await smtpUp();
    const later = new Date(t1.getTime() + backoffMs(2) + 1);
    expect(await runDueJobs(prisma, { now: later, dedupeKeys: [key] })).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await job(key)).toMatchObject({ status: "DONE", attempts: 3, lastError: null });
    const mine = () => received.filter((m) => m.raw.includes(order.number));
    expect(mine()).toHaveLength(1);
    expect(mine()[0]!.to).toEqual(["durable@example.test"]);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).confirmationSentAt).not.toBeNull();

    // Running the worker again, even far later, sends nothing more.
    await runDueJobs(prisma, { now: new Date(later.getTime() + 86_400_000), dedupeKeys: [key] });
    expect(mine()).toHaveLength(1);
    await smtpDown();
  });

  it("the same effect is enqueued once, however often the payment is delivered", async () => {
    const order = await paidOrder(prisma, { lines: [["CRT-16-10", 1]], email: "once@example.test" });
    made.push(order);
    const again = await prisma.$transaction((tx) =>
      enqueueJob(tx, { kind: "mail.order-confirmation", payload: { orderId: order.id }, dedupeKey: `mail:order-confirmation:${order.id}` }),
    );
    expect(again).toBe(false);
    expect(await prisma.job.count({ where: { dedupeKey: `mail:order-confirmation:${order.id}` } })).toBe(1);
  });

  it("after maxAttempts a job is marked FAILED, keeps its last error, and says so in the log", async () => {
    const key = `test:always-fails:${Date.now()}`;
    await enqueueJob(prisma, { kind: "mail.tracking-link", payload: { orderId: "none" }, dedupeKey: key, maxAttempts: 3 });
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.join(" ")));
    const handlers = {
      "mail.tracking-link": async () => {
        throw new Error("451 try again later");
      },
    };
    try {
      let now = new Date();
      for (let i = 0; i < 3; i++) {
        await runDueJobs(prisma, { now, dedupeKeys: [key], handlers });
        now = new Date(now.getTime() + backoffMs(i + 1) + 1);
      }
    } finally {
      spy.mockRestore();
    }
    expect(await job(key)).toMatchObject({ status: "FAILED", attempts: 3, lastError: "Error: 451 try again later" });
    expect(logged.some((l) => l.includes("FAILED after 3 attempts") && l.includes("451 try again later"))).toBe(true);
    // A failed job is never picked up again.
    expect(await runDueJobs(prisma, { now: new Date(Date.now() + 10 * 86_400_000), dedupeKeys: [key], handlers })).toEqual({ done: 0, retried: 0, failed: 0 });
    await prisma.job.delete({ where: { dedupeKey: key } });
  });

  it("a job whose worker died (lease lapsed) is taken again by another", async () => {
    const key = `test:lease:${Date.now()}`;
    await enqueueJob(prisma, { kind: "mail.tracking-link", payload: { orderId: "none" }, dedupeKey: key });
    let calls = 0;
    const handlers = { "mail.tracking-link": async () => void calls++ };
    const now = new Date();
    await prisma.job.update({ where: { dedupeKey: key }, data: { status: "RUNNING", attempts: 1, lockedUntil: new Date(now.getTime() + 60_000) } });
    expect((await runDueJobs(prisma, { now, dedupeKeys: [key], handlers })).done).toBe(0);
    expect((await runDueJobs(prisma, { now: new Date(now.getTime() + 60_001), dedupeKeys: [key], handlers })).done).toBe(1);
    expect(calls).toBe(1);
    expect(await job(key)).toMatchObject({ status: "DONE", attempts: 2 });
    await prisma.job.delete({ where: { dedupeKey: key } });
  });

  it("the order lookup answers without waiting for a mail server that hangs; the link is queued", async () => {
    // A server that accepts connections and never speaks: before, the lookup waited on it.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const order = await paidOrder(prisma, { lines: [["CRT-16-10", 1]], email: "slow-smtp@example.test" });
      made.push(order);
      const started = Date.now();
      const result = await requestOrderLookup(prisma, { orderNumber: order.number, email: order.email, ip: "203.0.113.77" }, new Date(), { minDurationMs: 0 });
      expect(result).toEqual({ status: "sent" });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(await prisma.job.count({ where: { kind: "mail.tracking-link", status: "PENDING", payload: { path: ["orderId"], equals: order.id } } })).toBe(1);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
      process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
      await prisma.rateLimitBucket.deleteMany({ where: { key: { startsWith: "lookup:" } } });
    }
  });

  it("with the store's worker running, a paid order's confirmation goes out within about a second (kicked after the commit)", async () => {
    await smtpUp();
    // Jobs other files left due would be run first (oldest first): set them
    // aside for this test, so it times this order's mail and nothing else.
    const parked = await prisma.job.findMany({ where: { status: "PENDING" }, select: { id: true, runAt: true } });
    await prisma.job.updateMany({ where: { id: { in: parked.map((j) => j.id) } }, data: { runAt: new Date(Date.now() + 86_400_000) } });
    // A poll far longer than the test: only the kick after the commit can deliver in time.
    const worker = startJobWorker(prisma, 600_000);
    try {
      const order = await paidOrder(prisma, { lines: [["CRT-16-10", 1]], email: "kicked@example.test" });
      made.push(order);
      const key = `mail:order-confirmation:${order.id}`;
      const deadline = Date.now() + 1_500;
      while (Date.now() < deadline && (await job(key)).status !== "DONE") await new Promise((r) => setTimeout(r, 25));
      expect(await job(key)).toMatchObject({ status: "DONE", attempts: 1 });
      expect(received.filter((m) => m.raw.includes(order.number))).toHaveLength(1);
    } finally {
      worker.stop();
      await smtpDown();
      for (const j of parked) await prisma.job.updateMany({ where: { id: j.id, status: "PENDING" }, data: { runAt: j.runAt } });
    }
  });

  it("prunes jobs done long ago, and keeps failed ones for a person", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 31 * 86_400_000);
    const keys = [`test:prune-done:${now.getTime()}`, `test:prune-failed:${now.getTime()}`, `test:prune-recent:${now.getTime()}`];
    await prisma.job.createMany({
      data: [
        { kind: "mail.tracking-link", payload: {}, dedupeKey: keys[0]!, status: "DONE", doneAt: old },
        { kind: "mail.tracking-link", payload: {}, dedupeKey: keys[1]!, status: "FAILED", updatedAt: old },
        { kind: "mail.tracking-link", payload: {}, dedupeKey: keys[2]!, status: "DONE", doneAt: now },
      ],
    });
    await pruneDoneJobs(prisma, 30, now);
    expect((await prisma.job.findMany({ where: { dedupeKey: { in: keys } } })).map((j) => j.dedupeKey).sort()).toEqual([keys[1], keys[2]].sort());
    await prisma.job.deleteMany({ where: { dedupeKey: { in: keys } } });
  });
});
