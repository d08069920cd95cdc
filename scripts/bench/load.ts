// The two ways the bench puts load on the store:
//
// - `measureUrl`: one URL, a fixed number of keep-alive connections for a
//   fixed time, with autocannon (in this process; the store is a child
//   process). Latency is the time to the whole response of every 2xx answer;
//   autocannon's own summary has no p95, so each response time is kept here.
// - `measureJourneys`: closed-loop shoppers, each starting its next
//   start-checkout as soon as the last one ended, for a fixed time.
//
// Both stop by themselves: at the deadline, plus at most one request's
// timeout for whatever is still in flight.
import autocannon from "autocannon";

export type Figure = {
  /** Completed 2xx answers (or journeys) per second over the measured time. */
  perSecond: number;
  p50: number;
  p95: number;
  completed: number;
  /** Non-2xx answers, connection errors, timeouts (or failed journeys). */
  failed: number;
  firstFailure?: string;
  seconds: number;
};

export type LoadOptions = { seconds: number; connections: number; headers?: Record<string, string> };

/** Nearest-rank percentile of a sorted list. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A request that takes longer than this counts as failed (autocannon's own timeout, seconds). */
const REQUEST_TIMEOUT_S = 30;

export async function measureUrl(url: string, options: LoadOptions): Promise<Figure> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    // The callback form returns the instance, whose "response" event carries each response's time.
    const instance = autocannon(
      { url, connections: options.connections, duration: options.seconds, timeout: REQUEST_TIMEOUT_S, headers: options.headers },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
      else statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  times.sort((a, b) => a - b);
  // autocannon's `errors` already counts its timeouts.
  const failed = result.non2xx + result.errors;
  const firstFailure = statuses.size
    ? `answered ${[...statuses].map(([code, n]) => `${code} ×${n}`).join(", ")}`
    : result.errors
      ? `${result.errors} connection errors (${result.timeouts} of them timeouts)`
      : undefined;
  return {
    perSecond: times.length / result.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    completed: times.length,
    failed,
    firstFailure,
    seconds: result.duration,
  };
}

/**
 * `concurrency` loops of `journey` for `seconds`, each starting its next run as soon as the last
 * one ended: every result, every failure's message, and how long it took in all.
 */
export async function closedLoop<T>(
  journey: () => Promise<T>,
  concurrency: number,
  seconds: number,
): Promise<{ runs: T[]; failures: string[]; elapsed: number }> {
  const runs: T[] = [];
  const failures: string[] = [];
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        try {
          runs.push(await withTimeout(journey(), REQUEST_TIMEOUT_S * 1000 * 2));
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    }),
  );
  return { runs, failures, elapsed: (performance.now() - t0) / 1000 };
}

/** p50, p95 and the largest of some samples (any order). */
export function spread(values: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? NaN };
}

/** `concurrency` loops of `journey` for `seconds`; each journey's own time is one sample. */
export async function measureJourneys(journey: () => Promise<unknown>, concurrency: number, seconds: number): Promise<Figure> {
  const timed = async () => {
    const started = performance.now();
    await journey();
    return performance.now() - started;
  };
  const { runs: times, failures, elapsed } = await closedLoop(timed, concurrency, seconds);
  const { p50, p95 } = spread(times);
  return { perSecond: times.length / elapsed, p50, p95, completed: times.length, failed: failures.length, firstFailure: failures[0], seconds: elapsed };
}

/** The journey fetches have their own timeouts; this is the backstop that keeps the loop bounded whatever the journey does. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
