// Guest order lookup: a match and a miss look the same to the caller; only a
// match sends mail; the limits trip per email and per IP and hold across
// two instances of the store sharing the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "@/lib/jobs";
import { readableOrderByTrackingToken } from "@/lib/orders/access";
import { LOOKUP_LIMITS, requestOrderLookup } from "@/lib/orders/lookup";
import { hashToken } from "@/lib/orders/tokens";
import { testDb } from "../support/db";
import { paidOrder, settle, tempOutbox, type PaidOrder } from "../support/orders";

const prisma = testDb();
const second = testDb();
let outbox: ReturnType<typeof tempOutbox>;
let order: PaidOrder;
const fast = { minDurationMs: 0 };
const run = Math.random().toString(36).slice(2, 8);
let ipN = 0;
const freshIp = () => `198.51.100.${++ipN}-${run}`;

// The lookup only enqueues its mail; the worker sends what is due.
const lookupMails = async () => {
  await runDueJobs(prisma);
  return outbox.mails().filter((m) => m.text.includes("/track/"));
};

beforeAll(async () => {
  outbox = tempOutbox();
  order = await paidOrder(prisma, { lines: [["CRT-16-10", 1]], email: `Lookup.${run}@Example.test` });
});
afterAll(async () => {
  await settle(prisma, [order]);
  await prisma.rateLimitBucket.deleteMany({ where: { key: { startsWith: "lookup:" } } });
  outbox.restore();
  await prisma.$disconnect();
  await second.$disconnect();
});

describe("guest order lookup", () => {
  it("answers a match and a miss identically, in a similar time, and mails only on a match", async () => {
    const timed = async (orderNumber: string, email: string) => {
      const t = Date.now();
      const result = await requestOrderLookup(prisma, { orderNumber, email, ip: freshIp() });
      return { result, ms: Date.now() - t };
    };
    const match = await timed(order.number.toLowerCase(), `  lookup.${run}@example.test `);
    const wrongEmail = await timed(order.number, `someone-else.${run}@example.test`);
    const wrongNumber = await timed("SP-2222-2222", `lookup.${run}@example.test`);
    expect(match.result).toEqual({ status: "sent" });
    expect(wrongEmail.result).toEqual(match.result);
    expect(wrongNumber.result).toEqual(match.result);
    for (const t of [match, wrongEmail, wrongNumber]) expect(t.ms).toBeGreaterThanOrEqual(295);
    expect(Math.abs(match.ms - wrongEmail.ms)).toBeLessThan(250);

    const mails = await lookupMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe(order.email.toLowerCase());
    const token = mails[0]!.text.match(/\/track\/([A-Za-z0-9_-]{43})/)![1]!;
    expect((await readableOrderByTrackingToken(prisma, token))?.id).toBe(order.id);

    // Stored hashed: the raw token appears nowhere in the database row.
    const rows = await prisma.trackingToken.findMany({ where: { orderId: order.id } });
    expect(rows.map((r) => r.tokenHash)).toContain(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const expiry = rows.find((r) => r.tokenHash === hashToken(token))!.expiresAt.getTime();
    expect(expiry - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(expiry - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
  });

  it("refuses a tracking link once it has expired", async () => {
    const past = new Date(Date.now() - 8 * 86_400_000);
    const before = (await lookupMails()).length;
    expect(await requestOrderLookup(prisma, { orderNumber: order.number, email: order.email, ip: freshIp() }, past, fast)).toEqual({ status: "sent" });
    expect(await lookupMails()).toHaveLength(before + 1);
    const tokens = (await lookupMails()).map((m) => m.text.match(/\/track\/([A-Za-z0-9_-]{43})/)![1]!);
    const results = await Promise.all(tokens.map((t) => readableOrderByTrackingToken(prisma, t)));
    // Exactly one token was issued in the past and it no longer opens the order.
    expect(results.filter((r) => r === null)).toHaveLength(1);
    await prisma.rateLimitBucket.deleteMany({ where: { key: { startsWith: "lookup:email:" } } });
  });

  it("says what is malformed without looking anything up", async () => {
    const result = await requestOrderLookup(prisma, { orderNumber: "12345", email: "not-an-email", ip: freshIp() }, new Date(), fast);
    expect(result.status).toBe("invalid");
    if (result.status === "invalid") expect(Object.keys(result.errors).sort()).toEqual(["email", "orderNumber"]);
  });

  it("limits lookups per email, whatever the IP, across two instances", async () => {
    const email = `limited.${run}@example.test`;
    const results = [];
    for (let n = 0; n < LOOKUP_LIMITS.email.limit + 2; n++) {
      const instance = n % 2 ? second : prisma;
      results.push(await requestOrderLookup(instance, { orderNumber: "SP-3333-3333", email, ip: freshIp() }, new Date(), fast));
    }
    expect(results.slice(0, LOOKUP_LIMITS.email.limit).every((r) => r.status === "sent")).toBe(true);
    for (const r of results.slice(LOOKUP_LIMITS.email.limit)) {
      expect(r.status).toBe("rate-limited");
      if (r.status === "rate-limited") expect(r.retryAfterSeconds).toBeGreaterThan(0);
    }
    // A match is refused too once the address is over its limit: no mail.
    await prisma.rateLimitBucket.deleteMany({ where: { key: { startsWith: "lookup:" } } });
    const mailsBefore = (await lookupMails()).length;
    for (let n = 0; n < LOOKUP_LIMITS.email.limit; n++)
      await requestOrderLookup(prisma, { orderNumber: order.number, email: order.email, ip: freshIp() }, new Date(), fast);
    const over = await requestOrderLookup(second, { orderNumber: order.number, email: order.email, ip: freshIp() }, new Date(), fast);
    expect(over.status).toBe("rate-limited");
    expect((await lookupMails()).length).toBe(mailsBefore + LOOKUP_LIMITS.email.limit);
  });

  it("limits lookups per IP, whatever the email, across two instances", async () => {
    const ip = freshIp();
    const results = [];
    for (let n = 0; n < LOOKUP_LIMITS.ip.limit + 2; n++) {
      const instance = n % 2 ? second : prisma;
      results.push(await requestOrderLookup(instance, { orderNumber: "SP-4444-4444", email: `ip${n}.${run}@example.test`, ip }, new Date(), fast));
    }
    expect(results.filter((r) => r.status === "sent")).toHaveLength(LOOKUP_LIMITS.ip.limit);
    expect(results.slice(LOOKUP_LIMITS.ip.limit).map((r) => r.status)).toEqual(["rate-limited", "rate-limited"]);
    // Another address is unaffected.
    expect(
      (await requestOrderLookup(prisma, { orderNumber: "SP-4444-4444", email: `other.${run}@example.test`, ip: freshIp() }, new Date(), fast)).status,
    ).toBe("sent");
  });
});
