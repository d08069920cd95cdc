// Stripe end to end without a network: the gateway talks to a local
// stand-in for Stripe's API, and webhooks are signed exactly as Stripe signs
// them and handed to the same handler the route uses. Orders are real rows in
// the test database; stock is compared with its value before each order.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { db } from "@/lib/db";
import { stripeClient, stripeGateway } from "@/lib/payments/stripe";
import { handleStripeWebhook } from "@/lib/payments/stripe-webhook";
import { startCheckout } from "@/lib/checkout/start";
import { runDueJobs } from "@/lib/jobs";
import { cartWith, stockOf, validInput } from "../support/checkout";
import { testDb } from "../support/db";
import { startStripeStandIn, type StripeStandIn } from "../support/stripe-stand-in";
import { checkoutOrderOf, createHeldOrder } from "../support/test-orders";

const prisma = testDb();
const SKU = "CRT-16-10";
const SECRET = "whsec_test_secret";
// Paid orders send their confirmation: into a temporary outbox, signed with a test secret.
const ENV_KEYS = ["STRIPE_SECRET_KEY", "STRIPE_API_BASE", "STRIPE_WEBHOOK_SECRET", "OUTBOX_DIR", "STORE_SECRET", "SMTP_URL"] as const;

let standIn: StripeStandIn;
const savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>> = {};
let stockAtStart: number;
const orderIds: string[] = [];
const eventIds = new Set<string>();
let routeUsedDb = false;
let outboxDir: string | undefined;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  for (const k of ENV_KEYS) savedEnv[k] = process.env[k];
  process.env.STRIPE_SECRET_KEY = "sk_test_standin";
  process.env.STRIPE_API_BASE = standIn.url;
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  delete process.env.SMTP_URL;
  process.env.OUTBOX_DIR = outboxDir = mkdtempSync(path.join(tmpdir(), "stripe-test-outbox-"));
  process.env.STORE_SECRET ??= randomBytes(32).toString("hex");
  stockAtStart = await stockOf(prisma, SKU);
});

afterAll(async () => {
  try {
    // Leave the shared database as it was: no test orders, events or stock changes.
    await prisma.paymentEvent.deleteMany({ where: { OR: [{ id: { in: [...eventIds] } }, { orderId: { in: orderIds } }] } });
    await prisma.order.deleteMany({ where: { id: { in: orderIds } } });
    const now = await stockOf(prisma, SKU);
    if (now !== stockAtStart) await prisma.variant.update({ where: { sku: SKU }, data: { stock: { increment: stockAtStart - now } } });
  } finally {
    for (const k of ENV_KEYS) {
      if (savedEnv[k] === undefined) delete process.env[k];
      else process.env[k] = savedEnv[k];
    }
    await standIn?.stop();
    if (outboxDir) rmSync(outboxDir, { recursive: true, force: true });
    if (routeUsedDb) await db().$disconnect();
    await prisma.$disconnect();
  }
});

async function isEmbeddedPglite(): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
  return /PGlite/i.test(row?.version ?? "");
}

/** Emails kept in the test outbox for an order, once the job worker has run what is due. */
async function mailsAbout(orderNumber: string): Promise<number> {
  await runDueJobs(prisma);
  const dir = outboxDir!;
  return readdirSync(dir).filter((f) => f.endsWith(".json") && readFileSync(path.join(dir, f), "utf8").includes(orderNumber)).length;
}

async function heldOrder(quantity = 1) {
  const held = await createHeldOrder(prisma, { sku: SKU, quantity });
  orderIds.push(held.orderId);
  return held;
}

/** A held order with a Checkout Session at the stand-in; `before` is the stock before the order took its share. */
async function orderWithSession(quantity = 1) {
  const before = await stockOf(prisma, SKU);
  const held = await heldOrder(quantity);
  const started = await stripeGateway().start(checkoutOrderOf(held.order), { baseUrl: "https://shop.test", accessToken: held.accessToken });
  const session = standIn.sessions.get(started.reference);
  expect(session, "the stand-in has the session").toBeTruthy();
  return { ...held, before, session, started };
}

