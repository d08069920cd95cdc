// Runs once per server instance: a minute-by-minute sweep that releases the
// stock of unpaid orders whose hold has lapsed (and handles licences due for
// renewal or expired, lib/professional/renewals.ts), and the job worker that
// delivers mail and Stripe calls recorded in the outbox (lib/jobs): a poll
// every few seconds, plus an immediate run after a commit that enqueued one.
// Every instance may sweep and work; each release and each job happens once
// (see lib/orders/sweeper.ts and lib/jobs/index.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { db } = await import("@/lib/db");
  // The page cache (lib/cache/page-cache-handler.cjs) learns of catalog changes from the database.
  const { provideInvalidationReader, readInvalidationsAfter } = await import("@/lib/cache/invalidate");
  provideInvalidationReader((afterId, sinceMs, alsoIds) => readInvalidationsAfter(db(), afterId, sinceMs, alsoIds));
  const { releaseExpiredHolds } = await import("@/lib/orders/sweeper");
  const sweep = () =>
    releaseExpiredHolds(db())
      .then((n) => n && console.log(`[stock] released the holds of ${n} unpaid order(s)`))
      .catch((e) => console.error("[stock] hold sweep failed:", (e as Error).message));
  const { sweepLicences } = await import("@/lib/professional/renewals");
  const sweepLicencesNow = () =>
    sweepLicences(db())
      .then((n) => (n.reminded || n.expired) && console.log(`[professional] ${n.reminded} renewal reminder(s), ${n.expired} expired licence(s) handled`))
      .catch((e) => console.error("[professional] licence sweep failed:", (e as Error).message));
  setInterval(() => {
    void sweep();
    void sweepLicencesNow();
  }, 60_000).unref();
  const { startJobWorker } = await import("@/lib/jobs");
  startJobWorker(db());
}

// Every error Next.js catches while serving a request becomes one JSON log
// line with the request id, path, digest and stack (lib/request-errors.ts).
export const onRequestError: import("next").Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/request-errors");
  logRequestError(error, request, context);
};
