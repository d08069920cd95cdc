// Refunds from the back office, end to end without a network: the owner asks
// (lib/admin/refunds.ts), the job sends it to the Stripe stand-in or the demo
// provider, and the provider's refund events settle it through the signed
// webhook. Orders are real rows; stock is compared with its value before.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionError } from "@/lib/admin/actions";
import { findAction } from "@/lib/admin/registry";
import { parseDollars } from "@/lib/admin/refund-actions";
import { refundOrder, refundPanelData } from "@/lib/admin/refunds";
import { AdminRefused, type Actor } from "@/lib/admin/roles";
import { holdOrder } from "@/lib/checkout/start";
import { runDueJobs } from "@/lib/jobs";
import { applyPaymentEvent } from "@/lib/orders/payment-events";
import { HOLD_MINUTES } from "@/lib/payments";
import { stripeGateway } from "@/lib/payments/stripe";
import { handleStripeWebhook } from "@/lib/payments/stripe-webhook";
import { stockOf } from "../support/checkout";
import { testDb } from "../support/db";
import { tempOutbox } from "../support/orders";
import { startStripeStandIn, type StripeStandIn } from "../support/stripe-stand-in";

const prisma = testDb();
const A = "WIPE-ALC-50";
const B = "SPF-MIN-50";
const SECRET = "whsec_test_refunds";
const ENV_KEYS = ["STRIPE_SECRET_KEY", "STRIPE_API_BASE", "STRIPE_WEBHOOK_SECRET", "STORE_SECRET", "SMTP_URL"] as const;
const savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>> = {};

const owner: Actor = { kind: "staff", email: "owner@refunds.test", role: "OWNER", userId: "user-owner" };
const staff: Actor = { kind: "staff", email: "staff@refunds.test", role: "STAFF", userId: "user-staff" };

let standIn: StripeStandIn;
let outbox: ReturnType<typeof tempOutbox>;
const stockAtStart: Record<string, number> = {};
const orderIds: string[] = [];

beforeAll(async () => {
  standIn = await startStripeStandIn();
  for (const k of ENV_KEYS) savedEnv[k] = process.env[k];
  process.env.STRIPE_SECRET_KEY = "sk_test_standin";
  process.env.STRIPE_API_BASE = standIn.url;
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  delete process.env.SMTP_URL;
  process.env.STORE_SECRET ??= randomBytes(32).toString("hex");
  outbox = tempOutbox();
  for (const sku of [A, B]) stockAtStart[sku] = await stockOf(prisma, sku);
});

afterAll(async () => {
  try {
    await prisma.paymentEvent.deleteMany({ where: { orderId: { in: orderIds } } });
    const refunds = await prisma.refund.findMany({ where: { orderId: { in: orderIds } }, select: { id: true } });
    await prisma.stockAdjustment.deleteMany({ where: { reference: { in: refunds.map((r) => r.id) } } });
    await prisma.job.deleteMany({ where: { OR: refunds.flatMap((r) => [{ dedupeKey: `refund-send:${r.id}` }, { dedupeKey: `mail:refund-issued:${r.id}` }]) } });
    await prisma.order.deleteMany({ where: { id: { in: orderIds } } });
    for (const sku of [A, B]) {
      const now = await stockOf(prisma, sku);
      if (now !== stockAtStart[sku]) await prisma.variant.update({ where: { sku }, data: { stock: { increment: stockAtStart[sku]! - now } } });
    }
  } finally {
    for (const k of ENV_KEYS) {
      if (savedEnv[k] === undefined) delete process.env[k];
      else process.env[k] = savedEnv[k];
    }
    outbox.restore();
    await standIn?.stop();
    await prisma.$disconnect();
  }
});

