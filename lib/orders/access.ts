// Who may read an order, decided here in the data layer and nowhere else:
// its account owner, or whoever holds a valid token for it (the confirmation
// link, or an unexpired tracking link). Everyone else gets null, exactly as
// for an order that does not exist, so a probe learns nothing.
import type { Db } from "@/lib/db";
import { hashToken, looksLikeToken } from "./tokens";
import { loadOrderView, type OrderView } from "./view";

export type Viewer = { userId?: string | null; trackingToken?: string | null; confirmationToken?: string | null };

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
