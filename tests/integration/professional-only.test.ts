// Variants marked homeUse = false are for trained professionals. Until
// professional accounts exist, nobody can put one in a cart, keep one there,
// or check one out; the rule lives in lib/cart, so every way in meets it.
import { afterAll, describe, expect, it } from "vitest";
import { addToCart, CartError, loadCart, setCartQuantity } from "@/lib/cart";
import { startCheckout } from "@/lib/checkout/start";
import { demoGateway } from "@/lib/payments/demo";
import { hashToken, newAccessToken } from "@/lib/orders/tokens";
import { cartWith, stockOf, validInput } from "../support/checkout";
import { testDb } from "../support/db";

const prisma = testDb();
const options = { baseUrl: "http://store.test", gateway: demoGateway };
afterAll(() => prisma.$disconnect());

const variantId = async (sku: string) => (await prisma.variant.findUniqueOrThrow({ where: { sku } })).id;

/** A guest cart holding the lines as given, written straight to the database (as an old cart would be). */
async function cartHolding(lines: [sku: string, quantity: number][]): Promise<string> {
  const token = newAccessToken();
  const cart = await prisma.cart.create({ data: { tokenHash: hashToken(token) } });
  for (const [sku, quantity] of lines) await prisma.cartItem.create({ data: { cartId: cart.id, variantId: await variantId(sku), quantity } });
  return token;
}

describe("professional-only variants", () => {
  it("the seed marks the Professional Kit and the 42-pin cartridge as professional-only", async () => {
    for (const sku of ["KIT-PRO", "CRT-42-10"]) expect((await prisma.variant.findUniqueOrThrow({ where: { sku } })).homeUse).toBe(false);
  });

  it("cannot be added to a guest's cart or an account's cart", async () => {
    for (const sku of ["KIT-PRO", "CRT-42-10"]) {
      const id = await variantId(sku);
      await expect(addToCart(prisma, null, id, 1)).rejects.toThrow(CartError);
      await expect(addToCart(prisma, null, id, 1)).rejects.toMatchObject({ code: "professional-only" });
    }
    const user = await prisma.user.create({ data: { email: `pro-only-${Date.now()}@example.com` } });
    await expect(addToCart(prisma, { userId: user.id }, await variantId("KIT-PRO"), 1)).rejects.toMatchObject({ code: "professional-only" });
  });

  it("cannot have its quantity raised in a cart that already holds it, but can be removed", async () => {
    const token = await cartHolding([["KIT-PRO", 1]]);
    await expect(setCartQuantity(prisma, token, await variantId("KIT-PRO"), 2)).rejects.toMatchObject({ code: "professional-only" });
    await setCartQuantity(prisma, token, await variantId("KIT-PRO"), 0);
    expect((await loadCart(prisma, token)).professionalOnly).toEqual([]);
  });

  it("a cart that already holds one keeps it out of its lines and total, and says why", async () => {
    const token = await cartHolding([
      ["KIT-PRO", 1],
      ["SRM-HA-30", 1],
    ]);
    const cart = await loadCart(prisma, token);
    expect(cart.lines.map((l) => l.sku)).toEqual(["SRM-HA-30"]);
    expect(cart.subtotalCents).toBe(2400);
    expect(cart.itemCount).toBe(1);
    expect(cart.professionalOnly).toMatchObject([{ sku: "KIT-PRO", productName: "Professional Kit" }]);
  });

  it("checkout refuses a cart holding one, and holds no stock", async () => {
    const before = await stockOf(prisma, "KIT-PRO");
    const beforeSerum = await stockOf(prisma, "SRM-HA-30");
    const orders = await prisma.order.count();
    const token = await cartHolding([
      ["KIT-PRO", 1],
      ["SRM-HA-30", 1],
    ]);
    const result = await startCheckout(prisma, token, validInput, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.cart).toMatch(/professional/i);
    expect(await stockOf(prisma, "KIT-PRO")).toBe(before);
    expect(await stockOf(prisma, "SRM-HA-30")).toBe(beforeSerum);
    expect(await prisma.order.count()).toBe(orders);
  });

  it("home-use variants are still sold as before", async () => {
    const token = await cartWith(prisma, [["CRT-36-10", 1]]);
    expect((await loadCart(prisma, token)).lines.map((l) => l.sku)).toEqual(["CRT-36-10"]);
  });
});
