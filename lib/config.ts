// The store's settings, read from the environment and checked in one place.
//
// Two modes:
//   demo        the offline store on one machine: no DATABASE_URL (the
//               launcher starts the embedded PostgreSQL and says so with
//               STORE_MODE=demo), or an operator who sets STORE_MODE=demo on
//               purpose. Missing settings fall back to labelled offline parts:
//               demo payments, the local mail outbox, a secret kept in .data.
//   production  DATABASE_URL given and STORE_MODE not "demo". The store
//               refuses to start unless SITE_URL, STORE_SECRET (>= 32 chars),
//               STRIPE_SECRET_KEY with STRIPE_WEBHOOK_SECRET, and SMTP_URL are
//               all set and valid. Demo payments and the outbox never run here.
//
// `checkConfig(env)` is pure (tests call it with any environment); `config()`
// is what the store reads, parsed from process.env. The server and the
// launcher call `assertConfig()` before serving, so a bad setting stops the
// start with every problem named, instead of failing requests later.
import { z } from "zod";
import { isTimeZone } from "./time-zone";

export type StoreMode = "demo" | "production";

export type StoreConfig = {
  mode: StoreMode;
  /** The public origin, no trailing slash: every link the store emails starts with it. */
  siteUrl: string;
  /** True when the site is served over https: cookies are Secure and HSTS is sent. */
  https: boolean;
  port: number;
  /** The STORE_SECRET, or null in demo mode when one is kept in .data instead. */
  storeSecret: string | null;
  authSecret: string | null;
  stripe: { secretKey: string; webhookSecret: string | null; apiBase: string | null } | null;
  smtpUrl: string | null;
  mailFrom: string;
  /** How many proxies in front of the store add to X-Forwarded-For; 0: the socket's peer is the client. */
  trustedProxyHops: number;
  /** Where the web server listens (LISTEN_ADDRESS; not HOSTNAME, which shells set to the machine's name). */
  hostname: string;
  /**
   * REDIS_URL: the page cache shared by every instance (lib/cache/page-cache-handler.cjs,
   * which reads the variable itself because Next.js loads it outside the app). Null: each
   * instance keeps its own page cache.
   */
  redisUrl: string | null;
  /**
   * Where uploaded licence copies are kept, never under the web root: a folder
   * (UPLOAD_DIR, default uploads/ in the store's data folder; one machine, or a
   * shared disk) or an S3-compatible bucket (UPLOAD_S3_*; every instance).
   */
  uploads:
    { kind: "folder"; dir: string | null } | { kind: "s3"; bucket: string; endpoint: string; region: string; accessKeyId: string; secretAccessKey: string };
  /** How many server processes scripts/serve.ts runs (WEB_CONCURRENCY): a number, or "auto" for one a core (resolveProcessCount). */
  webConcurrency: number | "auto";
  /**
   * STORE_OWNER_EMAIL, lower-cased: the account that signs in with it is the
   * back office's owner. Set only here, never from the app. In demo mode it
   * defaults to DEMO_OWNER_EMAIL; in production without it only invited staff
   * (none, at first) can enter /admin.
   */
  ownerEmail: string | null;
  /** STAFF_IDLE_MINUTES: a back-office session unused this long must sign in again. */
  staffIdleMinutes: number;
};

/** The owner of the offline demo's back office (sign in through the outbox). */
export const DEMO_OWNER_EMAIL = "owner@example.com";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The store cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const DEFAULT_FROM = "Stillpoint <orders@localhost>";

type Env = Record<string, string | undefined>;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());

const origin = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: "custom", message: "must be an absolute http(s) address, e.g. https://shop.example.com" });
        return;
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") ctx.addIssue({ code: "custom", message: "must start with http:// or https://" });
      if (url.username || url.password) ctx.addIssue({ code: "custom", message: "must not contain a user name or password" });
      if (url.search || url.hash) ctx.addIssue({ code: "custom", message: "must not contain a query or fragment" });
    }),
);

