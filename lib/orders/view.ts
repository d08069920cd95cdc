// An order as the customer sees it: on the confirmation page, in the email
// and in its booklets. Instructions come from the snapshot taken at the
// sale, never from the current guide.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { linkedProducts, withoutDeadLinks, type Instructions } from "@/lib/guides/instructions";
import type { OrderStatus } from "./status";
import type { CancelCause, PaymentProvider, ProductKind } from "@/lib/generated/prisma/enums";

export type OrderItemView = {
  id: string;
  variantId: string;
  productSlug: string;
  productKind: ProductKind;
  name: string;
  variantLabel: string;
  sku: string;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
  guideVersionId: string | null;
  /** The instructions exactly as they stood when this item was sold. */
  instructions: Instructions | null;
};

/** A parcel as the customer sees it. */
export type ShipmentView = {
  id: string;
  carrier: string;
  trackingNumber: string;
  shippedAt: string;
  deliveredAt: string | null;
  items: { name: string; quantity: number }[];
};

/** A step of the order's history the customer may see (never internal notes, never who at the shop). */
export type CustomerEventView = { at: string; kind: string; message: string };

export type OrderView = {
  id: string;
  number: string;
  status: OrderStatus;
  email: string;
  shipping: { name: string; line1: string; line2: string | null; city: string; region: string | null; postalCode: string; country: string };
  shippingMethodName: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  currency: string;
  promoCode: string | null;
  paymentProvider: PaymentProvider;
  contraindicationsConfirmedAt: string | null;
  createdAt: string;
  paidAt: string | null;
  packedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  cancelCause?: CancelCause | null;
  refundedAt: string | null;
  holdExpiresAt: string;
  items: OrderItemView[];
  /** Parcels sent, oldest first (orders shipped before parcels were kept have none: see carrier). */
  shipments?: ShipmentView[];
  /** The order's history as the customer may see it, oldest first. */
  events?: CustomerEventView[];
  amountPaidCents?: number | null;
  refundedCents?: number;
};

const include = {
  items: { orderBy: { id: "asc" as const } },
  shipments: { orderBy: [{ shippedAt: "asc" as const }, { id: "asc" as const }], include: { lines: { select: { orderItemId: true, quantity: true } } } },
  events: { where: { customerVisible: true }, orderBy: [{ at: "asc" as const }, { id: "asc" as const }], select: { at: true, kind: true, message: true } },
};

/** An order by its id (or another unique key), with no access check: callers decide who may see it. */
export async function loadOrderView(prisma: Db, order: string | Prisma.OrderWhereUniqueInput): Promise<OrderView | null> {
  const o = await prisma.order.findUnique({ where: typeof order === "string" ? { id: order } : order, include });
  if (!o) return null;
  const instructions = await withLiveLinks(
    prisma,
    o.items.map((i) => (i.instructions as Instructions | null) ?? null),
  );
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    email: o.email,
    shipping: {
      name: o.shipName,
      line1: o.shipLine1,
      line2: o.shipLine2,
      city: o.shipCity,
      region: o.shipRegion,
      postalCode: o.shipPostalCode,
      country: o.shipCountry,
    },
    shippingMethodName: o.shippingMethodName,
    subtotalCents: o.subtotalCents,
    discountCents: o.discountCents,
    shippingCents: o.shippingCents,
    totalCents: o.totalCents,
    currency: o.currency,
    promoCode: o.promoCode,
    paymentProvider: o.paymentProvider,
    contraindicationsConfirmedAt: o.contraindicationsConfirmedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    paidAt: o.paidAt?.toISOString() ?? null,
    packedAt: o.packedAt?.toISOString() ?? null,
    shippedAt: o.shippedAt?.toISOString() ?? null,
    deliveredAt: o.deliveredAt?.toISOString() ?? null,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    cancelledAt: o.cancelledAt?.toISOString() ?? null,
    cancelReason: o.cancelReason,
    cancelCause: o.cancelCause,
    refundedAt: o.refundedAt?.toISOString() ?? null,
    holdExpiresAt: o.holdExpiresAt.toISOString(),
    amountPaidCents: o.amountPaidCents,
    refundedCents: o.refundedCents,
    shipments: o.shipments.map((s) => ({
      id: s.id,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      shippedAt: s.shippedAt.toISOString(),
      deliveredAt: s.deliveredAt?.toISOString() ?? null,
      items: s.lines.map((l) => ({ name: o.items.find((i) => i.id === l.orderItemId)?.name ?? "", quantity: l.quantity })),
    })),
    events: o.events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, message: e.message })),
    items: o.items.map((i, n) => ({
      id: i.id,
      variantId: i.variantId,
      productSlug: i.productSlug,
      productKind: i.productKind,
      name: i.name,
      variantLabel: i.variantLabel,
      sku: i.sku,
      unitPriceCents: i.unitPriceCents,
      quantity: i.quantity,
      lineTotalCents: i.lineTotalCents,
      guideVersionId: i.guideVersionId,
      instructions: instructions[n]!,
    })),
  };
}

/**
 * The instructions as sold link the products they name; a product removed (or made inactive)
 * from the catalog since would be a dead link, so its name is shown plainly.
 * Snapshots without links (older orders, most items) cost no query.
 */
async function withLiveLinks(prisma: Db, docs: (Instructions | null)[]): Promise<(Instructions | null)[]> {
  const slugs = [...new Set(docs.flatMap((d) => (d ? linkedProducts(d) : [])))];
  if (slugs.length === 0) return docs;
  const live = new Set((await prisma.product.findMany({ where: { slug: { in: slugs }, active: true }, select: { slug: true } })).map((p) => p.slug));
  return docs.map((d) => d && withoutDeadLinks(d, (slug) => live.has(slug)));
}
