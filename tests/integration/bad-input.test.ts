// Malformed text reaching lib/ entry points: a NUL byte (which PostgreSQL
// refuses with an error, a 500 before), other control characters, and
// oversized strings are answered as ordinary "fix this field" errors, never
// thrown through to the page.
import { afterAll, describe, expect, it } from "vitest";
import { addAddress, deleteAddress, savePenModel } from "@/lib/accounts";
import { addToCart, CartError, setCartQuantity } from "@/lib/cart";
import { startCheckout } from "@/lib/checkout/start";
import { requestOrderLookup } from "@/lib/orders/lookup";
import { demoGateway } from "@/lib/payments/demo";
import { cartWith, stockOf, validInput } from "../support/checkout";
import { testDb } from "../support/db";

const prisma = testDb();
const options = { baseUrl: "http://store.test", gateway: demoGateway };
afterAll(() => prisma.$disconnect());

const NUL = "\u0000";
const nasty = [`a${NUL}b`, `${NUL}`, "a\u0001b", "line\u001bbreak", "x".repeat(100_000)];

describe("bad input to the cart", () => {
  it("an id with a NUL byte or control characters is an unknown product, not a database error", async () => {
    for (const id of nasty) {
      await expect(addToCart(prisma, null, id, 1)).rejects.toBeInstanceOf(CartError);
    }
    const token = await cartWith(prisma, [["SRM-HA-30", 1]]);
    for (const id of nasty) {
      await expect(setCartQuantity(prisma, token, id, 2)).rejects.toBeInstanceOf(CartError);
      await expect(setCartQuantity(prisma, token, id, 0)).rejects.toBeInstanceOf(CartError);
    }
  });
});

describe("bad input to checkout", () => {
  const fields = ["email", "name", "line1", "line2", "city", "region", "postalCode", "country", "shippingMethod", "promoCode"] as const;
  it.each(fields)("a NUL byte or control character in %s is a message next to that field, and nothing is held", async (field) => {
    const token = await cartWith(prisma, [["SRM-HA-30", 1]]);
    const before = await stockOf(prisma, "SRM-HA-30");
    for (const value of [`ok${NUL}`, "ok\u0007", "x".repeat(100_000)]) {
      const result = await startCheckout(prisma, token, { ...validInput, promoCode: "", [field]: value }, options);
      expect(result.ok, `${field}=${JSON.stringify(value.slice(0, 10))}`).toBe(false);
      if (result.ok) return;
      expect(result.errors[field], `${field}`).toBeTruthy();
    }
    expect(await stockOf(prisma, "SRM-HA-30")).toBe(before);
  });
});

describe("bad input to the account", () => {
  it("addresses, pen choice and deleting an address refuse NUL bytes with a message", async () => {
    const user = await prisma.user.create({ data: { email: `bad-input-${Date.now()}@example.com` } });
    for (const field of ["name", "line1", "line2", "city", "region", "postalCode", "country"]) {
      const raw = { name: "Ada Lovelace", line1: "12 Marsh Lane", city: "Leeds", postalCode: "LS1 4AP", country: "GB", [field]: `ok${NUL}` };
      const result = await addAddress(prisma, user.id, raw);
      expect(result.ok, field).toBe(false);
      if (!result.ok) expect(result.errors[field as keyof typeof result.errors], field).toBeTruthy();
    }
    expect(await prisma.address.count({ where: { userId: user.id } })).toBe(0);
    for (const slug of nasty) expect(await savePenModel(prisma, user.id, slug)).toMatchObject({ ok: false });
    for (const id of nasty) expect(await deleteAddress(prisma, user.id, id)).toBe(false);
  });
});

describe("bad input to the order lookup", () => {
  it("a NUL byte in the order number or email is a field message", async () => {
    const a = await requestOrderLookup(prisma, { orderNumber: `SP-AAAA-AAAA${NUL}`, email: "a@example.com", ip: null }, new Date(), { minDurationMs: 0 });
    expect(a).toMatchObject({ status: "invalid", errors: { orderNumber: expect.any(String) } });
    const b = await requestOrderLookup(prisma, { orderNumber: "SP-AAAA-AAAA", email: `a${NUL}@example.com`, ip: null }, new Date(), { minDurationMs: 0 });
    expect(b).toMatchObject({ status: "invalid", errors: { email: expect.any(String) } });
  });
});
