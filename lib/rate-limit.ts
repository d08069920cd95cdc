// A fixed-window rate limit counted in the database, so it holds across every
// instance of the store. One atomic upsert per hit: a new window resets the
// count, otherwise it is incremented.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/** When the fixed window holding `now` began, in ms. */
function windowStartOf(now: Date, windowSeconds: number): number {
  return Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000;
}

async function hitRateLimit(prisma: Db, key: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(windowStartOf(now, windowSeconds));
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitBucket"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000);
  return { allowed: count <= limit, count, retryAfterSeconds };
}

export type Limit = { key: string; limit: number; windowSeconds: number };

/**
 * Counts one hit against every limit (all of them, every time, so none can be
 * probed without the others counting) and answers whether all still allow it.
 */
export async function hitRateLimits(prisma: Db, limits: Limit[], now = new Date()): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const results = await Promise.all(limits.map((l) => hitRateLimit(prisma, l.key, l.limit, l.windowSeconds, now)));
  const blocked = results.filter((r) => !r.allowed);
  return { allowed: blocked.length === 0, retryAfterSeconds: blocked.length ? Math.max(...blocked.map((r) => r.retryAfterSeconds)) : 0 };
}

/** A rate-limit key for an email address that does not store the address itself. */
function emailLimitKey(scope: string, email: string): string {
  return `${scope}:email:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

export type EmailAndIpLimits = {
  email: { limit: number; windowSeconds: number };
  ip: { limit: number; windowSeconds: number };
};

/**
 * The email's limit (key `${scope}:email:<sha256>`) and, only when the client
 * address is known, the address's (`${scope}:ip:<ip>`): without a known
 * address one shared bucket would let a single visitor lock everyone else out.
 */
function emailAndIpLimits(scope: string, email: string, ip: string | null, limits: EmailAndIpLimits): Limit[] {
  const list: Limit[] = [{ key: emailLimitKey(scope, email), limit: limits.email.limit, windowSeconds: limits.email.windowSeconds }];
  if (ip) list.push({ key: `${scope}:ip:${ip}`, limit: limits.ip.limit, windowSeconds: limits.ip.windowSeconds });
  return list;
}

/** Counts one hit against the email's and the address's limits. */
export async function hitEmailAndIpLimits(
  prisma: Db,
  scope: string,
  email: string,
  ip: string | null,
  limits: EmailAndIpLimits,
  now = new Date(),
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  return hitRateLimits(prisma, emailAndIpLimits(scope, email, ip, limits), now);
}

/**
 * Whether the email's or the address's limit is already used up, without
 * counting a hit: for telling a person why a request that was refused
 * further down (where the hit was counted) did not go through.
 */
export async function emailOrIpLimitReached(
  prisma: Db,
  scope: string,
  email: string,
  ip: string | null,
  limits: EmailAndIpLimits,
  now = new Date(),
): Promise<boolean> {
  return (await limitsReached(prisma, emailAndIpLimits(scope, email, ip, limits), now)).reached;
}

/**
 * Whether any of the limits is already used up in its current window, without
 * counting a hit, and how long until the last of those windows ends.
 */
export async function limitsReached(prisma: Db, limits: Limit[], now = new Date()): Promise<{ reached: boolean; retryAfterSeconds: number }> {
  if (limits.length === 0) return { reached: false, retryAfterSeconds: 0 };
  const rows = await prisma.rateLimitBucket.findMany({ where: { key: { in: limits.map((l) => l.key) } } });
  let retryAfterSeconds = 0;
  for (const l of limits) {
    const row = rows.find((r) => r.key === l.key);
    const windowStart = windowStartOf(now, l.windowSeconds);
    if (row !== undefined && row.windowStart.getTime() === windowStart && row.count >= l.limit) {
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((windowStart + l.windowSeconds * 1000 - now.getTime()) / 1000));
    }
  }
  return { reached: retryAfterSeconds > 0, retryAfterSeconds };
}

/** A retry-after in whole minutes for a message, never less than one. */
export function retryAfterMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