const orderRow = (id: string) => prisma.order.findUniqueOrThrow({ where: { id } });
const eventsFor = (orderId: string) => prisma.paymentEvent.findMany({ where: { orderId } });

// Stripe-shaped events. `session` is the stand-in's session, as Stripe would send it back.
type Obj = Record<string, unknown>;
function stripeEvent(type: string, object: Obj): Obj {
  const id = `evt_test_${randomBytes(12).toString("hex")}`;
  eventIds.add(id);
  return {
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}
const completed = (session: Obj, payment_status: "paid" | "unpaid", extra: Obj = {}) =>
  stripeEvent("checkout.session.completed", { ...session, status: "complete", payment_status, ...extra });
const asyncSucceeded = (session: Obj) => stripeEvent("checkout.session.async_payment_succeeded", { ...session, status: "complete", payment_status: "paid" });
const asyncFailed = (session: Obj) => stripeEvent("checkout.session.async_payment_failed", { ...session, status: "complete", payment_status: "unpaid" });
const expired = (session: Obj) => stripeEvent("checkout.session.expired", { ...session, status: "expired", payment_status: "unpaid" });
/** A charge as Stripe sends it: without the order id in its own metadata (that is on the PaymentIntent). */
const chargeRefunded = (session: Obj, amountRefunded = session.amount_total as number) =>
  stripeEvent("charge.refunded", {
    id: `ch_test_${randomBytes(8).toString("hex")}`,
    object: "charge",
    amount: session.amount_total,
    amount_refunded: amountRefunded,
    refunded: amountRefunded === session.amount_total,
    currency: session.currency,
    payment_intent: session.payment_intent,
    metadata: {},
    status: "succeeded",
  });

function sign(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? SECRET,
    ...(options.timestamp !== undefined && { timestamp: options.timestamp }),
  });
}

