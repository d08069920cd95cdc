// The shop's side of an order after payment: packed, shipped, delivered.
// Each step locks the order row, checks the move against the status machine
// (an impossible move throws TransitionError and changes nothing), and stamps
// its time. The customer hears about shipping and delivery by email: a job
// enqueued in the same transaction as the move (lib/jobs), delivered by the
// worker with retries, so a mail server outage neither undoes the move nor
// loses the mail. What the mails say is in lib/mail/templates; the worker
// sends them through lib/orders/order-mails.ts.
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob, kickJobs } from "@/lib/jobs";
import { assertTransition, type OrderStatus } from "./status";
import { normalizeTrackingNumber, parseCarrier, carrierNames } from "./tracking";

export class FulfilmentError extends Error {}

export type FulfilledOrder = { id: string; number: string; status: OrderStatus };

type LockedOrder = Prisma.OrderGetPayload<{ select: typeof lockedSelect }>;
const lockedSelect = { id: true, number: true, status: true, email: true, shipName: true, carrier: true, trackingNumber: true } as const;

export type MailKind = "shipped" | "delivered";

/** The dedupe key of an order's shipped or delivered mail: one of each per order. */
export function fulfilmentMailKey(kind: MailKind, orderId: string): string {
  return `mail:${kind}:${orderId}`;
}

async function move(prisma: Db, orderId: string, to: OrderStatus, data: Prisma.OrderUpdateInput, mail?: { kind: MailKind; at: Date }): Promise<LockedOrder> {
  const moved = await prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
    if (!locked.length) throw new FulfilmentError("No such order.");
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: lockedSelect });
    assertTransition(order.status, to);
    if (mail) {
      await enqueueJob(tx, { kind: `mail.${mail.kind}`, payload: { orderId, at: mail.at.toISOString() }, dedupeKey: fulfilmentMailKey(mail.kind, orderId) });
    }
    return tx.order.update({ where: { id: orderId }, data: { ...data, status: to }, select: lockedSelect });
  });
  if (mail) kickJobs();
  return moved;
}

export async function markPacked(prisma: Db, orderId: string, now = new Date()): Promise<FulfilledOrder> {
  const o = await move(prisma, orderId, "PACKED", { packedAt: now });
  return { id: o.id, number: o.number, status: o.status };
}

export async function markShipped(
  prisma: Db,
  orderId: string,
  shipment: { carrier: string; trackingNumber: string },
  now = new Date(),
): Promise<FulfilledOrder> {
  const carrier = parseCarrier(shipment.carrier);
  if (!carrier) throw new FulfilmentError(`Unknown carrier "${shipment.carrier}". Use one of: ${carrierNames.join(", ")}.`);
  const trackingNumber = normalizeTrackingNumber(shipment.trackingNumber);
  if (!trackingNumber) throw new FulfilmentError("A tracking number is 6 to 40 letters, digits, spaces or hyphens.");
  const o = await move(prisma, orderId, "SHIPPED", { shippedAt: now, carrier, trackingNumber }, { kind: "shipped", at: now });
  return { id: o.id, number: o.number, status: o.status };
}

export async function markDelivered(prisma: Db, orderId: string, now = new Date()): Promise<FulfilledOrder> {
  const o = await move(prisma, orderId, "DELIVERED", { deliveredAt: now }, { kind: "delivered", at: now });
  return { id: o.id, number: o.number, status: o.status };
}

/** The order with this number (e.g. "SP-7K4Q-9XM2"), for the shop's own tools. */
export async function orderIdByNumber(prisma: Db, number: string): Promise<string | null> {
  const row = await prisma.order.findUnique({ where: { number: number.trim().toUpperCase() }, select: { id: true } });
  return row?.id ?? null;
}