/** A held order of `lines`, as checkout makes one (stock taken), with no shipping and no discount. */
async function heldOrder(lines: [sku: string, quantity: number][], provider: "STRIPE" | "DEMO") {
  const variants = await Promise.all(lines.map(([sku]) => prisma.variant.findUniqueOrThrow({ where: { sku }, include: { product: true } })));
  const items = lines.map(([, quantity], i) => {
    const v = variants[i]!;
    return {
      variantId: v.id,
      productSlug: v.product.slug,
      productKind: v.product.kind,
      name: v.product.name,
      variantLabel: v.label,
      sku: v.sku,
      unitPriceCents: v.priceCents,
      quantity,
      lineTotalCents: v.priceCents * quantity,
    };
  });
  const total = items.reduce((s, i) => s + i.lineTotalCents, 0);
  const { order, accessToken } = await holdOrder(prisma, {
    stock: items.map((i) => ({ variantId: i.variantId, quantity: i.quantity })),
    order: {
      email: `refund-${randomBytes(4).toString("hex")}@example.test`,
      shipName: "Rosalind Franklin",
      shipLine1: "1 Test Street",
      shipCity: "Portland",
      shipPostalCode: "97201",
      shipCountry: "US",
      shippingMethodCode: "standard",
      shippingMethodName: "Standard",
      subtotalCents: total,
      discountCents: 0,
      shippingCents: 0,
      totalCents: total,
      currency: variants[0]!.currency,
      paymentProvider: provider,
      holdExpiresAt: new Date(Date.now() + HOLD_MINUTES * 60_000),
      items: { create: items },
    },
  });
  orderIds.push(order.id);
  return { order, accessToken };
}