async function deliver(event: Obj) {
  const payload = JSON.stringify(event);
  return handleStripeWebhook(prisma, payload, sign(payload));
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe("the Stripe gateway", () => {
  it("creates a Checkout Session from server-side prices, once per order", async () => {
    const quantity = 2;
    const held = await heldOrder(quantity);
    const variant = await prisma.variant.findUniqueOrThrow({ where: { sku: SKU } });
    const urls = { baseUrl: "https://shop.test", accessToken: held.accessToken };
    const startedAt = Math.floor(Date.now() / 1000);

    const first = await stripeGateway().start(checkoutOrderOf(held.order), urls);
    const creates = () =>
      standIn.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions" && r.params.client_reference_id === held.orderId);
    expect(creates()).toHaveLength(1);
    const sent = creates()[0]!;

    expect(sent.idempotencyKey).toBe(`checkout:${held.orderId}`);
    expect(sent.params.mode).toBe("payment");
    expect(sent.params.line_items).toHaveLength(1);
    const line = sent.params.line_items[0];
    expect(Number(line.price_data.unit_amount)).toBe(variant.priceCents);
    expect(Number(line.quantity)).toBe(quantity);
    expect(line.price_data.currency).toBe(variant.currency.toLowerCase());
    expect(line.price_data.product_data.metadata.sku).toBe(SKU);
    expect(sent.params.client_reference_id).toBe(held.orderId);
    expect(sent.params.metadata).toEqual({ orderId: held.orderId, orderNumber: held.order.number });
    expect(sent.params.payment_intent_data.metadata.orderId).toBe(held.orderId);
    expect(sent.params.customer_email).toBe(held.order.email);
    expect(sent.params.success_url).toBe(`https://shop.test/orders/${held.accessToken}`);
    expect(sent.params.cancel_url).toBe(`https://shop.test/orders/${held.accessToken}?cancelled=1`);
    expect(Number(sent.params.expires_at)).toBeGreaterThanOrEqual(startedAt + 30 * 60);
    expect(Number(sent.params.expires_at)).toBeLessThanOrEqual(startedAt + 24 * 60 * 60);
    expect(standIn.requests.some((r) => r.path === "/v1/coupons" && r.idempotencyKey === `coupon:${held.orderId}`)).toBe(false);

    const session = standIn.sessions.get(first.reference);
    expect(first.redirectUrl).toBe(session.url);
    expect(session.amount_total).toBe(held.order.totalCents);

    // Starting again (a double click, a retried request) gets the same session back.
    const second = await stripeGateway().start(checkoutOrderOf(held.order), urls);
    expect(second).toEqual(first);
    expect(creates()).toHaveLength(2);
    expect(creates()[1]!.replayed).toBe(true);
    expect([...standIn.sessions.values()].filter((s) => s.client_reference_id === held.orderId)).toHaveLength(1);
  });

  it("sends a discount as a one-off coupon and shipping as a shipping rate, so Stripe's total is the order's", async () => {
    const held = await heldOrder(1);
    const base = checkoutOrderOf(held.order);
    const order = { ...base, discountCents: 300, shippingCents: 495, totalCents: base.totalCents - 300 + 495 };
    const started = await stripeGateway().start(order, { baseUrl: "https://shop.test/", accessToken: held.accessToken });

    const coupon = standIn.requests.find((r) => r.path === "/v1/coupons" && r.idempotencyKey === `coupon:${held.orderId}`)!;
    expect(coupon.params).toMatchObject({ amount_off: "300", currency: order.currency.toLowerCase(), duration: "once" });
    const sent = standIn.requests.find((r) => r.path === "/v1/checkout/sessions" && r.params.client_reference_id === held.orderId)!;
    const made = [...standIn.coupons.values()].find((c) => c.metadata.orderId === held.orderId);
    expect(made).toMatchObject({ amount_off: 300, max_redemptions: 1 });
    expect(sent.params.discounts).toEqual([{ coupon: made.id }]);
    expect(sent.params.shipping_options[0].shipping_rate_data).toMatchObject({
      type: "fixed_amount",
      display_name: "Standard",
      fixed_amount: { amount: "495" },
    });
    expect(sent.params.success_url).toBe(`https://shop.test/orders/${held.accessToken}`);
    expect(standIn.sessions.get(started.reference).amount_total).toBe(order.totalCents);
  });

  it("cancel expires an open session and shrugs at one that is already over", async () => {
    const { started } = await orderWithSession();
    await stripeGateway().cancel(started.reference);
    expect(standIn.sessions.get(started.reference).status).toBe("expired");
    await expect(stripeGateway().cancel(started.reference)).resolves.toBeUndefined();
    const expires = standIn.requests.filter((r) => r.path === `/v1/checkout/sessions/${started.reference}/expire`);
    expect(expires.map((r) => r.status)).toEqual([200, 400]);
  });

  it("points only a test key at the stand-in; a live key always goes to Stripe", () => {
    expect(stripeClient().getApiField("host")).toBe("127.0.0.1");
    const key = process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_SECRET_KEY = "sk_live_never_redirected";
    try {
      expect(stripeClient().getApiField("host")).toBe("api.stripe.com");
      expect(stripeClient().getApiField("protocol")).toBe("https");
    } finally {
      process.env.STRIPE_SECRET_KEY = key;
    }
  });
});

describe("the Stripe webhook", () => {
  it("a paid checkout.session.completed marks the order paid, keeps its stock taken and is recorded once", async () => {
    const { orderId, before, session } = await orderWithSession(2);
    const res = await deliver(completed(session, "paid"));
    expect(res.status).toBe(200);
    const order = await orderRow(orderId);
    expect(order.status).toBe("PAID");
    expect(order.amountPaidCents).toBe(order.totalCents);
    expect(await stockOf(prisma, SKU)).toBe(before - 2);
    const events = await eventsFor(orderId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ provider: "STRIPE", type: "checkout.session.completed", outcome: "paid" });
    expect(await mailsAbout(order.number)).toBe(1);
  });

  it("the same event delivered 10 times at once and 3 more times applies once", async () => {
    const { orderId, before, session } = await orderWithSession(1);
    const event = completed(session, "paid");
    const payload = JSON.stringify(event);
    const header = sign(payload);
    // On a real PostgreSQL the deliveries race over 5 connections and meet at
    // the order's row lock. The embedded PGlite is one session behind a socket
    // that interleaves protocol messages from concurrent connections (upstream
    // electric-sql/pglite#1046), so there they share one connection.
    const embedded = await isEmbeddedPglite();
    const client = embedded ? testDb(1) : prisma;
    let concurrent: Awaited<ReturnType<typeof handleStripeWebhook>>[];
    const sequential = [];
    try {
      concurrent = await Promise.all(Array.from({ length: 10 }, () => handleStripeWebhook(client, payload, header)));
      for (let i = 0; i < 3; i++) sequential.push(await handleStripeWebhook(client, payload, header));
    } finally {
      if (client !== prisma) await client.$disconnect();
    }

    for (const res of [...concurrent, ...sequential]) expect(res.status).toBe(200);
    expect([...concurrent, ...sequential].filter((r) => r.body === "ok")).toHaveLength(1);
    expect((await orderRow(orderId)).status).toBe("PAID");
    expect(await eventsFor(orderId)).toHaveLength(1);
    expect(await stockOf(prisma, SKU)).toBe(before - 1);
    expect(await mailsAbout((await orderRow(orderId)).number)).toBe(1);
  });

  describe("payment, full refund and expiry in any order end refunded with the stock back", () => {
    const kinds = ["completed(paid)", "charge.refunded", "expired"] as const;
    for (const order of permutations([...kinds])) {
      it(order.join(" → "), async () => {
        const { orderId, before, session } = await orderWithSession(1);
        const make = { "completed(paid)": () => completed(session, "paid"), "charge.refunded": () => chargeRefunded(session), expired: () => expired(session) };
        for (const kind of order) expect((await deliver(make[kind]())).status, kind).toBe(200);
        expect((await orderRow(orderId)).status).toBe("REFUNDED");
        expect(await stockOf(prisma, SKU)).toBe(before);
        expect(await eventsFor(orderId)).toHaveLength(3);
      });
    }
  });

  describe("a delayed payment that succeeds, in any order with expiry, ends paid with the stock taken once", () => {
    const kinds = ["completed(unpaid)", "async_payment_succeeded", "expired"] as const;
    for (const order of permutations([...kinds])) {
      it(order.join(" → "), async () => {
        const { orderId, before, session } = await orderWithSession(1);
        const make = {
          "completed(unpaid)": () => completed(session, "unpaid"),
          async_payment_succeeded: () => asyncSucceeded(session),
          expired: () => expired(session),
        };
        for (const kind of order) expect((await deliver(make[kind]())).status, kind).toBe(200);
        expect((await orderRow(orderId)).status).toBe("PAID");
        expect(await stockOf(prisma, SKU)).toBe(before - 1);
      });
    }
  });

  it("a delayed payment that fails cancels the order and releases its stock", async () => {
    const { orderId, before, session } = await orderWithSession(2);
    expect((await deliver(completed(session, "unpaid"))).status).toBe(200);
    const pending = await orderRow(orderId);
    expect(pending.status).toBe("AWAITING_PAYMENT");
    // The hold now waits for the bank instead of lapsing with the session.
    expect(pending.holdExpiresAt.getTime()).toBeGreaterThan(Date.now() + 24 * 60 * 60 * 1000);
    expect(await stockOf(prisma, SKU)).toBe(before - 2);

    expect((await deliver(asyncFailed(session))).status).toBe(200);
    const order = await orderRow(orderId);
    expect(order.status).toBe("CANCELLED");
    expect(order.cancelReason).toMatch(/declined/);
    expect(await stockOf(prisma, SKU)).toBe(before);
  });

  it("refuses a tampered body, a stale timestamp, a missing header and a wrong secret, changing nothing", async () => {
    const { orderId, session } = await orderWithSession(1);
    const orderBefore = await orderRow(orderId);
    const stockBefore = await stockOf(prisma, SKU);
    const eventCount = await prisma.paymentEvent.count();

    const genuine = JSON.stringify(completed(session, "paid"));
    const tampered = JSON.stringify(completed(session, "paid", { amount_total: 1 }));
    const attempts: [string, string, string | null][] = [
      ["tampered body", tampered, sign(genuine)],
      ["stale timestamp", genuine, sign(genuine, { timestamp: Math.floor(Date.now() / 1000) - 600 })],
      ["missing header", genuine, null],
      ["empty header", genuine, ""],
      ["wrong secret", genuine, sign(genuine, { secret: "whsec_someone_else" })],
      ["garbage header", genuine, "t=abc,v1=def"],
    ];
    for (const [name, body, header] of attempts) {
      const res = await handleStripeWebhook(prisma, body, header);
      expect(res.status, name).toBe(400);
      expect(res.body, name).not.toMatch(/at |Error|whsec/);
    }
    expect(await orderRow(orderId)).toEqual(orderBefore);
    expect(await stockOf(prisma, SKU)).toBe(stockBefore);
    expect(await prisma.paymentEvent.count()).toBe(eventCount);
  });

  it("a paid event whose amount or currency differs from the order does not mark it paid", async () => {
    const { orderId, before, session } = await orderWithSession(1);
    const wrongAmount = await deliver(completed(session, "paid", { amount_total: (session.amount_total as number) - 1 }));
    const wrongCurrency = await deliver(completed(session, "paid", { currency: "eur" }));
    expect([wrongAmount.status, wrongCurrency.status]).toEqual([200, 200]);
    const order = await orderRow(orderId);
    expect(order.status).toBe("AWAITING_PAYMENT");
    expect(order.paidAt).toBeNull();
    expect(await stockOf(prisma, SKU)).toBe(before - 1);
    expect((await eventsFor(orderId)).map((e) => e.outcome)).toEqual(["amount-mismatch", "amount-mismatch"]);
  });

  it("a payment after the hold lapsed and the stock sold out is refunded at Stripe by a job, once, and the customer told", async () => {
    const { orderId, session } = await orderWithSession(1);
    expect((await deliver(expired(session))).status).toBe(200);
    expect((await orderRow(orderId)).status).toBe("CANCELLED");

    const free = await stockOf(prisma, SKU);
    await prisma.variant.update({ where: { sku: SKU }, data: { stock: 0 } });
    try {
      const paid = completed(session, "paid");
      expect(await deliver(paid)).toEqual({ status: 200, body: "ok" });
      const order = await orderRow(orderId);
      expect(order.status).toBe("CANCELLED");
      expect(order.paidAt).not.toBeNull();
      expect(order.cancelReason).toMatch(/being refunded/);
      // The webhook answered once the refund and the mail were recorded with the payment.
      const jobs = await prisma.job.findMany({ where: { dedupeKey: { in: [`refund:${orderId}`, `mail:refund-notice:${orderId}`] } } });
      expect(jobs.map((j) => [j.kind, j.status]).sort()).toEqual([
        ["mail.refund-notice", "PENDING"],
        ["payment.refund", "PENDING"],
      ]);
      expect(jobs.find((j) => j.kind === "payment.refund")!.payload).toMatchObject({ reference: session.id, provider: "STRIPE" });

      const refundCalls = () =>
        standIn.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds" && r.params.payment_intent === session.payment_intent);
      expect(refundCalls()).toHaveLength(0);
      expect(await mailsAbout(order.number)).toBe(1);
      expect(refundCalls()).toHaveLength(1);
      expect(refundCalls()[0]!.idempotencyKey).toBe(`refund:${session.id}`);

      // A redelivery is a duplicate: nothing new is enqueued, nothing is refunded again.
      expect(await deliver(paid)).toEqual({ status: 200, body: "duplicate" });
      expect(await mailsAbout(order.number)).toBe(1);
      expect(refundCalls()).toHaveLength(1);
      expect([...standIn.refunds.values()].filter((r) => r.payment_intent === session.payment_intent)).toHaveLength(1);
      expect(await stockOf(prisma, SKU)).toBe(0);

      // Then Stripe reports the refund.
      expect((await deliver(chargeRefunded(session))).status).toBe(200);
      expect((await orderRow(orderId)).status).toBe("REFUNDED");
      expect(await stockOf(prisma, SKU)).toBe(0);
    } finally {
      await prisma.variant.update({ where: { sku: SKU }, data: { stock: free } });
    }
  });

  it("only a full refund refunds the order; refund.updated works like charge.refunded; a partial one is recorded", async () => {
    const { orderId, before, session } = await orderWithSession(1);
    await deliver(completed(session, "paid"));
    expect(await deliver(chargeRefunded(session, 100))).toEqual({ status: 200, body: "ignored" });
    const pendingRefund = {
      id: "re_test_pending",
      object: "refund",
      amount: session.amount_total,
      payment_intent: session.payment_intent,
      status: "pending",
      metadata: {},
    };
    expect(await deliver(stripeEvent("refund.created", pendingRefund))).toEqual({ status: 200, body: "ignored" });
    // A partial refund made in Stripe's dashboard is not the whole order: it is recorded as a refund
    // (requested by "Stripe dashboard") so the order's refunded total stays true, and the order goes on.
    const partial = { ...pendingRefund, id: "re_test_partial", status: "succeeded", amount: 1 };
    expect(await deliver(stripeEvent("refund.updated", partial))).toEqual({ status: 200, body: "ok" });
    expect(await orderRow(orderId)).toMatchObject({ status: "PAID", refundedCents: 1 });
    expect(await prisma.refund.findMany({ where: { orderId }, select: { amountCents: true, requestedBy: true, status: true } })).toEqual([
      { amountCents: 1, requestedBy: "Stripe dashboard", status: "SUCCEEDED" },
    ]);

    expect((await deliver(stripeEvent("refund.updated", { ...pendingRefund, status: "succeeded" }))).status).toBe(200);
    expect(await orderRow(orderId)).toMatchObject({ status: "REFUNDED", refundedCents: session.amount_total });
    expect(await stockOf(prisma, SKU)).toBe(before);
  });

  it("answers other event types and sessions that are not the store's with 200 and records nothing", async () => {
    const count = await prisma.paymentEvent.count();
    expect(await deliver(stripeEvent("customer.created", { id: "cus_test", object: "customer" }))).toEqual({ status: 200, body: "ignored" });
    expect(
      await deliver(
        completed({ id: "cs_test_other", object: "checkout.session", metadata: {}, client_reference_id: null, amount_total: 100, currency: "usd" }, "paid"),
      ),
    ).toEqual({
      status: 200,
      body: "ignored",
    });
    expect(await prisma.paymentEvent.count()).toBe(count);
  });

  it("answers 500 (so Stripe retries) when the event cannot be applied", async () => {
    const { orderId, session } = await orderWithSession(1);
    // A refund event whose PaymentIntent Stripe cannot find right now.
    const res = await deliver(chargeRefunded({ ...session, payment_intent: "pi_test_missing" }));
    expect(res.status).toBe(500);
    expect(res.body).toBe("retry");
    expect(await eventsFor(orderId)).toHaveLength(0);
  });
});