const envSchema = z.object({
  DATABASE_URL: optionalString,
  STORE_MODE: z.preprocess(blankToUndefined, z.enum(["demo", "production"], { message: 'must be "demo" or "production"' }).optional()),
  SITE_URL: origin,
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce.number({ message: "must be a port number" }).int("must be a whole number").min(1, "must be 1–65535").max(65535, "must be 1–65535").default(3000),
  ),
  LISTEN_ADDRESS: optionalString,
  STORE_SECRET: z.preprocess(blankToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
  AUTH_SECRET: z.preprocess(blankToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
  STRIPE_SECRET_KEY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_\S+$/, "must be a Stripe secret key (sk_live_… or sk_test_…)")
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^whsec_\S+$/, "must be a webhook signing secret (whsec_…)")
      .optional(),
  ),
  STRIPE_API_BASE: origin,
  SMTP_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .refine((v) => v === undefined || /^smtps?:\/\/[^\s]+$/.test(v), "must be an smtp:// or smtps:// address"),
  ),
  MAIL_FROM: optionalString,
  STORE_TIME_ZONE: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .optional()
      .refine((v) => v === undefined || isTimeZone(v), "must be a time zone name such as America/New_York or Europe/London"),
  ),
  REDIS_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .refine((v) => v === undefined || /^rediss?:\/\/[^\s]+$/.test(v), "must be a redis:// or rediss:// address"),
  ),
  TRUSTED_PROXY_HOPS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: "must be a whole number from 0 to 10" })
      .int("must be a whole number from 0 to 10")
      .min(0)
      .max(10, "must be a whole number from 0 to 10")
      .default(0),
  ),
  STORE_OWNER_EMAIL: z.preprocess(
    blankToUndefined,
    z.string().trim().toLowerCase().email("must be an email address").max(254, "must be an email address").optional(),
  ),
  STAFF_IDLE_MINUTES: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: "must be a whole number of minutes from 5 to 720" })
      .int("must be a whole number of minutes from 5 to 720")
      .min(5, "must be a whole number of minutes from 5 to 720")
      .max(720, "must be a whole number of minutes from 5 to 720")
      .default(30),
  ),
  UPLOAD_DIR: optionalString,
  UPLOAD_S3_BUCKET: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name")
      .optional(),
  ),
  UPLOAD_S3_ENDPOINT: origin,
  UPLOAD_S3_REGION: optionalString,
  UPLOAD_S3_ACCESS_KEY_ID: optionalString,
  UPLOAD_S3_SECRET_ACCESS_KEY: optionalString,
  WEB_CONCURRENCY: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(auto|[1-9]|[1-5][0-9]|6[0-4])$/, 'must be "auto" or a whole number from 1 to 64')
      .transform((v) => (v === "auto" ? ("auto" as const) : Number(v)))
      .optional(),
  ),
});

