// A valid order awaiting payment, holding its stock, for tests of what
// happens after checkout (payments, webhooks, the sweeper). Made the way
// checkout makes one: stock taken and order created in one transaction,
// prices and names snapshotted from the database. The access token is the
// one the confirmation email links to (derived from STORE_SECRET).
import type { Db } from "@/lib/db";
import { takeStock } from "@/lib/inventory";
import { HOLD_MINUTES, type CheckoutOrder } from "@/lib/payments";
import { hashToken, newOrderId, newOrderNumber, orderAccessToken } from "@/lib/orders/tokens";

export type HeldOrderOptions = {
  sku: string;
  quantity: number;
  provider?: "STRIPE" | "DEMO";
  email?: string;
};

export async function createHeldOrder(prisma: Db, { sku, quantity, provider = "STRIPE", email = "buyer@example.test" }: HeldOrderOptions) {
  // As checkout does: a random id, and the confirmation-link token derived from it.
  const id = newOrderId();
  const accessToken = orderAccessToken(id);
  const order = await prisma.$transaction(async (tx) => {
    const variant = await tx.variant.findUniqueOrThrow({ where: { sku }, include: { product: true } });
    await takeStock(tx, [{ variantId: variant.id, quantity }]);
    const subtotalCents = variant.priceCents * quantity;
    return tx.order.create({
      data: {
        id,
        number: newOrderNumber(),
        accessTokenHash: hashToken(accessToken),
        status: "AWAITING_PAYMENT",
        email,
        shipName: "Test Buyer",
        shipLine1: "1 Test Street",
        shipCity: "Portland",
        shipRegion: "OR",
        shipPostalCode: "97201",
        shipCountry: "US",
        shippingMethodCode: "standard",
        shippingMethodName: "Standard",
        subtotalCents,
        discountCents: 0,
        shippingCents: 0,
        totalCents: subtotalCents,
        currency: variant.currency,
        paymentProvider: provider,
        holdExpiresAt: new Date(Date.now() + HOLD_MINUTES * 60 * 1000),
        items: {
          create: [
            {
              variantId: variant.id,
              productSlug: variant.product.slug,
              productKind: variant.product.kind,
              name: variant.product.name,
              variantLabel: variant.label,
              sku: variant.sku,
              unitPriceCents: variant.priceCents,
              quantity,
              lineTotalCents: subtotalCents,
            },
          ],
        },
      },
      include: { items: true },
    });
  });
  return { orderId: order.id, order, accessToken };
}

export type HeldOrder = Awaited<ReturnType<typeof createHeldOrder>>["order"];

/** What the payment gateway is given for an order. */
export function checkoutOrderOf(order: HeldOrder): CheckoutOrder {
  return {
    id: order.id,
    number: order.number,
    email: order.email,
    currency: order.currency,
    totalCents: order.totalCents,
    shippingCents: order.shippingCents,
    shippingMethodName: order.shippingMethodName,
    discountCents: order.discountCents,
    holdExpiresAt: order.holdExpiresAt,
    items: order.items.map((i) => ({ name: i.name, sku: i.sku, unitPriceCents: i.unitPriceCents, quantity: i.quantity })),
  };
}