describe("the webhook route", () => {
  it("reads the raw body, verifies it and applies the event", async () => {
    routeUsedDb = true;
    const { orderId, session } = await orderWithSession(1);
    const payload = JSON.stringify(completed(session, "paid"));
    const request = (body: string, signature?: string) =>
      new Request("https://shop.test/api/stripe/webhook", { method: "POST", body, headers: signature ? { "stripe-signature": signature } : {} });

    const unsigned = await POST(request(payload));
    expect(unsigned.status).toBe(400);
    // Re-serialised JSON is not the signed body.
    const reformatted = await POST(request(JSON.stringify(JSON.parse(payload), null, 2), sign(payload)));
    expect(reformatted.status).toBe(400);
    expect((await orderRow(orderId)).status).toBe("AWAITING_PAYMENT");

    const ok = await POST(request(payload, sign(payload)));
    expect(ok.status).toBe(200);
    expect((await orderRow(orderId)).status).toBe("PAID");
  });

  it("does not exist without a Stripe key", async () => {
    const key = process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_SECRET_KEY;
    try {
      const res = await POST(new Request("https://shop.test/api/stripe/webhook", { method: "POST", body: "{}" }));
      expect(res.status).toBe(404);
    } finally {
      process.env.STRIPE_SECRET_KEY = key;
    }
  });
});

