// The outbox of side effects. A mail or an outbound Stripe call caused by a
// state change is written as a Job row in the SAME transaction as that change
// (`enqueueJob(tx, …)`), so it exists exactly when the change committed, and
// a worker (`runDueJobs`) delivers it afterwards with retries and exponential
// backoff. See docs/decisions/0004-durable-side-effects.md for why this is a
// table drained with FOR UPDATE SKIP LOCKED and not graphile-worker/pg-boss.
//
// Delivery: a job is claimed with a lease in one committed statement (status
// RUNNING, attempts + 1, lockedUntil), run outside any transaction, then
// marked DONE, or put back with its error and a later runAt, or FAILED after
// maxAttempts. A worker that dies mid-job leaves a lease that lapses, and
// another worker runs the job again: delivery is at least once, made
// effectively once by the dedupe key (an effect is enqueued once), the
// provider's idempotency keys (Stripe) and handlers that check state first.
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { pruneInvalidations } from "@/lib/cache/invalidate";

export type JobKind =
  | "mail.order-confirmation"
  | "mail.tracking-link"
  | "mail.shipped"
  | "mail.delivered"
  | "mail.refund-notice"
  | "stripe.expire-session"
  | "payment.refund"
  // The back office (lib/admin): an order cancelled by the shop, a refund sent
  // to the provider and its mail, a revised guide, a staff invitation.
  | "mail.order-cancelled"
  | "payment.send-refund"
  | "mail.refund-issued"
  | "mail.guide-revised"
  | "mail.staff-invite"
  // Professional accounts (lib/professional): a staff decision on an
  // application, and the licence renewal reminder.
  | "mail.professional"
  | "mail.professional-renewal";

export type JobInput = {
  kind: JobKind;
  payload: Record<string, string | number | boolean | null>;
  /** Names the effect: a second enqueue with the same key does nothing. */
  dedupeKey: string;
  runAt?: Date;
  maxAttempts?: number;
};

export type ClaimedJob = { id: string; kind: string; payload: unknown; attempts: number; maxAttempts: number };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler declares the payload it enqueues
export type JobHandler = (prisma: Db, payload: any, job: ClaimedJob) => Promise<void>;

/** How long a claimed job is the claiming worker's before another may take it. */
export const LEASE_MS = 2 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_CAP_MS = 60 * 60_000;

/** Wait before attempt n+1 after n failed attempts: 5 s, 10 s, 20 s, … at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Records a side effect in the caller's transaction (or, for a change with
 * no other write, on the client itself). Returns false when an effect with
 * this dedupe key was already recorded. Call `kickJobs()` after the commit.
 */
export async function enqueueJob(tx: Prisma.TransactionClient | Db, job: JobInput): Promise<boolean> {
  const made = await tx.job.createMany({
    data: [
      {
        kind: job.kind,
        payload: job.payload as Prisma.InputJsonValue,
        dedupeKey: job.dedupeKey,
        runAt: job.runAt ?? new Date(),
        maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      },
    ],
    skipDuplicates: true,
  });
  return made.count === 1;
}

export type RunResult = { done: number; retried: number; failed: number };

/**
 * Runs every job that is due, one at a time, until none is left (or `limit`).
 * Safe on any number of instances at once: SKIP LOCKED hands each job to one.
 * `dedupeKeys` restricts it to those jobs (the fulfil command delivers only
 * what it caused); `now` lets tests step past a backoff.
 */
export async function runDueJobs(
  prisma: Db,
  options: { now?: Date; limit?: number; dedupeKeys?: string[]; handlers?: Record<string, JobHandler> } = {},
): Promise<RunResult> {
  const handlers = options.handlers ?? (await import("./handlers")).jobHandlers;
  const result: RunResult = { done: 0, retried: 0, failed: 0 };
  const limit = options.limit ?? 100;
  for (let i = 0; i < limit; i++) {
    const now = options.now ?? new Date();
    const job = await claim(prisma, now, options.dedupeKeys);
    if (!job) break;
    const outcome = await runOne(prisma, job, handlers, now);
    result[outcome]++;
  }
  return result;
}

