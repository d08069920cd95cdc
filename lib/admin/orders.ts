// Orders in the back office: the list (search, filters, "needs action"), one
// order with everything the shop knows about it, and the steps staff take on
// it (a note, packed, a shipment, delivered, cancel).
//
// Every step authorizes first, then runs in one transaction that locks the
// order's cart and then the order row (the same order as checkout and the
// payment events take them, so none of them deadlock), checks the move,
// writes it, and records the order event and the audit entry beside it. Mails
// and Stripe calls are jobs in that same transaction (lib/jobs).
//
// The command line (`npm run fulfil`, lib/orders/fulfilment.ts) goes through
// these same functions with a CLI actor, so its steps are in the timeline and
// the audit log too.
//
// A move the status machine forbids throws TransitionError (lib/orders/status.ts);
// anything else the person must fix throws ActionError. Either way nothing changed.
import { announceInvalidation } from "@/lib/cache/invalidate";
import type { Db } from "@/lib/db";
import type { Order, OrderItem, Prisma } from "@/lib/generated/prisma/client";
import type { ActorKind, OrderStatus, RefundStatus } from "@/lib/generated/prisma/enums";
import { releaseStock } from "@/lib/inventory";
import { enqueueJob, kickJobs } from "@/lib/jobs";
import { recordOrderEvent } from "@/lib/orders/events";
import { requestRefundInTx } from "@/lib/orders/refunds";
import { readAcknowledgement, type Acknowledgement } from "@/lib/professional/acknowledgement";
import { assertTransition, label, TransitionError } from "@/lib/orders/status";
import { carrierNames, carrierTrackingUrl, normalizeTrackingNumber, parseCarrier } from "@/lib/orders/tracking";
import { nextDay, startOfStoreDay } from "@/lib/time-zone";
import { ActionError } from "./actions";
import { recordAudit } from "./audit";
import { authorize, type Actor } from "./roles";

export const ORDERS_PAGE_SIZE = 25;
export const NOTE_MAX = 2000;
export const CANCEL_REASON_MAX = 500;
const SEARCH_MAX = 100;

/** "SP-7K4Q-9XM2", any case: the shape of an order number in a URL. */
export const ORDER_NUMBER = /^SP-[A-Z0-9]{4}-[A-Z0-9]{4}$/i;

export function isOrderNumber(value: unknown): value is string {
  return typeof value === "string" && ORDER_NUMBER.test(value);
}

// ------------------------------------------------------------------ the list

export type OrderListQuery = {
  q?: string;
  status?: string;
  /** YYYY-MM-DD, a day in the store's time zone (placed on or after). */
  from?: string;
  /** YYYY-MM-DD, a day in the store's time zone (placed on or before). */
  to?: string;
  /** Only orders that need action. */
  needs?: boolean;
  page?: number;
};

export type OrderListRow = {
  id: string;
  number: string;
  createdAt: Date;
  email: string;
  shipName: string;
  status: OrderStatus;
  totalCents: number;
  currency: string;
  units: number;
  shippedUnits: number;
  /** Paid or packed with units still to ship, a refund that failed, a payment held for review, or an unpaid order whose hold has passed. */
  needsAction: boolean;
  refundFailed: boolean;
  /** A payment held for staff review (Order.reviewHoldReason): not packed or shipped until released. */
  heldForReview: boolean;
};

export type OrderList = { rows: OrderListRow[]; total: number; page: number; pages: number };

