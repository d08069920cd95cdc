// A paid demo order of one unit of a variant, written straight to the
// database (no stock taken, no mail): for back-office tests that need an
// order to act on or to probe. `data` adds or overrides order fields (a
// review hold, an acknowledgement). Returns the order's id and number.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashToken, newOrderId, newOrderNumber, orderAccessToken } from "@/lib/orders/tokens";

export async function writePaidOrder(
  prisma: Db,
  {
    variant,
    email,
    shipName = "Test Buyer",
    data = {},
  }: { variant: Prisma.VariantGetPayload<{ include: { product: true } }>; email: string; shipName?: string; data?: Partial<Prisma.OrderUncheckedCreateInput> },
): Promise<{ id: string; number: string }> {
  const id = newOrderId();
  const number = newOrderNumber();
  await prisma.order.create({
    data: {
      id,
      number,
      accessTokenHash: hashToken(orderAccessToken(id)),
      status: "PAID",
      paidAt: new Date(),
      amountPaidCents: variant.priceCents,
      email,
      shipName,
      shipLine1: "1 Test Street",
      shipCity: "Portland",
      shipPostalCode: "97201",
      shipCountry: "US",
      shippingMethodCode: "standard",
      shippingMethodName: "Standard",
      subtotalCents: variant.priceCents,
      discountCents: 0,
      shippingCents: 0,
      totalCents: variant.priceCents,
      currency: "USD",
      paymentProvider: "DEMO",
      holdExpiresAt: new Date(Date.now() + 30 * 60_000),
      ...data,
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
            quantity: 1,
            lineTotalCents: variant.priceCents,
          },
        ],
      },
    },
  });
  return { id, number };
}
