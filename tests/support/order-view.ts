// An OrderView as lib/orders/view.ts gives it, for tests that render an order
// (mails, the confirmation) without a database. Totals follow the items.
import type { OrderItemView, OrderView } from "@/lib/orders/view";

/** One line of an order; what is not given is filled in plainly. */
export function orderItem(over: Partial<OrderItemView> & Pick<OrderItemView, "id" | "productSlug" | "name" | "unitPriceCents" | "quantity">): OrderItemView {
  return {
    variantId: `${over.id}-variant`,
    productKind: "CARTRIDGE",
    variantLabel: "",
    sku: `${over.productSlug}-sku`,
    lineTotalCents: over.unitPriceCents * over.quantity,
    guideVersionId: "v3",
    instructions: null,
    ...over,
  };
}

/** A paid order of these items: a WELCOME5 discount and standard shipping unless told otherwise; the total is worked out. */
export function orderView(items: OrderItemView[], over: Partial<Omit<OrderView, "items" | "subtotalCents" | "totalCents">> = {}): OrderView {
  const subtotalCents = items.reduce((sum, i) => sum + i.lineTotalCents, 0);
  const order = {
    id: "order-1",
    number: "SP-7K4Q-9XM2",
    status: "PAID",
    email: "ada@example.com",
    shipping: { name: "Ada Lovelace", line1: "12 Analytical Way", line2: "Flat 3", city: "Portland", region: "OR", postalCode: "97201", country: "US" },
    shippingMethodName: "Standard",
    discountCents: 500,
    shippingCents: 595,
    promoCode: "WELCOME5",
    paymentProvider: "DEMO",
    contraindicationsConfirmedAt: "2026-11-20T10:00:00.000Z",
    createdAt: "2026-11-20T10:00:00.000Z",
    paidAt: "2026-11-20T10:01:00.000Z",
    packedAt: null,
    shippedAt: null,
    deliveredAt: null,
    carrier: null,
    trackingNumber: null,
    cancelledAt: null,
    cancelReason: null,
    refundedAt: null,
    holdExpiresAt: "2026-11-20T10:30:00.000Z",
    currency: "USD",
    ...over,
  } satisfies Omit<OrderView, "items" | "subtotalCents" | "totalCents">;
  return { ...order, items, subtotalCents, totalCents: subtotalCents - order.discountCents + order.shippingCents };
}
