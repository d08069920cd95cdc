// Guest order lookup. An order number and an email address are not secrets
// (both sit on a packing slip), so they never open an order directly: a
// match only sends a fresh tracking link to the order's own email address.
// The caller gets the same answer, in about the same time, whether or not
// anything matched, so the form cannot be used to learn which orders or
// addresses exist. Both the address and the IP are rate-limited in the
// database, so the limits hold across every instance of the store. On a
// match the mail is only enqueued (lib/jobs): the answer never waits on the
// mail server, whose speed would otherwise tell a match from a miss. The
// worker sends it through lib/orders/order-mails.ts.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { fieldErrors } from "@/lib/forms";
import { enqueueJob, kickJobs } from "@/lib/jobs";
import { hitEmailAndIpLimits } from "@/lib/rate-limit";

export const LOOKUP_LIMITS = {
  ip: { limit: 10, windowSeconds: 15 * 60 },
  email: { limit: 5, windowSeconds: 15 * 60 },
} as const;

/** Every answer takes at least this long, so a match cannot be told from a miss by timing. */
const MIN_DURATION_MS = 300;

export type LookupFieldErrors = Partial<Record<"orderNumber" | "email", string>>;
export type LookupResult = { status: "sent" } | { status: "rate-limited"; retryAfterSeconds: number } | { status: "invalid"; errors: LookupFieldErrors };

const schema = z.object({
  orderNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^SP-[A-Z0-9]{4}-[A-Z0-9]{4}$/, "Enter the order number as it appears in your email, like SP-7K4Q-9XM2."),
  email: z.string().trim().toLowerCase().max(254, "That email address is too long.").email("Enter the email address you ordered with."),
});

function parseLookupInput(raw: {
  orderNumber?: unknown;
  email?: unknown;
}): { ok: true; orderNumber: string; email: string } | { ok: false; errors: LookupFieldErrors } {
  const parsed = schema.safeParse({ orderNumber: String(raw.orderNumber ?? ""), email: String(raw.email ?? "") });
  if (parsed.success) return { ok: true, ...parsed.data };
  return { ok: false, errors: fieldErrors<keyof LookupFieldErrors>(parsed.error.issues) };
}

export async function requestOrderLookup(
  prisma: Db,
  input: { orderNumber: unknown; email: unknown; ip: string | null },
  now = new Date(),
  options: { minDurationMs?: number } = {},
): Promise<LookupResult> {
  const started = Date.now();
  const parsed = parseLookupInput(input);
  if (!parsed.ok) return { status: "invalid", errors: parsed.errors };

  const result = await lookup(prisma, parsed.orderNumber, parsed.email, input.ip, now);
  const wait = (options.minDurationMs ?? MIN_DURATION_MS) - (Date.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return result;
}

async function lookup(prisma: Db, orderNumber: string, email: string, ip: string | null, now: Date): Promise<LookupResult> {
  const verdict = await hitEmailAndIpLimits(prisma, "lookup", email, ip, LOOKUP_LIMITS, now);
  if (!verdict.allowed) return { status: "rate-limited", retryAfterSeconds: verdict.retryAfterSeconds };

  const order = await prisma.order.findUnique({ where: { number: orderNumber }, select: { id: true, number: true, email: true, shipName: true } });
  if (order && order.email.trim().toLowerCase() === email) {
    try {
      // Each lookup asks for its own link (the rate limits bound how many), hence a random key.
      await enqueueJob(prisma, {
        kind: "mail.tracking-link",
        payload: { orderId: order.id, at: now.toISOString() },
        dedupeKey: `mail:tracking-link:${order.id}:${randomUUID()}`,
      });
      kickJobs();
    } catch (error) {
      // The caller must not learn that this one matched; the log says why no mail went.
      console.error(`[lookup] link for order ${order.number} not queued:`, (error as Error).message);
    }
  }
  return { status: "sent" };
}