async function claim(prisma: Db, now: Date, dedupeKeys?: string[]): Promise<ClaimedJob | null> {
  const only = dedupeKeys ? Prisma.sql`AND "dedupeKey" IN (${Prisma.join(dedupeKeys.length ? dedupeKeys : [""])})` : Prisma.empty;
  // One statement, committed on its own: the claim is visible to every other
  // worker before the effect starts, and no transaction stays open while a
  // mail is sent (on the embedded database that would block everyone).
  const rows = await prisma.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET "status" = 'RUNNING', "attempts" = "attempts" + 1,
      "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}, "updatedAt" = ${now}
    WHERE "id" = (
      SELECT "id" FROM "Job"
      WHERE (("status" = 'PENDING' AND "runAt" <= ${now}) OR ("status" = 'RUNNING' AND "lockedUntil" < ${now})) ${only}
      ORDER BY "runAt" LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "payload", "attempts", "maxAttempts"`;
  return rows[0] ?? null;
}

async function runOne(prisma: Db, job: ClaimedJob, handlers: Record<string, JobHandler>, now: Date): Promise<keyof RunResult> {
  // Every update below is fenced on the attempt this worker claimed: if its
  // lease lapsed and another worker took the job, this one changes nothing.
  const mine = { id: job.id, status: "RUNNING" as const, attempts: job.attempts };
  try {
    const handler = handlers[job.kind];
    if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
    await handler(prisma, job.payload, job);
    await prisma.job.updateMany({ where: mine, data: { status: "DONE", lockedUntil: null, doneAt: new Date(), lastError: null } });
    return "done";
  } catch (error) {
    const message = describe(error);
    if (job.attempts >= job.maxAttempts) {
      await prisma.job.updateMany({ where: mine, data: { status: "FAILED", lockedUntil: null, lastError: message } });
      console.error(`[jobs] ${job.kind} ${job.id} FAILED after ${job.attempts} attempts, needs a person: ${message}`);
      return "failed";
    }
    const runAt = new Date(now.getTime() + backoffMs(job.attempts));
    await prisma.job.updateMany({ where: mine, data: { status: "PENDING", lockedUntil: null, lastError: message, runAt } });
    console.warn(`[jobs] ${job.kind} ${job.id} attempt ${job.attempts}/${job.maxAttempts} failed, next at ${runAt.toISOString()}: ${message}`);
    return "retried";
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 1000);
  const code = "code" in error && typeof error.code === "string" ? ` (${error.code})` : "";
  return `${error.name}${code}: ${error.message}`.slice(0, 1000);
}

/**
 * Deletes jobs DONE more than `days` ago: their effect happened, and the table
 * is a queue, not an archive. FAILED jobs stay until a person deals with them.
 */
export async function pruneDoneJobs(prisma: Db, days = 30, now = new Date()): Promise<number> {
  const gone = await prisma.job.deleteMany({ where: { status: "DONE", doneAt: { lt: new Date(now.getTime() - days * 86_400_000) } } });
  return gone.count;
}

// ------------------------------------------------------------ the in-process worker

type Worker = { kick: () => void; stop: () => void };
const holder = globalThis as unknown as { __storeJobWorker?: Worker };

/**
 * Starts this process's worker: a poll every `intervalMs`, and `kickJobs()`
 * for an immediate run after a commit that enqueued something. Kept on
 * globalThis because Next.js bundles instrumentation and routes separately.
 */
export function startJobWorker(prisma: Db, intervalMs = 3_000): Worker {
  if (holder.__storeJobWorker) return holder.__storeJobWorker;
  let running = false;
  let again = false;
  let prunedAt = 0;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const prune =
      Date.now() - prunedAt > 3_600_000 ? ((prunedAt = Date.now()), Promise.all([pruneDoneJobs(prisma), pruneInvalidations(prisma)])) : Promise.resolve(0);
    prune
      .then(() => runDueJobs(prisma))
      .catch((e) => console.error("[jobs] worker run failed:", (e as Error).message))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  const worker = {
    kick: run,
    stop: () => {
      clearInterval(timer);
      delete holder.__storeJobWorker;
    },
  };
  holder.__storeJobWorker = worker;
  run();
  return worker;
}

/** After a commit that enqueued jobs: run them now if this process has a worker (else the poll will). */
export function kickJobs(): void {
  holder.__storeJobWorker?.kick();
}