/** Checks an environment and answers either the settings or every problem with it. */
export function checkConfig(env: Env): { ok: true; config: StoreConfig } | { ok: false; problems: string[] } {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`) };
  }
  const e = parsed.data;
  const mode: StoreMode = e.STORE_MODE ?? (e.DATABASE_URL ? "production" : "demo");
  const problems: string[] = [];

  if (mode === "production") {
    const need = (name: keyof typeof e, why: string) => {
      if (e[name] === undefined) problems.push(`${name} is required in production (${why})`);
    };
    need("DATABASE_URL", "the PostgreSQL the store keeps its data in");
    need("SITE_URL", "the public address every emailed link is built from");
    need("STORE_SECRET", "signs order links; at least 32 random characters, the same on every instance");
    need("STRIPE_SECRET_KEY", "takes payments; demo payments never run in production");
    need("STRIPE_WEBHOOK_SECRET", "verifies Stripe's payment events");
    need("SMTP_URL", "sends order mail and sign-in links");
    if (problems.length) problems.push("To run the offline demo against this database instead, set STORE_MODE=demo (never for real customers).");
  } else if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) {
    problems.push("STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (without it no payment would ever be confirmed)");
  }
  // The embedded PGlite is one database session that every connection shares
  // (lib/db.ts keeps each process to one connection); a second server process
  // would interleave its statements with the first's. One process, then; a
  // PostgreSQL server in DATABASE_URL takes as many as the machine has cores.
  // EMBEDDED_DB is the launcher's mark (scripts/start.ts), not a setting.
  const embedded = env.EMBEDDED_DB === "1" || !e.DATABASE_URL;
  if (embedded && e.WEB_CONCURRENCY !== undefined && e.WEB_CONCURRENCY !== 1) {
    problems.push(
      `WEB_CONCURRENCY must be 1 with the embedded database (it is one database session, shared by every connection); to run several server processes, set DATABASE_URL to a PostgreSQL server`,
    );
  }
  if (e.UPLOAD_S3_BUCKET) {
    for (const name of ["UPLOAD_S3_ENDPOINT", "UPLOAD_S3_ACCESS_KEY_ID", "UPLOAD_S3_SECRET_ACCESS_KEY"] as const) {
      if (e[name] === undefined) problems.push(`${name} is required with UPLOAD_S3_BUCKET (where licence copies are kept)`);
    }
  }
  if (problems.length) return { ok: false, problems };

  const siteUrl = (e.SITE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  const https = new URL(siteUrl).protocol === "https:";
  return {
    ok: true,
    config: {
      mode,
      siteUrl: new URL(siteUrl).origin,
      https,
      port: e.PORT,
      storeSecret: e.STORE_SECRET ?? null,
      authSecret: e.AUTH_SECRET ?? null,
      stripe: e.STRIPE_SECRET_KEY
        ? {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? null,
            // A live key is never pointed anywhere but Stripe.
            apiBase: e.STRIPE_API_BASE && e.STRIPE_SECRET_KEY.startsWith("sk_test_") ? e.STRIPE_API_BASE : null,
          }
        : null,
      smtpUrl: e.SMTP_URL ?? null,
      mailFrom: e.MAIL_FROM ?? DEFAULT_FROM,
      trustedProxyHops: e.TRUSTED_PROXY_HOPS,
      // The offline demo is for the machine it runs on; production listens everywhere.
      hostname: e.LISTEN_ADDRESS ?? (mode === "demo" ? "127.0.0.1" : "0.0.0.0"),
      redisUrl: e.REDIS_URL ?? null,
      ownerEmail: e.STORE_OWNER_EMAIL ?? (mode === "demo" ? DEMO_OWNER_EMAIL : null),
      staffIdleMinutes: e.STAFF_IDLE_MINUTES,
      webConcurrency: e.WEB_CONCURRENCY ?? (embedded ? 1 : "auto"),
      uploads: e.UPLOAD_S3_BUCKET
        ? {
            kind: "s3",
            bucket: e.UPLOAD_S3_BUCKET,
            endpoint: e.UPLOAD_S3_ENDPOINT!,
            region: e.UPLOAD_S3_REGION ?? "us-east-1",
            accessKeyId: e.UPLOAD_S3_ACCESS_KEY_ID!,
            secretAccessKey: e.UPLOAD_S3_SECRET_ACCESS_KEY!,
          }
        : { kind: "folder", dir: e.UPLOAD_DIR ?? null },
    },
  };
}

/** "auto" never starts more processes than this: each holds a pool of database connections (lib/db.ts, 5 each) and its own caches. */
export const AUTO_PROCESS_LIMIT = 8;

/**
 * The number of server processes for a WEB_CONCURRENCY setting. "auto" is
 * one a core the process may use (os.availableParallelism()), fewer under a
 * container's CPU quota (cgroup cpu.max, which Node does not look at), and at
 * most AUTO_PROCESS_LIMIT. A number is taken as it is.
 */
export function resolveProcessCount(setting: number | "auto", machine: { cores: number; cpuQuota?: number | null }): number {
  if (setting !== "auto") return setting;
  const quota = machine.cpuQuota && machine.cpuQuota > 0 ? Math.ceil(machine.cpuQuota) : Infinity;
  return Math.max(1, Math.min(machine.cores, quota, AUTO_PROCESS_LIMIT));
}

const KEYS = [...Object.keys(envSchema.shape), "EMBEDDED_DB"];
let cached: { key: string; config: StoreConfig } | undefined;

/**
 * The store's settings. Parsed from process.env and kept until a setting
 * changes (tests change them between cases). Throws ConfigError naming every
 * problem: the server checked the same at start, so a request only meets it
 * when the environment was changed under a running process.
 */
export function config(): StoreConfig {
  const key = KEYS.map((k) => process.env[k] ?? "").join("\u0000");
  if (cached?.key === key) return cached.config;
  const result = checkConfig(process.env);
  if (!result.ok) throw new ConfigError(result.problems);
  cached = { key, config: result.config };
  return result.config;
}

/** For the launcher and the server: stop with every problem named, or carry on. */
export function assertConfig(env: Env = process.env): StoreConfig {
  const result = checkConfig(env);
  if (!result.ok) throw new ConfigError(result.problems);
  return result.config;
}

export function isDemoMode(): boolean {
  return config().mode === "demo";
}
