// Who may read an order, decided here in the data layer and nowhere else:
// its account owner, or whoever holds a valid token for it (the confirmation
// link, or an unexpired tracking link). Everyone else gets null, exactly as
// for an order that does not exist, so a probe learns nothing.
//
// `openOrder` is the one place that answers "how was this order opened": the
// confirmation link, a tracking link or the account. Every page and route that
// shows an order (and the reorder form) goes through it, and gets back the
// order as that opening may see it plus the URLs that belong to that opening
// (docs/decisions/0007-one-order-view.md).
import type { Db } from "@/lib/db";
import { hashToken, looksLikeToken } from "./tokens";
import { loadOrderView, type OrderView } from "./view";

export type Viewer = { userId?: string | null; trackingToken?: string | null; confirmationToken?: string | null };

/** The three ways into an order. */
export type OrderOpening =
  | { via: "confirmation"; token: string }
  | { via: "tracking"; token: string }
  /** userId: the signed-in account, or null for a visitor who is not signed in. */
  | { via: "account"; orderId: string; userId: string | null | undefined };

export type OrderVia = OrderOpening["via"];

/**
 * An order as one opening may see it. A tracking link may have been
 * forwarded, so it leaves out the shipping address and the email address:
 * they are null here, not merely hidden by the page.
 */
export type OpenedOrderView = Omit<OrderView, "email" | "shipping"> & {
  email: string | null;
  shipping: OrderView["shipping"] | null;
};

export type OpenedOrder = {
  via: OrderVia;
  order: OpenedOrderView;
  /** Where this opening's files and forms point: the same prefix as the page itself. */
  urls: { page: string; calendar: string; booklet: (itemId: string) => string };
  /** What the reorder form sends back, so the action can open the order the same way again. */
  reorder: { via: OrderVia; reference: string };
};

/** What each opening may see (besides the order's items, status and totals, which all see). */
export const openingSees: Record<OrderVia, { shipping: boolean; email: boolean }> = {
  confirmation: { shipping: true, email: true },
  tracking: { shipping: false, email: false },
  account: { shipping: true, email: true },
};

/**
 * The order an opening leads to, as that opening may see it, or null: a
 * foreign, expired, altered or made-up reference is the same null as an order
 * that does not exist.
 */
export async function openOrder(prisma: Db, opening: OrderOpening, now = new Date()): Promise<OpenedOrder | null> {
  const order =
    opening.via === "confirmation"
      ? await readableOrderByConfirmationToken(prisma, opening.token)
      : opening.via === "tracking"
        ? await readableOrderByTrackingToken(prisma, opening.token, now)
        : opening.via === "account" && opening.userId
          ? await readableOrder(prisma, opening.orderId, { userId: opening.userId }, now)
          : null;
  if (!order) return null;
  // The reference the URLs and the reorder form carry: the link's own token, or the order's id.
  const reference = opening.via === "account" ? order.id : opening.token;
  const base = { confirmation: "/orders", tracking: "/track", account: "/account/orders" }[opening.via] + `/${reference}`;
  const sees = openingSees[opening.via];
  return {
    via: opening.via,
    order: { ...order, email: sees.email ? order.email : null, shipping: sees.shipping ? order.shipping : null },
    urls: { page: base, calendar: `${base}/aftercare.ics`, booklet: (itemId) => `${base}/items/${itemId}/booklet.pdf` },
    reorder: { via: opening.via, reference },
  };
}

/** An order by its id, if this viewer may read it. */
export async function readableOrder(prisma: Db, orderId: string, viewer: Viewer, now = new Date()): Promise<OrderView | null> {
  if (typeof orderId !== "string" || orderId.length > 64) return null;
  const order = await prisma.order.findUnique({ where: { id: orderId }, select: { id: true, userId: true, accessTokenHash: true } });
  if (!order) return null;
  const allowed =
    (!!viewer.userId && order.userId === viewer.userId) ||
    (!!viewer.confirmationToken && looksLikeToken(viewer.confirmationToken) && hashToken(viewer.confirmationToken) === order.accessTokenHash) ||
    (!!viewer.trackingToken && (await trackingTokenOrderId(prisma, viewer.trackingToken, now)) === order.id);
  return allowed ? loadOrderView(prisma, order.id) : null;
}

/** The order a tracking token opens, or null if it is unknown, malformed or expired. */
async function trackingTokenOrderId(prisma: Db, token: string, now = new Date()): Promise<string | null> {
  if (!looksLikeToken(token)) return null;
  const row = await prisma.trackingToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { orderId: true, expiresAt: true } });
  return row && row.expiresAt > now ? row.orderId : null;
}

/** Orders owned by an account, newest first. */
export async function accountOrders(prisma: Db, userId: string) {
  return prisma.order.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, number: true, status: true, totalCents: true, currency: true, createdAt: true, items: { select: { name: true, quantity: true } } },
  });
}

/** The order a confirmation-link token opens: the one whose stored hash it matches; null otherwise. */
export async function readableOrderByConfirmationToken(prisma: Db, token: string): Promise<OrderView | null> {
  if (typeof token !== "string" || !looksLikeToken(token)) return null;
  return loadOrderView(prisma, { accessTokenHash: hashToken(token) });
}

/** The order a tracking-link token opens; null if unknown, malformed or expired. */
export async function readableOrderByTrackingToken(prisma: Db, token: string, now = new Date()): Promise<OrderView | null> {
  if (typeof token !== "string") return null;
  const orderId = await trackingTokenOrderId(prisma, token, now);
  return orderId ? loadOrderView(prisma, orderId) : null;
}