const STATUSES: readonly OrderStatus[] = ["AWAITING_PAYMENT", "PAID", "PACKED", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"];

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

export const orderStatuses = STATUSES;

/** A refund still not settled after this long (the provider unreachable, its job given up) needs a person. */
const REFUND_STUCK_MS = 60 * 60_000;

function needsActionWhere(now: Date): Prisma.OrderWhereInput {
  return {
    OR: [
      { status: { in: ["PAID", "PACKED"] } },
      { refunds: { some: { status: "FAILED" } } },
      { refunds: { some: { status: "PENDING", createdAt: { lt: new Date(now.getTime() - REFUND_STUCK_MS) } } } },
      { status: "AWAITING_PAYMENT", holdExpiresAt: { lt: now } },
      { reviewHoldReason: { not: null }, status: { in: ["PAID", "PACKED"] } },
    ],
  };
}

export async function listOrders(db: Db, actor: Actor | null | undefined, query: OrderListQuery, now = new Date()): Promise<OrderList> {
  authorize(actor, "orders.read");
  const where: Prisma.OrderWhereInput[] = [];
  const q = (query.q ?? "").trim().slice(0, SEARCH_MAX);
  if (q) {
    where.push({
      OR: [
        { number: { contains: q, mode: "insensitive" } },
        { email: { contains: q, mode: "insensitive" } },
        { shipName: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  if (isOrderStatus(query.status)) where.push({ status: query.status });
  const from = query.from ? startOfStoreDay(query.from) : null;
  if (from) where.push({ createdAt: { gte: from } });
  // The whole of the "to" day: before the start of the next one.
  const to = query.to && startOfStoreDay(query.to) ? startOfStoreDay(nextDay(query.to)) : null;
  if (to) where.push({ createdAt: { lt: to } });
  if (query.needs) where.push(needsActionWhere(now));

  const filter: Prisma.OrderWhereInput = where.length ? { AND: where } : {};
  const total = await db.order.count({ where: filter });
  const pages = Math.max(1, Math.ceil(total / ORDERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(Number(query.page) || 1)), pages);
  const found = await db.order.findMany({
    where: filter,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * ORDERS_PAGE_SIZE,
    take: ORDERS_PAGE_SIZE,
    select: {
      id: true,
      number: true,
      createdAt: true,
      email: true,
      shipName: true,
      status: true,
      totalCents: true,
      currency: true,
      holdExpiresAt: true,
      reviewHoldReason: true,
      items: { select: { quantity: true, shipmentLines: { select: { quantity: true } } } },
      refunds: {
        where: { OR: [{ status: "FAILED" }, { status: "PENDING", createdAt: { lt: new Date(now.getTime() - REFUND_STUCK_MS) } }] },
        select: { id: true },
        take: 1,
      },
    },
  });
  const rows = found.map((o): OrderListRow => {
    const units = o.items.reduce((n, i) => n + i.quantity, 0);
    const shippedUnits = o.items.reduce((n, i) => n + i.shipmentLines.reduce((m, l) => m + l.quantity, 0), 0);
    const refundFailed = o.refunds.length > 0;
    const heldForReview = isHeld(o);
    const needsAction =
      o.status === "PAID" || o.status === "PACKED" || refundFailed || heldForReview || (o.status === "AWAITING_PAYMENT" && o.holdExpiresAt < now);
    return {
      id: o.id,
      number: o.number,
      createdAt: o.createdAt,
      email: o.email,
      shipName: o.shipName,
      status: o.status,
      totalCents: o.totalCents,
      currency: o.currency,
      units,
      shippedUnits,
      needsAction,
      refundFailed,
      heldForReview,
    };
  });
  return { rows, total, page, pages };
}

// ---------------------------------------------------------------- one order

export type OrderLineDetail = {
  id: string;
  name: string;
  variantLabel: string;
  sku: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
  /** The guide version sold with it. */
  guide: { number: number; title: string } | null;
  shipped: number;
  unshipped: number;
};

export type ShipmentDetail = {
  id: string;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
  shippedAt: Date;
  deliveredAt: Date | null;
  createdBy: string;
  lines: { orderItemId: string; name: string; sku: string; quantity: number }[];
};

export type RefundDetail = {
  id: string;
  amountCents: number;
  reason: string;
  status: RefundStatus;
  failureReason: string | null;
  requestedBy: string;
  createdAt: Date;
  settledAt: Date | null;
  lines: { orderItemId: string; name: string; quantity: number; restocked: boolean }[];
};

export type TimelineEntry = {
  at: Date;
  kind: string;
  message: string;
  /** "Customer", a staff member's email, "Stripe", "Demo payments" or "The store". */
  actor: string;
  customerVisible: boolean;
  /** Read from the order's own timestamps: the order is older than its event log. */
  fromRecord: boolean;
};

export type OrderDetail = {
  id: string;
  number: string;
  status: OrderStatus;
  email: string;
  createdAt: Date;
  holdExpiresAt: Date;
  shipping: { name: string; line1: string; line2: string | null; city: string; region: string | null; postalCode: string; country: string; method: string };
  /** When the customer confirmed they read who must not use the products; null if they did not need to. */
  safetyConfirmedAt: Date | null;
  /** The guide versions whose "who must not use it" the buyer confirmed (null for orders from before it was kept). */
  acknowledgement: Acknowledgement | null;
  /** The professional licence professional-only items were sold under, if any. */
  licence: {
    id: string;
    applicationId: string;
    profession: string;
    licenceNumber: string;
    issuingBody: string;
    region: string;
    /** YYYY-MM-DD, the licence's own expiry. */
    expiresOn: string;
    validUntil: Date;
  } | null;
  /** Why the payment is held for review (pack and ship are refused until a member releases it), or null. */
  reviewHold: { reason: string; at: Date | null } | null;
  totals: { subtotalCents: number; discountCents: number; shippingCents: number; totalCents: number; currency: string; promoCode: string | null };
  lines: OrderLineDetail[];
  payment: { provider: string; reference: string | null; amountPaidCents: number | null; paidAt: Date | null; refundedCents: number };
  shipments: ShipmentDetail[];
  refunds: RefundDetail[];
  timeline: TimelineEntry[];
  cancelReason: string | null;
  cancelCause: string | null;
  units: number;
  shippedUnits: number;
  partlyShipped: boolean;
  can: { pack: boolean; ship: boolean; deliver: boolean; cancel: boolean };
  /** Carrier and tracking on the order itself (the newest shipment, or an order shipped before shipments were kept). */
  carrier: string | null;
  trackingNumber: string | null;
};

const actorLabel = (kind: ActorKind, email: string | null): string =>
  ({ CUSTOMER: "Customer", STAFF: email ?? "Staff", STRIPE: "Stripe", DEMO: "Demo payments", SYSTEM: "The store" })[kind];

export async function orderDetail(db: Db, actor: Actor | null | undefined, number: string): Promise<OrderDetail | null> {
  authorize(actor, "orders.read");
  if (!isOrderNumber(number)) return null;
  const o = await db.order.findUnique({
    where: { number: number.toUpperCase() },
    include: {
      items: {
        orderBy: { id: "asc" },
        omit: { instructions: true },
        include: { guideVersion: { select: { number: true, guide: { select: { title: true } } } } },
      },
      shipments: { orderBy: [{ shippedAt: "asc" }, { id: "asc" }], include: { lines: true } },
      refunds: { orderBy: { createdAt: "asc" }, include: { lines: true } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      licence: true,
    },
  });
  if (!o) return null;
  const itemName = new Map(o.items.map((i) => [i.id, i]));
  const shippedOf = new Map<string, number>();
  for (const s of o.shipments) for (const l of s.lines) shippedOf.set(l.orderItemId, (shippedOf.get(l.orderItemId) ?? 0) + l.quantity);
  const lines = o.items.map((i): OrderLineDetail => {
    const shipped = shippedOf.get(i.id) ?? 0;
    return {
      id: i.id,
      name: i.name,
      variantLabel: i.variantLabel,
      sku: i.sku,
      quantity: i.quantity,
      unitPriceCents: i.unitPriceCents,
      lineTotalCents: i.lineTotalCents,
      guide: i.guideVersion ? { number: i.guideVersion.number, title: i.guideVersion.guide.title } : null,
      shipped,
      unshipped: Math.max(0, i.quantity - shipped),
    };
  });
  const units = lines.reduce((n, l) => n + l.quantity, 0);
  const shippedUnits = lines.reduce((n, l) => n + l.shipped, 0);

  const timeline: TimelineEntry[] = o.events.map((e) => ({
    at: e.at,
    kind: e.kind,
    message: e.message,
    actor: actorLabel(e.actorKind, e.actorEmail),
    customerVisible: e.customerVisible,
    fromRecord: false,
  }));
  // Steps the event log does not have (orders older than it): read from the order's timestamps.
  const logged = new Set(o.events.map((e) => e.kind));
  const payer = o.paymentProvider === "STRIPE" ? "Stripe" : "Demo payments";
  const derived: [string, Date | null, string, string][] = [
    ["placed", o.createdAt, "Order placed.", "Customer"],
    ["paid", o.paidAt, "Payment received.", payer],
    ["packed", o.packedAt, "Packed.", "Staff"],
    ["shipped", o.shippedAt, "Shipped.", "Staff"],
    ["delivered", o.deliveredAt, "Delivered.", "Staff"],
    ["cancelled", o.cancelledAt, o.cancelReason ?? "Cancelled.", o.cancelCause === "STAFF" ? "Staff" : "The store"],
    ["refunded", o.refundedAt, "Refunded.", payer],
  ];
  for (const [kind, at, message, who] of derived) {
    if (at && !logged.has(kind)) timeline.push({ at, kind, message, actor: who, customerVisible: true, fromRecord: true });
  }
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime());

  // A payment held for review is neither packed nor shipped (the steps refuse it too).
  const held = isHeld(o);
  const shippable = !held && o.status === "PACKED" && shippedUnits < units;
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    email: o.email,
    createdAt: o.createdAt,
    holdExpiresAt: o.holdExpiresAt,
    shipping: {
      name: o.shipName,
      line1: o.shipLine1,
      line2: o.shipLine2,
      city: o.shipCity,
      region: o.shipRegion,
      postalCode: o.shipPostalCode,
      country: o.shipCountry,
      method: o.shippingMethodName,
    },
    safetyConfirmedAt: o.contraindicationsConfirmedAt,
    acknowledgement: readAcknowledgement(o.acknowledgement),
    licence: o.licence
      ? {
          id: o.licence.id,
          applicationId: o.licence.applicationId,
          profession: o.licence.profession,
          licenceNumber: o.licence.licenceNumber,
          issuingBody: o.licence.issuingBody,
          region: o.licence.region,
          expiresOn: o.licence.expiresOn.toISOString().slice(0, 10),
          validUntil: o.licence.validUntil,
        }
      : null,
    reviewHold: held ? { reason: o.reviewHoldReason!, at: o.reviewHeldAt } : null,
    totals: {
      subtotalCents: o.subtotalCents,
      discountCents: o.discountCents,
      shippingCents: o.shippingCents,
      totalCents: o.totalCents,
      currency: o.currency,
      promoCode: o.promoCode,
    },
    lines,
    payment: {
      provider: o.paymentProvider,
      reference: o.paymentReference,
      amountPaidCents: o.amountPaidCents,
      paidAt: o.paidAt,
      refundedCents: o.refundedCents,
    },
    shipments: o.shipments.map((s) => ({
      id: s.id,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      trackingUrl: carrierTrackingUrl(s.carrier, s.trackingNumber),
      shippedAt: s.shippedAt,
      deliveredAt: s.deliveredAt,
      createdBy: s.createdBy,
      lines: s.lines.map((l) => ({
        orderItemId: l.orderItemId,
        name: itemName.get(l.orderItemId)?.name ?? "",
        sku: itemName.get(l.orderItemId)?.sku ?? "",
        quantity: l.quantity,
      })),
    })),
    refunds: o.refunds.map((r) => ({
      id: r.id,
      amountCents: r.amountCents,
      reason: r.reason,
      status: r.status,
      failureReason: r.failureReason,
      requestedBy: r.requestedBy,
      createdAt: r.createdAt,
      settledAt: r.settledAt,
      lines: r.lines.map((l) => ({ orderItemId: l.orderItemId, name: itemName.get(l.orderItemId)?.name ?? "", quantity: l.quantity, restocked: l.restocked })),
    })),
    timeline,
    cancelReason: o.cancelReason,
    cancelCause: o.cancelCause,
    units,
    shippedUnits,
    partlyShipped: shippedUnits > 0 && shippedUnits < units,
    can: {
      pack: !held && o.status === "PAID",
      ship: shippable,
      deliver: o.status === "SHIPPED",
      cancel: o.status === "AWAITING_PAYMENT" || ((o.status === "PAID" || o.status === "PACKED") && o.shipments.length === 0),
    },
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
  };
}

// -------------------------------------------------------------------- writes

export type StepResult = {
  id: string;
  number: string;
  status: OrderStatus;
  /** Dedupe keys of the jobs this step enqueued (the command line runs them at once). */
  jobKeys: string[];
};

type LockedItem = Omit<OrderItem, "instructions"> & {
  shipmentLines: { quantity: number }[];
  refundLines: { quantity: number; restocked: boolean; refund: { status: RefundStatus } }[];
};
type LockedOrder = Order & { items: LockedItem[]; shipments: { id: string; deliveredAt: Date | null }[] };

/**
 * The locked order with its lines, parcels and refunds, read one query after
 * another: a transaction has one connection, and Prisma's nested reads would
 * send several queries down it at once.
 */
async function readLocked(tx: Prisma.TransactionClient, orderId: string): Promise<LockedOrder> {
  const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
  const items = await tx.orderItem.findMany({ where: { orderId }, orderBy: { id: "asc" }, omit: { instructions: true } });
  const shipments = await tx.shipment.findMany({ where: { orderId }, select: { id: true, deliveredAt: true } });
  const shipped = await tx.shipmentLine.findMany({ where: { shipmentId: { in: shipments.map((s) => s.id) } }, select: { orderItemId: true, quantity: true } });
  const refunds = await tx.refund.findMany({ where: { orderId }, select: { id: true, status: true } });
  const refundLines = await tx.refundLine.findMany({ where: { refundId: { in: refunds.map((r) => r.id) } } });
  const statusOf = new Map(refunds.map((r) => [r.id, r.status]));
  return {
    ...order,
    shipments,
    items: items.map((i) => ({
      ...i,
      shipmentLines: shipped.filter((l) => l.orderItemId === i.id),
      refundLines: refundLines
        .filter((l) => l.orderItemId === i.id)
        .map((l) => ({ quantity: l.quantity, restocked: l.restocked, refund: { status: statusOf.get(l.refundId)! } })),
    })),
  };
}

/** The fields of an order the audit log keeps before and after a step. */
const auditView = (
  o: { status: OrderStatus } & Partial<
    Record<"packedAt" | "shippedAt" | "deliveredAt" | "cancelledAt" | "carrier" | "trackingNumber" | "cancelReason", unknown>
  >,
) => ({
  status: o.status,
  packedAt: o.packedAt ?? null,
  shippedAt: o.shippedAt ?? null,
  deliveredAt: o.deliveredAt ?? null,
  cancelledAt: o.cancelledAt ?? null,
  carrier: o.carrier ?? null,
  trackingNumber: o.trackingNumber ?? null,
  cancelReason: o.cancelReason ?? null,
});

/**
 * One step on one order: authorized, in a transaction with the order's cart
 * and then the order locked, the order read after the lock. Jobs are kicked
 * and stale catalog pages announced once it has committed.
 */
async function orderStep(
  db: Db,
  actor: Actor | null | undefined,
  orderId: string,
  work: (tx: Prisma.TransactionClient, order: LockedOrder, actor: Actor) => Promise<{ status: OrderStatus; jobKeys: string[]; stockBandChanged?: boolean }>,
): Promise<StepResult> {
  authorize(actor, "orders.write");
  if (typeof orderId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) throw new ActionError("We could not find that order.");
  const done = await db.$transaction(async (tx) => {
    const cart = await tx.$queryRaw<{ cartId: string | null }[]>`SELECT "cartId" FROM "Order" WHERE "id" = ${orderId}`;
    if (cart[0]?.cartId) await tx.$queryRaw`SELECT "id" FROM "Cart" WHERE "id" = ${cart[0].cartId} FOR UPDATE`;
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
    if (!locked.length) throw new ActionError("We could not find that order.");
    const order = await readLocked(tx, orderId);
    const result = await work(tx, order, actor);
    return { ...result, number: order.number };
  });
  if (done.jobKeys.length) kickJobs();
  if (done.stockBandChanged) await announceInvalidation();
  return { id: orderId, number: done.number, status: done.status, jobKeys: done.jobKeys };
}

const staffEvent = (actor: Actor) => ({ actorKind: "STAFF" as const, actorEmail: actor.email });

/** An internal note: on the back office's timeline only, never shown to the customer. */
export async function addNote(db: Db, actor: Actor | null | undefined, input: { orderId: string; note: string }, now = new Date()): Promise<StepResult> {
  const note = typeof input.note === "string" ? input.note.trim() : "";
  if (!note) throw new ActionError("Write the note first.", "note");
  if (note.length > NOTE_MAX) throw new ActionError(`Keep a note under ${NOTE_MAX} characters.`, "note");
  return orderStep(db, actor, input.orderId, async (tx, order, who) => {
    await recordOrderEvent(tx, { orderId: order.id, kind: "note", ...staffEvent(who), message: note, customerVisible: false, at: now });
    await recordAudit(tx, who, { action: "order.note", subjectType: "order", subjectId: order.id, subjectLabel: order.number, after: { note } });
    return { status: order.status, jobKeys: [] };
  });
}

/**
 * Held for review, and still the shop's to send: a held order that was
 * cancelled or refunded has nothing left to release (its hold stays on record).
 */
function isHeld(order: { reviewHoldReason: string | null; status: OrderStatus }): boolean {
  return order.reviewHoldReason !== null && (order.status === "PAID" || order.status === "PACKED");
}

/** Refused while a payment is held for review (lib/orders/payment-events.ts): nothing held is packed or shipped. */
function assertNotHeld(order: { reviewHoldReason: string | null }) {
  if (order.reviewHoldReason) throw new ActionError("This order is held for review and cannot be packed or shipped until the hold is released.");
}

export async function markPacked(db: Db, actor: Actor | null | undefined, input: { orderId: string }, now = new Date()): Promise<StepResult> {
  return orderStep(db, actor, input.orderId, async (tx, order, who) => {
    assertNotHeld(order);
    assertTransition(order.status, "PACKED");
    const after = await tx.order.update({ where: { id: order.id }, data: { status: "PACKED", packedAt: now } });
    await recordOrderEvent(tx, { orderId: order.id, kind: "packed", ...staffEvent(who), message: "Your order is packed and ready to go.", at: now });
    await recordAudit(tx, who, {
      action: "order.pack",
      subjectType: "order",
      subjectId: order.id,
      subjectLabel: order.number,
      before: auditView(order),
      after: auditView(after),
    });
    return { status: after.status, jobKeys: [] };
  });
}

/**
 * Releases a payment held for review, with the reason staff checked it (for
 * example, the buyer's renewed licence): the order can then be packed.
 */
export async function releaseHold(db: Db, actor: Actor | null | undefined, input: { orderId: string; note: string }, now = new Date()): Promise<StepResult> {
  const note = typeof input.note === "string" ? input.note.trim() : "";
  if (!note) throw new ActionError("Say what you checked before releasing the hold.", "note");
  if (note.length > NOTE_MAX) throw new ActionError(`Keep a note under ${NOTE_MAX} characters.`, "note");
  return orderStep(db, actor, input.orderId, async (tx, order, who) => {
    if (!isHeld(order)) throw new ActionError("This order is not held.");
    // Nobody releases a hold on their own purchase.
    if (who.kind === "staff" && order.userId === who.userId)
      throw new ActionError("This is your own order: another member of staff must release it. Nothing was changed.");
    await tx.order.update({ where: { id: order.id }, data: { reviewHoldReason: null, reviewHeldAt: null } });
    await recordOrderEvent(tx, { orderId: order.id, kind: "released", ...staffEvent(who), message: `Hold released: ${note}`, customerVisible: false, at: now });
    await recordAudit(tx, who, {
      action: "order.release-hold",
      subjectType: "order",
      subjectId: order.id,
      subjectLabel: order.number,
      before: { reviewHoldReason: order.reviewHoldReason },
      after: { reviewHoldReason: null, note },
    });
    return { status: order.status, jobKeys: [] };
  });
}

export type ShipInput = {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  /** The units in this parcel; "all" ships every unit not yet shipped. */
  lines: { orderItemId: string; quantity: number }[] | "all";
};

export const shippedMailKey = (shipmentId: string) => `mail:shipped:${shipmentId}`;
export const deliveredMailKey = (orderId: string) => `mail:delivered:${orderId}`;
export const cancelledMailKey = (orderId: string) => `mail:order-cancelled:${orderId}`;

/** Units of a line in refunds that did not fail. */
const refundedUnits = (item: LockedItem) => item.refundLines.filter((l) => l.refund.status !== "FAILED").reduce((n, l) => n + l.quantity, 0);

const unshippedOf = (item: LockedItem) => item.quantity - item.shipmentLines.reduce((n, l) => n + l.quantity, 0);

/**
 * A parcel with some or all of the units not yet shipped. The order becomes
 * SHIPPED when its last unit has shipped; until then it stays packed ("partly
 * shipped"). The customer gets one mail per parcel, naming its carrier and
 * tracking number.
 */
export async function ship(db: Db, actor: Actor | null | undefined, input: ShipInput, now = new Date()): Promise<StepResult & { shipmentId: string }> {
  authorize(actor, "orders.write");
  const carrier = parseCarrier(input.carrier ?? "");
  if (!carrier) throw new ActionError(`Choose a carrier: ${carrierNames.join(", ")}.`, "carrier");
  const trackingNumber = normalizeTrackingNumber(input.trackingNumber ?? "");
  if (!trackingNumber) throw new ActionError("A tracking number is 6 to 40 letters, digits, spaces or hyphens.", "trackingNumber");
  if (input.lines !== "all") {
    for (const l of input.lines) {
      if (!Number.isInteger(l.quantity) || l.quantity < 0 || l.quantity > 10_000)
        throw new ActionError("Enter a whole number of units.", `qty_${l.orderItemId}`);
    }
  }
  let shipmentId = "";
  const result = await orderStep(db, actor, input.orderId, async (tx, order, who) => {
    assertNotHeld(order);
    // Only a packed order ships (the status machine's rule: packing comes first).
    if (order.status !== "PACKED") throw new TransitionError(order.status, "SHIPPED");
    const wanted = input.lines === "all" ? order.items.map((i) => ({ orderItemId: i.id, quantity: unshippedOf(i) })) : input.lines;
    const parcel: { item: LockedItem; quantity: number }[] = [];
    const seen = new Set<string>();
    for (const line of wanted) {
      const item = order.items.find((i) => i.id === line.orderItemId);
      if (!item || seen.has(item.id)) throw new ActionError("That item is not part of this order.");
      seen.add(item.id);
      const left = unshippedOf(item);
      if (line.quantity > left) {
        throw new ActionError(
          left === 0 ? `Every ${item.name} has already shipped.` : `Only ${left} of ${item.name} ${left === 1 ? "is" : "are"} left to ship.`,
          `qty_${item.id}`,
        );
      }
      if (line.quantity > 0) parcel.push({ item, quantity: line.quantity });
    }
    if (parcel.length === 0) throw new ActionError("Choose at least one item to put in this parcel.");

    const shipment = await tx.shipment.create({
      data: {
        orderId: order.id,
        carrier,
        trackingNumber,
        shippedAt: now,
        createdBy: who.email,
        lines: { create: parcel.map((p) => ({ orderItemId: p.item.id, quantity: p.quantity })) },
      },
    });
    shipmentId = shipment.id;
    const unitsLeft = order.items.reduce((n, i) => n + unshippedOf(i), 0) - parcel.reduce((n, p) => n + p.quantity, 0);
    const complete = unitsLeft === 0;
    if (complete) assertTransition(order.status, "SHIPPED");
    const after = await tx.order.update({
      where: { id: order.id },
      data: { carrier, trackingNumber, ...(complete && { status: "SHIPPED", shippedAt: now }) },
    });
    const units = parcel.reduce((n, p) => n + p.quantity, 0);
    const what = parcel.map((p) => `${p.quantity} × ${p.item.name}`).join(", ");
    await recordOrderEvent(tx, {
      orderId: order.id,
      kind: "shipped",
      ...staffEvent(who),
      message: complete
        ? `Shipped with ${carrier}, tracking number ${trackingNumber}: ${what}.`
        : `Part of your order shipped with ${carrier}, tracking number ${trackingNumber}: ${what}. The rest follows.`,
      data: { shipmentId: shipment.id, carrier, trackingNumber, units, complete, lines: parcel.map((p) => ({ orderItemId: p.item.id, quantity: p.quantity })) },
      at: now,
    });
    await recordAudit(tx, who, {
      action: "order.ship",
      subjectType: "order",
      subjectId: order.id,
      subjectLabel: order.number,
      before: auditView(order),
      after: {
        ...auditView(after),
        shipment: { id: shipment.id, carrier, trackingNumber, lines: parcel.map((p) => ({ sku: p.item.sku, quantity: p.quantity })) },
      },
    });
    const key = shippedMailKey(shipment.id);
    await enqueueJob(tx, { kind: "mail.shipped", payload: { orderId: order.id, shipmentId: shipment.id, at: now.toISOString() }, dedupeKey: key });
    return { status: after.status, jobKeys: [key] };
  });
  return { ...result, shipmentId };
}

/** Every parcel has arrived: the order is delivered and the customer is told. */
export async function markDelivered(db: Db, actor: Actor | null | undefined, input: { orderId: string }, now = new Date()): Promise<StepResult> {
  return orderStep(db, actor, input.orderId, async (tx, order, who) => {
    assertTransition(order.status, "DELIVERED");
    await tx.shipment.updateMany({ where: { orderId: order.id, deliveredAt: null }, data: { deliveredAt: now } });
    const after = await tx.order.update({ where: { id: order.id }, data: { status: "DELIVERED", deliveredAt: now } });
    await recordOrderEvent(tx, { orderId: order.id, kind: "delivered", ...staffEvent(who), message: "Delivered.", at: now });
    await recordAudit(tx, who, {
      action: "order.deliver",
      subjectType: "order",
      subjectId: order.id,
      subjectLabel: order.number,
      before: auditView(order),
      after: auditView(after),
    });
    const key = deliveredMailKey(order.id);
    await enqueueJob(tx, { kind: "mail.delivered", payload: { orderId: order.id, at: now.toISOString() }, dedupeKey: key });
    return { status: after.status, jobKeys: [key] };
  });
}

/**
 * Cancels an order nothing of which has shipped. Unpaid: its stock and promo
 * use go back and its Stripe session is stopped. Paid (or packed): its stock
 * goes back and everything paid and not yet refunded is refunded through
 * lib/orders/refunds.ts. The customer is emailed either way.
 */
export async function cancelOrder(db: Db, actor: Actor | null | undefined, input: { orderId: string; reason: string }, now = new Date()): Promise<StepResult> {
  const reason = typeof input.reason === "string" ? input.reason.trim().replace(/\s+/g, " ") : "";
  if (!reason) throw new ActionError("Say why the order is cancelled (the customer sees this).", "reason");
  if (reason.length > CANCEL_REASON_MAX) throw new ActionError(`Keep the reason under ${CANCEL_REASON_MAX} characters.`, "reason");
  return orderStep(db, actor, input.orderId, async (tx, order, who) => {
    const unpaid = order.status === "AWAITING_PAYMENT";
    if (!unpaid && order.status !== "PAID" && order.status !== "PACKED") throw new TransitionError(order.status, "CANCELLED");
    if (order.shipments.length > 0) throw new ActionError("Part of this order has shipped, so it cannot be cancelled. Refund the items instead.");
    assertTransition(order.status, "CANCELLED");

    // Units a refund already put back are not put back twice.
    const restock = order.items
      .map((i) => ({
        variantId: i.variantId,
        quantity: i.quantity - i.refundLines.filter((l) => l.restocked && l.refund.status !== "FAILED").reduce((n, l) => n + l.quantity, 0),
      }))
      .filter((l) => l.quantity > 0);
    const stockBandChanged = await releaseStock(tx, restock);

    let refundCents = 0;
    const jobKeys: string[] = [];
    if (unpaid) {
      if (order.promoCode) await tx.promoCode.updateMany({ where: { code: order.promoCode, usedCount: { gt: 0 } }, data: { usedCount: { decrement: 1 } } });
      if (order.paymentProvider === "STRIPE" && order.paymentReference) {
        const key = `expire-session:${order.id}`;
        await enqueueJob(tx, { kind: "stripe.expire-session", payload: { orderId: order.id, reference: order.paymentReference }, dedupeKey: key });
        jobKeys.push(key);
      }
    } else {
      const refunds = await tx.refund.aggregate({ where: { orderId: order.id, status: { in: ["PENDING", "SUCCEEDED"] } }, _sum: { amountCents: true } });
      refundCents = Math.max(0, (order.amountPaidCents ?? order.totalCents) - Math.max(refunds._sum.amountCents ?? 0, order.refundedCents));
      if (refundCents > 0) {
        // The stock went back above: the refund's lines say which units, not to restock them again.
        await requestRefundInTx(tx, who, {
          orderId: order.id,
          amountCents: refundCents,
          reason: `Order cancelled by the shop: ${reason}`,
          lines: order.items.map((i) => ({ orderItemId: i.id, quantity: i.quantity - refundedUnits(i), restock: false })).filter((l) => l.quantity > 0),
        });
      }
    }

    const after = await tx.order.update({
      where: { id: order.id },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason, cancelCause: "STAFF" },
    });
    await recordOrderEvent(tx, {
      orderId: order.id,
      kind: "cancelled",
      ...staffEvent(who),
      message: `The shop cancelled this order: ${reason}`,
      data: { wasPaid: !unpaid, refundCents, from: order.status },
      at: now,
    });
    await recordAudit(tx, who, {
      action: "order.cancel",
      subjectType: "order",
      subjectId: order.id,
      subjectLabel: order.number,
      before: auditView(order),
      after: { ...auditView(after), refundCents, restocked: restock },
    });
    const key = cancelledMailKey(order.id);
    await enqueueJob(tx, { kind: "mail.order-cancelled", payload: { orderId: order.id }, dedupeKey: key });
    jobKeys.push(key);
    return { status: after.status, jobKeys, stockBandChanged };
  });
}

/** The status as the back office names it, with "partly shipped" for a packed order with parcels out. */
export function statusLabel(status: OrderStatus, partlyShipped: boolean): string {
  return partlyShipped && (status === "PAID" || status === "PACKED") ? `${label(status)} · partly shipped` : label(status);
}

/** The order with this number, for the shop's own tools; null for anything else. */
export async function orderIdByNumber(db: Db, number: string): Promise<string | null> {
  const row = await db.order.findUnique({ where: { number: number.trim().toUpperCase() }, select: { id: true } });
  return row?.id ?? null;
}
