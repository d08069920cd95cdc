// A valid order awaiting payment, holding its stock, for tests of what
// happens after checkout (payments, webhooks, the sweeper). Made by the same
// function checkout uses (holdOrder in lib/checkout/start.ts): stock taken and
// order created in one transaction, a random id and number, and the access
// token the confirmation email links to (derived from STORE_SECRET). Prices
// and names are snapshotted from the database; no cart and no payment session.
import { holdOrder } from "@/lib/checkout/start";
import type { Db } from "@/lib/db";
import type { PaymentProvider } from "@/lib/generated/prisma/enums";
import { HOLD_MINUTES, type CheckoutOrder } from "@/lib/payments";

export type HeldOrderOptions = {
  sku: string;
  quantity: number;
  provider?: PaymentProvider;
  email?: string;
};

export async function createHeldOrder(prisma: Db, { sku, quantity, provider = "STRIPE", email = "buyer@example.test" }: HeldOrderOptions) {
  const variant = await prisma.variant.findUniqueOrThrow({ where: { sku }, include: { product: true } });
  const subtotalCents = variant.priceCents * quantity;
  const { order, accessToken } = await holdOrder(prisma, {
    stock: [{ variantId: variant.id, quantity }],
    order: {
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
