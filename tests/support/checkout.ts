// Helpers for checkout tests: a cart with given SKUs, and valid form input.
import { addToCart } from "@/lib/cart";
import type { Db } from "@/lib/db";

export async function cartWith(prisma: Db, lines: [sku: string, quantity: number][]): Promise<string> {
  let token: string | null = null;
  for (const [sku, quantity] of lines) {
    const v = await prisma.variant.findUniqueOrThrow({ where: { sku } });
    token = await addToCart(prisma, token, v.id, quantity);
  }
  return token!;
}

export const validInput = {
  email: "ada@example.com",
  name: "Ada Lovelace",
  line1: "12 Marsh Lane",
  city: "Leeds",
  postalCode: "LS1 4AP",
  country: "GB",
  shippingMethod: "standard",
  confirmSafety: "on",
};

export async function stockOf(prisma: Db, sku: string): Promise<number> {
  return (await prisma.variant.findUniqueOrThrow({ where: { sku } })).stock;
}
