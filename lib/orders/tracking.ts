// Following an order once it is paid: the carriers we ship with and their
// tracking pages, the status timeline shown to the customer, and the
// tracking links emailed to them (random tokens, stored only as a hash,
// expiring after a week because emailed links get forwarded).
import type { Db } from "@/lib/db";
import { siteUrl } from "@/lib/site";
import { label, type OrderStatus } from "./status";
import { hashToken, newAccessToken } from "./tokens";

export const carriers = {
  USPS: { name: "USPS", url: "https://tools.usps.com/go/TrackConfirmAction?tLabels={n}" },
  UPS: { name: "UPS", url: "https://www.ups.com/track?tracknum={n}" },
  FedEx: { name: "FedEx", url: "https://www.fedex.com/fedextrack/?trknbr={n}" },
  DHL: { name: "DHL", url: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={n}" },
  "Royal Mail": { name: "Royal Mail", url: "https://www.royalmail.com/track-your-item#/tracking-results/{n}" },
} as const;

export type Carrier = keyof typeof carriers;
export const carrierNames = Object.keys(carriers) as Carrier[];

/** The carrier as we list it, matched case-insensitively ("ups" → "UPS"), or null. */
export function parseCarrier(value: string): Carrier | null {
  const wanted = value.trim().toLowerCase();
  return carrierNames.find((c) => c.toLowerCase() === wanted) ?? null;
}

/** Loose on purpose: carriers' formats change; this only keeps out typos and junk. */
export function normalizeTrackingNumber(value: string): string | null {
  const n = value.trim().toUpperCase().replace(/\s+/g, " ");
  return /^[A-Z0-9 -]{6,40}$/.test(n) && /[A-Z0-9]/.test(n) ? n : null;
}

/** The carrier's own tracking page for a number, or null for a carrier we do not know. */
export function carrierTrackingUrl(carrier: string | null, trackingNumber: string | null): string | null {
  if (!carrier || !trackingNumber) return null;
  const known = parseCarrier(carrier);
  if (!known) return null;
  return carriers[known].url.replace("{n}", encodeURIComponent(trackingNumber.replace(/[\s-]/g, "")));
}

export type TimelineStep = { key: string; label: string; time: string | null; state: "done" | "current" | "upcoming" };

type TimelineOrder = {
  status: OrderStatus;
  paidAt: string | Date | null;
  packedAt: string | Date | null;
  shippedAt: string | Date | null;
  deliveredAt: string | Date | null;
  cancelledAt: string | Date | null;
  refundedAt: string | Date | null;
};

const iso = (d: string | Date | null) => (d === null ? null : typeof d === "string" ? d : d.toISOString());

/**
 * Paid → Packed → Shipped → Delivered. The step the order is at is "current",
 * earlier ones "done", later ones "upcoming". A cancelled or refunded order
 * shows the steps it actually went through, then that ending as current.
 */
export function orderTimeline(order: TimelineOrder): TimelineStep[] {
  const flow: { key: OrderStatus; label: string; time: string | null }[] = [
    { key: "PAID", label: label("PAID"), time: iso(order.paidAt) },
    { key: "PACKED", label: label("PACKED"), time: iso(order.packedAt) },
    { key: "SHIPPED", label: label("SHIPPED"), time: iso(order.shippedAt) },
    { key: "DELIVERED", label: label("DELIVERED"), time: iso(order.deliveredAt) },
  ];
  if (order.status === "CANCELLED" || order.status === "REFUNDED") {
    const happened = flow.filter((s) => s.time !== null).map((s): TimelineStep => ({ ...s, state: "done" }));
    const end: TimelineStep =
      order.status === "CANCELLED"
        ? { key: "CANCELLED", label: label("CANCELLED"), time: iso(order.cancelledAt), state: "current" }
        : { key: "REFUNDED", label: label("REFUNDED"), time: iso(order.refundedAt), state: "current" };
    return [...happened, end];
  }
  const at = flow.findIndex((s) => s.key === order.status); // -1 while awaiting payment
  return flow.map((s, i) => ({ ...s, state: i < at ? "done" : i === at ? "current" : "upcoming" }));
}

export const TRACKING_TOKEN_DAYS = 7;

/** A fresh tracking link for an order: the raw token is returned once and only its hash is kept. */
export async function issueTrackingToken(
  prisma: Pick<Db, "trackingToken">,
  orderId: string,
  now = new Date(),
): Promise<{ token: string; url: string; expiresAt: Date }> {
  const token = newAccessToken();
  const expiresAt = new Date(now.getTime() + TRACKING_TOKEN_DAYS * 24 * 60 * 60 * 1000);
  await prisma.trackingToken.create({ data: { tokenHash: hashToken(token), orderId, expiresAt } });
  return { token, url: trackingUrl(token), expiresAt };
}

function trackingUrl(token: string): string {
  return `${siteUrl()}/track/${encodeURIComponent(token)}`;
}
