// "Buy the same cartridges again" brings the cart up to the order's
// quantities and says what it added; asking again (a double click, a second
// tab) adds nothing more and says they are already in the cart.
import { afterAll, describe, expect, it } from "vitest";
import { loadCart } from "@/lib/cart";
import { startCheckout } from "@/lib/checkout/start";
import { openOrder } from "@/lib/orders/access";
import { reorderAnswer, reorderCartridges } from "@/lib/orders/reorder";
import { demoGateway } from "@/lib/payments/demo";
import { cartWith, validInput } from "../support/checkout";
import { testDb } from "../support/db";

const prisma = testDb();
afterAll(() => prisma.$disconnect());

async function pastOrder() {
  const cart = await cartWith(prisma, [
    ["CRT-16-10", 2],
    ["SRM-HA-30", 1],
  ]);
  const started = await startCheckout(prisma, cart, validInput, { baseUrl: "http://store.test", gateway: demoGateway });
  if (!started.ok) throw new Error(`checkout failed: ${JSON.stringify(started)}`);
  const opened = await openOrder(prisma, { via: "confirmation", token: started.accessToken });
  return opened!.order;
}

describe("buying the same cartridges again", () => {
  it("puts the order's cartridges in the cart once, however often it is asked", async () => {
    const order = await pastOrder();
    const first = await reorderCartridges(prisma, order, null);
    expect(first.added).toEqual([{ name: expect.stringContaining("Balance 16"), quantity: 2 }]);
    const token = first.cartToken!;
    expect(reorderAnswer(first).message).toMatch(/^Added 2 × Balance 16 .* to your cart\.$/);

    const again = await reorderCartridges(prisma, order, token);
    expect(again.added).toEqual([]);
    expect(again.alreadyInCart).toEqual([expect.stringContaining("Balance 16")]);
    expect(reorderAnswer(again).message).toMatch(/^Already in your cart: Balance 16/);

    const cart = await loadCart(prisma, token);
    // Only the cartridge (the serum is not a cartridge), in the order's quantity.
    expect(cart.lines.map((l) => [l.sku, l.quantity])).toEqual([["CRT-16-10", 2]]);
  });

  it("tops a cart up to the order's quantity", async () => {
    const order = await pastOrder();
    const token = await cartWith(prisma, [["CRT-16-10", 1]]);
    const result = await reorderCartridges(prisma, order, token);
    expect(result.added).toEqual([{ name: expect.stringContaining("Balance 16"), quantity: 1 }]);
    expect((await loadCart(prisma, token)).lines.find((l) => l.sku === "CRT-16-10")?.quantity).toBe(2);
  });
});