type Obj = Record<string, unknown>;
function stripeEvent(type: string, object: Obj): Obj {
  return {
    id: `evt_test_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object },
  };
}
async function deliver(event: Obj) {
  const payload = JSON.stringify(event);
  return handleStripeWebhook(prisma, payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }));
}

/** An order paid through Stripe: a Checkout Session at the stand-in, then the signed "completed" webhook. */
async function stripePaidOrder(lines: [string, number][]) {
  const { order, accessToken } = await heldOrder(lines, "STRIPE");
  const started = await stripeGateway().start(
    {
      ...order,
      items: order.items.map((i) => ({ name: i.name, sku: i.sku, unitPriceCents: i.unitPriceCents, quantity: i.quantity })),
    },
    { baseUrl: "https://shop.test", accessToken },
  );
  await prisma.order.update({ where: { id: order.id }, data: { paymentReference: started.reference } });
  const session = standIn.sessions.get(started.reference);
  session.status = "complete";
  session.payment_status = "paid";
  expect(await deliver(stripeEvent("checkout.session.completed", session))).toEqual({ status: 200, body: "ok" });
  expect((await row(order.id)).status).toBe("PAID");
  return { order, session };
}

/** An order paid with the demo provider, through the same payment-event path as its page. */
async function demoPaidOrder(lines: [string, number][]) {
  const { order } = await heldOrder(lines, "DEMO");
  const paid = await applyPaymentEvent(prisma, {
    provider: "DEMO",
    eventId: `demo:${order.id}:pay`,
    rawType: "demo.payment_succeeded",
    kind: "paid",
    orderId: order.id,
    amountCents: order.totalCents,
    currency: order.currency,
  });
  expect(paid.outcome).toBe("paid");
  return { order };
}

const row = (id: string) => prisma.order.findUniqueOrThrow({ where: { id } });
const refundRow = (id: string) => prisma.refund.findUniqueOrThrow({ where: { id }, include: { lines: true } });
const itemOf = <I extends { sku: string }>(order: { items: I[] }, sku: string): I => order.items.find((i) => i.sku === sku)!;
const refundCalls = (pi: unknown) => standIn.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds" && r.params.payment_intent === pi);

/** Everything a refund request writes, to show a refused one wrote nothing. */
async function footprint(orderId: string) {
  return {
    order: await row(orderId),
    refunds: await prisma.refund.count({ where: { orderId } }),
    events: await prisma.orderEvent.count({ where: { orderId } }),
    audits: await prisma.auditEntry.count({ where: { action: "refund.create" } }),
    jobs: await prisma.job.count({ where: { kind: "payment.send-refund" } }),
    adjustments: await prisma.stockAdjustment.count({ where: { reason: "RETURNED" } }),
    stock: [await stockOf(prisma, A), await stockOf(prisma, B)],
  };
}

describe("a partial refund through Stripe", () => {
  it("refunds one line: pending, sent once with its metadata, then settled by the signed refund.updated webhook; the customer is mailed once", async () => {
    const { order, session } = await stripePaidOrder([
      [A, 2],
      [B, 1],
    ]);
    const a = itemOf(order, A);
    const stockA = await stockOf(prisma, A);
    const mailsBefore = outbox.mails().length;

    const done = await refundOrder(prisma, owner, {
      orderId: order.id,
      reason: "One pack arrived crushed.",
      amountCents: null,
      lines: [{ orderItemId: a.id, quantity: 1, restock: true }],
    });
    expect(done.amountCents).toBe(a.unitPriceCents);
    let refund = await refundRow(done.refundId);
    expect(refund).toMatchObject({ status: "PENDING", amountCents: a.unitPriceCents, requestedBy: owner.email, reason: "One pack arrived crushed." });
    expect(refund.lines).toEqual([expect.objectContaining({ orderItemId: a.id, quantity: 1, restocked: true })]);
    // The unit went back into stock, with a RETURNED adjustment naming the refund.
    expect(await stockOf(prisma, A)).toBe(stockA + 1);
    const adjustment = await prisma.stockAdjustment.findFirstOrThrow({ where: { reference: refund.id } });
    expect(adjustment).toMatchObject({ variantId: a.variantId, delta: 1, reason: "RETURNED", stockAfter: stockA + 1, actorEmail: owner.email });
    // The audit log names who did it; the timeline shows the customer.
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "refund.create", subjectId: refund.id } });
    expect(audit).toMatchObject({ actorEmail: owner.email, actorRole: "OWNER", subjectType: "refund" });
    expect(audit.after).toMatchObject({ orderId: order.id, amountCents: a.unitPriceCents, status: "PENDING" });
    const requested = await prisma.orderEvent.findFirstOrThrow({ where: { orderId: order.id, kind: "refund.requested" } });
    expect(requested).toMatchObject({ actorKind: "STAFF", actorEmail: owner.email, customerVisible: true });
    expect(requested.message).toContain("One pack arrived crushed.");

    // The job sends it to Stripe: the session's PaymentIntent, the amount, ids in metadata, one idempotency key per refund.
    expect(refundCalls(session.payment_intent)).toHaveLength(0);
    await runDueJobs(prisma);
    const calls = refundCalls(session.payment_intent);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.params).toMatchObject({
      amount: String(a.unitPriceCents),
      reason: "requested_by_customer",
      metadata: { orderId: order.id, refundId: refund.id },
    });
    expect(calls[0]!.idempotencyKey).toBe(`refund:${refund.id}`);
    const atStripe = [...standIn.refunds.values()].find((r) => r.metadata.refundId === refund.id);
    refund = await refundRow(refund.id);
    expect(refund.providerRefundId).toBe(atStripe.id);
    // Nothing is settled until Stripe says so.
    expect(refund.status).toBe("PENDING");
    expect((await row(order.id)).refundedCents).toBe(0);

    const updated = stripeEvent("refund.updated", atStripe);
    expect(await deliver(updated)).toEqual({ status: 200, body: "ok" });
    refund = await refundRow(refund.id);
    expect(refund.status).toBe("SUCCEEDED");
    expect(refund.settledAt).not.toBeNull();
    const settled = await row(order.id);
    expect(settled.status).toBe("PAID");
    expect(settled.refundedCents).toBe(a.unitPriceCents);
    expect(await stockOf(prisma, A)).toBe(stockA + 1);
    expect(await prisma.orderEvent.count({ where: { orderId: order.id, kind: "refund.succeeded", actorKind: "STRIPE" } })).toBe(1);

    // The same event again, and Stripe's other event about the same refund: nothing more.
    expect(await deliver(updated)).toEqual({ status: 200, body: "duplicate" });
    expect(await deliver(stripeEvent("refund.created", atStripe))).toEqual({ status: 200, body: "ok" });
    expect((await row(order.id)).refundedCents).toBe(a.unitPriceCents);
    expect(await prisma.orderEvent.count({ where: { orderId: order.id, kind: "refund.succeeded" } })).toBe(1);

    await runDueJobs(prisma);
    const mails = outbox
      .mails()
      .slice(mailsBefore)
      .filter((m) => m.text.includes(order.number) && /refund/i.test(m.subject));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe(order.email);
    expect(mails[0]!.text).toContain(`1 × ${a.name}`);
    expect(mails[0]!.text).toContain("One pack arrived crushed.");
    expect(mails[0]!.text).toContain("The rest of your order stands");
    expect(refundCalls(session.payment_intent)).toHaveLength(1);

    const panel = (await refundPanelData(prisma, order.id))!;
    expect(panel).toMatchObject({ amountPaidCents: order.totalCents, refundedCents: a.unitPriceCents, pendingCents: 0 });
    expect(panel.refundableCents).toBe(order.totalCents - a.unitPriceCents);
    expect(panel.lines.find((l) => l.orderItemId === a.id)!.refunded).toBe(1);
  });

  it("a refund Stripe reports as failed is FAILED with its reason and an event; its money is refundable again", async () => {
    const { order, session } = await stripePaidOrder([[A, 1]]);
    const done = await refundOrder(prisma, owner, { orderId: order.id, reason: "Changed their mind.", amountCents: 250, lines: [] });
    await runDueJobs(prisma);
    const atStripe = [...standIn.refunds.values()].find((r) => r.metadata.refundId === done.refundId);
    expect(atStripe.payment_intent).toBe(session.payment_intent);
    expect(await deliver(stripeEvent("refund.failed", { ...atStripe, status: "failed", failure_reason: "expired_or_canceled_card" }))).toEqual({
      status: 200,
      body: "ok",
    });
    const refund = await refundRow(done.refundId);
    expect(refund.status).toBe("FAILED");
    expect(refund.failureReason).toBe("expired_or_canceled_card");
    expect((await row(order.id)).refundedCents).toBe(0);
    expect((await row(order.id)).status).toBe("PAID");
    const event = await prisma.orderEvent.findFirstOrThrow({ where: { orderId: order.id, kind: "refund.failed" } });
    expect(event.actorKind).toBe("STRIPE");
    expect(event.data).toMatchObject({ refundId: refund.id, failureReason: "expired_or_canceled_card" });
    expect((await refundPanelData(prisma, order.id))!.refundableCents).toBe(order.totalCents);
    // A later "succeeded" about a failed refund changes nothing.
    await deliver(stripeEvent("refund.updated", { ...atStripe, status: "succeeded" }));
    expect((await refundRow(done.refundId)).status).toBe("FAILED");
    expect((await row(order.id)).refundedCents).toBe(0);
  });

  it("refunding every line gives back everything and the order becomes REFUNDED, its unshipped stock released once", async () => {
    const before = await stockOf(prisma, A);
    const { order, session } = await stripePaidOrder([[A, 2]]);
    expect(await stockOf(prisma, A)).toBe(before - 2);
    const a = itemOf(order, A);
    const done = await refundOrder(prisma, owner, {
      orderId: order.id,
      reason: "Out of stock at the warehouse.",
      amountCents: null,
      lines: [{ orderItemId: a.id, quantity: 2, restock: false }],
    });
    expect(done.amountCents).toBe(order.totalCents);
    await runDueJobs(prisma);
    const atStripe = [...standIn.refunds.values()].find((r) => r.metadata.refundId === done.refundId);
    expect(atStripe.amount).toBe(session.amount_total);
    expect((await deliver(stripeEvent("refund.updated", atStripe))).status).toBe(200);
    // Stripe's charge.refunded for the same money changes nothing more.
    const charge = {
      id: "ch_test_x",
      object: "charge",
      amount: session.amount_total,
      amount_refunded: session.amount_total,
      refunded: true,
      payment_intent: session.payment_intent,
      metadata: {},
    };
    expect((await deliver(stripeEvent("charge.refunded", charge))).status).toBe(200);
    const settled = await row(order.id);
    expect(settled.status).toBe("REFUNDED");
    expect(settled.refundedCents).toBe(order.totalCents);
    expect(await stockOf(prisma, A)).toBe(before);
    await runDueJobs(prisma);
    const mail = outbox.mails().find((m) => m.text.includes(order.number) && /refund/i.test(m.subject))!;
    expect(mail.text).toContain("Everything you paid for this order has now been refunded.");
  });

  it("a partial refund made in Stripe's dashboard is recorded as one, so the refunded total stays true", async () => {
    const { order, session } = await stripePaidOrder([[B, 1]]);
    const outside = {
      id: `re_test_${randomBytes(6).toString("hex")}`,
      object: "refund",
      amount: 300,
      status: "succeeded",
      payment_intent: session.payment_intent,
      metadata: {},
    };
    expect(await deliver(stripeEvent("refund.created", outside))).toEqual({ status: 200, body: "ok" });
    expect(await deliver(stripeEvent("refund.updated", outside))).toEqual({ status: 200, body: "ok" });
    const refunds = await prisma.refund.findMany({ where: { orderId: order.id } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amountCents: 300, status: "SUCCEEDED", requestedBy: "Stripe dashboard", providerRefundId: outside.id });
    expect(await row(order.id)).toMatchObject({ status: "PAID", refundedCents: 300 });
  });
});

describe("a partial refund through the demo provider", () => {
  it("is settled at once by the job, through the same settlement path, once", async () => {
    const { order } = await demoPaidOrder([
      [A, 1],
      [B, 2],
    ]);
    const b = itemOf(order, B);
    const stockB = await stockOf(prisma, B);
    const done = await refundOrder(prisma, owner, {
      orderId: order.id,
      reason: "Sent the wrong size.",
      amountCents: null,
      lines: [{ orderItemId: b.id, quantity: 1, restock: true }],
    });
    expect((await refundRow(done.refundId)).status).toBe("PENDING");
    await runDueJobs(prisma);
    const refund = await refundRow(done.refundId);
    expect(refund.status).toBe("SUCCEEDED");
    expect(refund.providerRefundId).toBe(`demo_re_${refund.id}`);
    expect(await prisma.paymentEvent.findUnique({ where: { id: `demo-refund:${refund.id}` } })).toMatchObject({
      outcome: "refund-succeeded",
      provider: "DEMO",
    });
    expect(await row(order.id)).toMatchObject({ status: "PAID", refundedCents: b.unitPriceCents });
    expect(await stockOf(prisma, B)).toBe(stockB + 1);
    expect(await prisma.stockAdjustment.count({ where: { reference: refund.id, reason: "RETURNED" } })).toBe(1);
    expect(await prisma.orderEvent.count({ where: { orderId: order.id, kind: "refund.succeeded", actorKind: "DEMO" } })).toBe(1);
    expect(outbox.mails().filter((m) => m.text.includes(order.number) && /refund/i.test(m.subject))).toHaveLength(1);
    // Payment events wrote the timeline too: paid, by the demo provider.
    expect(await prisma.orderEvent.findFirst({ where: { orderId: order.id, kind: "paid" } })).toMatchObject({ actorKind: "DEMO", customerVisible: true });
  });

  it("refunding the rest by lines after a restocked partial refund ends REFUNDED without restocking twice", async () => {
    const before = { a: await stockOf(prisma, A), b: await stockOf(prisma, B) };
    const { order } = await demoPaidOrder([
      [A, 2],
      [B, 1],
    ]);
    const [a, b] = [itemOf(order, A), itemOf(order, B)];
    await refundOrder(prisma, owner, { orderId: order.id, reason: "Damaged.", amountCents: null, lines: [{ orderItemId: a.id, quantity: 1, restock: true }] });
    await runDueJobs(prisma);
    const rest = await refundOrder(prisma, owner, {
      orderId: order.id,
      reason: "Cancelling the rest.",
      amountCents: null,
      lines: [
        { orderItemId: a.id, quantity: 1, restock: false },
        { orderItemId: b.id, quantity: 1, restock: true },
      ],
    });
    expect(rest.amountCents).toBe(order.totalCents - a.unitPriceCents);
    await runDueJobs(prisma);
    expect(await row(order.id)).toMatchObject({ status: "REFUNDED", refundedCents: order.totalCents });
    expect(await stockOf(prisma, A)).toBe(before.a);
    expect(await stockOf(prisma, B)).toBe(before.b);
    expect(await prisma.orderEvent.count({ where: { orderId: order.id, kind: "refunded" } })).toBe(1);
  });
});

describe("what may be refunded", () => {
  it("refuses more than is left, more units than were bought, lines of another order and an unpaid order, changing nothing", async () => {
    const { order } = await demoPaidOrder([[A, 2]]);
    const other = await demoPaidOrder([[B, 1]]);
    const a = itemOf(order, A);
    const before = await footprint(order.id);
    const refused = async (input: Parameters<typeof refundOrder>[2], message: RegExp, field?: string) => {
      const error = await refundOrder(prisma, owner, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActionError);
      expect((error as ActionError).message).toMatch(message);
      expect((error as ActionError).field).toBe(field);
    };
    const base = { orderId: order.id, reason: "Too much." };
    await refused({ ...base, amountCents: order.totalCents + 1, lines: [] }, /At most .* can be refunded/, "amount");
    await refused({ ...base, amountCents: null, lines: [{ orderItemId: a.id, quantity: 3, restock: true }] }, /At most 2 of/, `qty_${a.id}`);
    await refused({ ...base, amountCents: 100, lines: [{ orderItemId: itemOf(other.order, B).id, quantity: 1, restock: true }] }, /not part of this order/);
    await refused({ ...base, amountCents: 0, lines: [] }, /above zero/, "amount");
    await refused({ ...base, amountCents: 12.5, lines: [] }, /above zero/, "amount");
    await refused({ ...base, amountCents: null, lines: [] }, /Choose the items to refund, or enter an amount/, "amount");
    await refused({ ...base, reason: "   ", amountCents: 100, lines: [] }, /reason/, "reason");
    await refused({ ...base, amountCents: a.unitPriceCents + 1, lines: [{ orderItemId: a.id, quantity: 1, restock: true }] }, /worth/, "amount");
    expect(await footprint(order.id)).toEqual(before);

    const unpaid = await heldOrder([[A, 1]], "DEMO");
    await refused({ orderId: unpaid.order.id, reason: "x", amountCents: 100, lines: [] }, /has not been paid/);
    await applyPaymentEvent(prisma, {
      provider: "DEMO",
      eventId: `test-expire:${unpaid.order.id}`,
      rawType: "test",
      kind: "expired",
      orderId: unpaid.order.id,
    });
    // The expiry wrote the timeline, as the store's own doing.
    expect(await prisma.orderEvent.findFirst({ where: { orderId: unpaid.order.id, kind: "cancelled" } })).toMatchObject({ actorKind: "SYSTEM" });
  });

  it("of two refunds of the same remaining money at once, exactly one is made; the other is refused and writes nothing", async () => {
    const { order } = await demoPaidOrder([[B, 2]]);
    await refundOrder(prisma, owner, { orderId: order.id, reason: "First.", amountCents: 500, lines: [] });
    const left = order.totalCents - 500;
    const results = await Promise.allSettled([
      refundOrder(prisma, owner, { orderId: order.id, reason: "Tab one.", amountCents: left, lines: [] }),
      refundOrder(prisma, owner, { orderId: order.id, reason: "Tab two.", amountCents: left, lines: [] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ActionError);
    expect((failed.reason as ActionError).message).toMatch(/Nothing is left to refund/);
    const refunds = await prisma.refund.findMany({ where: { orderId: order.id } });
    expect(refunds.map((r) => r.amountCents).sort((x, y) => x - y)).toEqual([500, left].sort((x, y) => x - y));
    expect(await prisma.orderEvent.count({ where: { orderId: order.id, kind: "refund.requested" } })).toBe(2);
    await runDueJobs(prisma);
    expect(await row(order.id)).toMatchObject({ status: "REFUNDED", refundedCents: order.totalCents });
  });

  it("refuses staff (AdminRefused) and changes nothing", async () => {
    const { order } = await demoPaidOrder([[A, 1]]);
    const before = await footprint(order.id);
    await expect(refundOrder(prisma, staff, { orderId: order.id, reason: "Staff try.", amountCents: 100, lines: [] })).rejects.toBeInstanceOf(AdminRefused);
    await expect(refundOrder(prisma, null as unknown as Actor, { orderId: order.id, reason: "Nobody.", amountCents: 100, lines: [] })).rejects.toBeInstanceOf(
      AdminRefused,
    );
    expect(await footprint(order.id)).toEqual(before);
  });
});

describe("the refund form", () => {
  const action = findAction("refund.create")!;

  it("is owner-only and reads lines, restock boxes and dollars", () => {
    expect(action.capability).toBe("refunds");
    const parsed = action.input.safeParse({
      orderId: "ord_1",
      orderNumber: "SP-AAAA-BBBB",
      reason: " Crushed box ",
      amount: "12.5",
      qty_item1: "2",
      restock_item1: "on",
      qty_item2: "0",
      qty_item3: "1",
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({
      orderId: "ord_1",
      orderNumber: "SP-AAAA-BBBB",
      reason: "Crushed box",
      amountCents: 1250,
      lines: [
        { orderItemId: "item1", quantity: 2, restock: true },
        { orderItemId: "item3", quantity: 1, restock: false },
      ],
    });
    expect(action.back({ orderNumber: "SP-AAAA-BBBB" })).toBe("/admin/orders/SP-AAAA-BBBB/refund");
    expect(action.back({ orderNumber: "../x" })).toBe("/admin/orders");
  });

  it("names the field to fix", () => {
    const issues = (fields: Record<string, string>) => {
      const r = action.input.safeParse({ orderId: "ord_1", orderNumber: "SP-AAAA-BBBB", reason: "ok", ...fields });
      return r.success ? [] : r.error.issues.map((i) => String(i.path[0]));
    };
    expect(issues({ amount: "12.555" })).toEqual(["amount"]);
    expect(issues({ amount: "-3" })).toEqual(["amount"]);
    expect(issues({ qty_item1: "1.5" })).toEqual(["qty_item1"]);
    expect(issues({ reason: "" })).toEqual(["reason"]);
    expect(issues({ reason: "x".repeat(501) })).toEqual(["reason"]);
    expect(issues({ "qty_bad id": "1" })).toEqual(["amount"]);
    expect([parseDollars("$1,012.50"), parseDollars("7"), parseDollars("0.05"), parseDollars("abc")]).toEqual([101250, 700, 5, null]);
  });
});