describe("a customer's purchase through Stripe", () => {
  it("checkout makes a session for the order's total, and the signed webhook completes it exactly once", async () => {
    const before = await stockOf(prisma, "KIT-HOME-S");
    const token = await cartWith(prisma, [
      ["KIT-HOME-S", 1],
      [SKU, 1],
    ]);
    const result = await startCheckout(prisma, token, { ...validInput, promoCode: "WELCOME10", shippingMethod: "express" }, { baseUrl: "https://shop.test" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    orderIds.push(result.orderId);
    const order = await orderRow(result.orderId);
    expect(order).toMatchObject({ paymentProvider: "STRIPE", status: "AWAITING_PAYMENT" });
    expect(result.redirectUrl).toMatch(/^https:\/\/checkout\.stripe\.test\/pay\//);
    const session = standIn.sessions.get(order.paymentReference!)!;
    // 119.00 + 19.99 − 10% (13.89) + 14.95 express.
    expect(order.totalCents).toBe(11900 + 1999 - 1389 + 1495);
    expect(session.amount_total).toBe(order.totalCents);
    expect(session.client_reference_id).toBe(order.id);
    expect(await stockOf(prisma, "KIT-HOME-S")).toBe(before - 1);

    const paid = completed(session, "paid");
    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(paid)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect((await deliver(paid)).status).toBe(200);
    expect((await orderRow(order.id)).status).toBe("PAID");
    expect(await eventsFor(order.id)).toHaveLength(1);
    expect(await stockOf(prisma, "KIT-HOME-S")).toBe(before - 1);
    expect(await mailsAbout(order.number)).toBe(1);
    // Put the kit back for the other tests (afterAll restores the cartridge).
    await prisma.variant.update({ where: { sku: "KIT-HOME-S" }, data: { stock: { increment: 1 } } });
  });

  it("a newer checkout from the same cart expires the older session through a job; a payment that still lands on it is refunded", async () => {
    const before = await stockOf(prisma, SKU);
    const token = await cartWith(prisma, [[SKU, 1]]);
    const first = await startCheckout(prisma, token, validInput, { baseUrl: "https://shop.test" });
    const second = await startCheckout(prisma, token, validInput, { baseUrl: "https://shop.test" });
    if (!first.ok || !second.ok) throw new Error("checkout failed");
    orderIds.push(first.orderId, second.orderId);
    const old = await orderRow(first.orderId);
    expect(old).toMatchObject({ status: "CANCELLED", cancelCause: "SUPERSEDED" });
    expect(await stockOf(prisma, SKU)).toBe(before - 1);
    const oldSession = standIn.sessions.get(old.paymentReference!)!;
    expect(await prisma.job.findUnique({ where: { dedupeKey: `expire-session:${old.id}` } })).toMatchObject({
      kind: "stripe.expire-session",
      status: "PENDING",
    });

    await runDueJobs(prisma);
    expect(oldSession.status).toBe("expired");
    expect(standIn.sessions.get((await orderRow(second.orderId)).paymentReference!)!.status).toBe("open");

    // The customer had already paid in the old tab before the expiry reached Stripe.
    expect(await deliver(completed(oldSession, "paid"))).toEqual({ status: 200, body: "ok" });
    expect(await mailsAbout(old.number)).toBe(1);
    const refunds = [...standIn.refunds.values()].filter((r) => r.payment_intent === oldSession.payment_intent);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.amount).toBe(old.totalCents);
    expect((await orderRow(old.id)).status).toBe("CANCELLED");
    expect(await stockOf(prisma, SKU)).toBe(before - 1);
  });
});
