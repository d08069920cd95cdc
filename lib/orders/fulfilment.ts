// The shop's side of an order after payment: packed, shipped, delivered.
// Each step locks the order row, checks the move against the status machine
// (an impossible move throws TransitionError and changes nothing), and stamps
// its time. The customer hears about shipping and delivery by email: a job
// enqueued in the same transaction as the move (lib/jobs), delivered by the
// worker with retries, so a mail server outage neither undoes the move nor
// loses the mail.
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob, kickJobs } from "@/lib/jobs";
import { sendMail } from "@/lib/mail";
import { html } from "@/lib/mail/html";
import { siteName } from "@/lib/site";
import { assertTransition, type OrderStatus } from "./status";
import { carrierTrackingUrl, issueTrackingToken, normalizeTrackingNumber, parseCarrier, carrierNames, TRACKING_TOKEN_DAYS } from "./tracking";

export class FulfilmentError extends Error {}

export type FulfilledOrder = { id: string; number: string; status: OrderStatus };

type LockedOrder = Prisma.OrderGetPayload<{ select: typeof lockedSelect }>;
const lockedSelect = { id: true, number: true, status: true, email: true, shipName: true, carrier: true, trackingNumber: true } as const;

type MailKind = "shipped" | "delivered";

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

// ------------------------------------------------------------------ emails

/**
 * Sends the shipped or delivered mail; run by the job worker. The tracking
 * link is issued here, at sending, so no raw token waits in the jobs table;
 * it lives from `at`, the moment of the move. A failure throws: the worker retries.
 */
export async function deliverFulfilmentMail(prisma: Db, orderId: string, kind: MailKind, at: Date): Promise<void> {
  const order = await prisma.order.findUnique({ where: { id: orderId }, select: lockedSelect });
  if (!order) {
    console.warn(`[mail] ${kind} email for order ${orderId} not sent: the order is gone`);
    return;
  }
  const { url } = await issueTrackingToken(prisma, order.id, at);
  const email = kind === "shipped" ? shippedEmail(order, url) : deliveredEmail(order, url);
  await sendMail({ to: order.email, ...email });
}

type Email = { subject: string; text: string; html: string };

function shippedEmail(order: Pick<LockedOrder, "number" | "shipName" | "carrier" | "trackingNumber">, trackingPage: string): Email {
  // Every carrier's display name is the name we store for it.
  const carrierName = order.carrier || "our carrier";
  const carrierLink = carrierTrackingUrl(order.carrier, order.trackingNumber);
  const subject = `Your ${siteName} order ${order.number} is on its way`;
  const text = [
    `Hello ${order.shipName},`,
    "",
    `Your order ${order.number} has shipped with ${carrierName}.`,
    `Tracking number: ${order.trackingNumber ?? ""}`,
    ...(carrierLink ? [`Follow it on ${carrierName}'s site: ${carrierLink}`] : []),
    "",
    "Your order, its progress and the instructions that came with it:",
    trackingPage,
    "",
    `This link works for ${TRACKING_TOKEN_DAYS} days; you can ask for a new one at any time on our order lookup page.`,
  ].join("\n");
  return {
    subject,
    text: text + "\n",
    html: html([
      `Hello ${order.shipName},`,
      `Your order ${order.number} has shipped with ${carrierName}. Tracking number: ${order.trackingNumber ?? ""}.`,
      ...(carrierLink ? [{ before: `Follow it on ${carrierName}'s site: `, text: carrierLink, href: carrierLink }] : []),
      { before: "Your order, its progress and its instructions: ", text: trackingPage, href: trackingPage },
      `This link works for ${TRACKING_TOKEN_DAYS} days; you can ask for a new one at any time on our order lookup page.`,
    ]),
  };
}

function deliveredEmail(order: Pick<LockedOrder, "number" | "shipName">, trackingPage: string): Email {
  const subject = `Your ${siteName} order ${order.number} has been delivered`;
  const reminder =
    "Before your first session, read the instructions that came with your order again, especially “Who must not use it” and the aftercare timeline. " +
    "For the first 24 hours after a session keep your skin clean and calm: no makeup, no sweaty exercise, no direct sun; wear sunscreen every day afterwards and leave at least the time the guide gives before the next session.";
  const text = [
    `Hello ${order.shipName},`,
    "",
    `Your order ${order.number} has been delivered.`,
    "",
    reminder,
    "",
    "You can reread the instructions exactly as they came with your order, and add your aftercare dates to your calendar, here:",
    trackingPage,
    "",
    "The printed booklets in your confirmation email say the same.",
  ].join("\n");
  return {
    subject,
    text: text + "\n",
    html: html([
      `Hello ${order.shipName},`,
      `Your order ${order.number} has been delivered.`,
      reminder,
      { before: "Reread the instructions as they came with your order, and add your aftercare dates to your calendar: ", text: trackingPage, href: trackingPage },
      "The printed booklets in your confirmation email say the same.",
    ]),
  };
}
