// "Save this address to my account" at checkout: a signed-in customer's
// address is added to their account once checkout has started, not again when
// the same address comes back however it is typed, never beyond the limit,
// never for a guest; and a failure to save it never fails the checkout.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listAddresses, rememberAddress } from "@/lib/accounts";
import { addToCart } from "@/lib/cart";
import { startCheckout } from "@/lib/checkout/start";
import { demoGateway } from "@/lib/payments/demo";
import { cartWith, validInput } from "../support/checkout";
import { testDb } from "../support/db";
import { expireOrder, tempOutbox } from "../support/orders";

// The saving step, made to fail on demand (the rest of lib/accounts as it is).
const failing = vi.hoisted(() => ({ save: false }));
vi.mock("@/lib/accounts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/accounts")>();
  return {
    ...actual,
    rememberAddress: (...args: Parameters<typeof actual.rememberAddress>) =>
      failing.save ? Promise.reject(new Error("the database went away")) : actual.rememberAddress(...args),
  };
});

const prisma = testDb(10);
const options = { baseUrl: "http://store.test", gateway: demoGateway };
const SKU = "SHP-1L";
const userIds: string[] = [];
const orderIds: string[] = [];
let outbox: ReturnType<typeof tempOutbox>;

beforeAll(() => {
  outbox = tempOutbox();
});
afterAll(async () => {
  for (const id of orderIds) {
    await expireOrder(prisma, id);
  }
  await prisma.user.deleteMany({ where: { id: { in: userIds } } });
  outbox.restore();
  await prisma.$disconnect();
});

async function makeUser() {
  const user = await prisma.user.create({ data: { email: `save-${randomUUID().slice(0, 8)}@accounts.test`, emailVerified: new Date() } });
  userIds.push(user.id);
  return user;
}

/** Checkout from the account's cart (one item put in it first), as the signed-in customer. */
async function checkoutAs(user: { id: string; email: string }, fields: Record<string, string>) {
  const variant = await prisma.variant.findUniqueOrThrow({ where: { sku: SKU } });
  await addToCart(prisma, { userId: user.id }, variant.id, 1);
  const result = await startCheckout(prisma, null, { ...validInput, email: user.email, ...fields }, { ...options, userId: user.id });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  if (result.ok) orderIds.push(result.orderId);
  return result;
}

describe("saving the address typed at checkout", () => {
  it("adds it to the account once, however the same address is typed again", async () => {
    const user = await makeUser();
    await checkoutAs(user, { saveAddress: "on", line2: "" });
    expect(await listAddresses(prisma, user.id)).toEqual([
      {
        id: expect.any(String),
        name: "Ada Lovelace",
        line1: "12 Marsh Lane",
        line2: null,
        city: "Leeds",
        region: null,
        postalCode: "LS1 4AP",
        country: "GB",
      },
    ]);

    // The same address in other capitals and spacing: still one.
    await checkoutAs(user, { saveAddress: "on", name: "ada  lovelace", line1: " 12 MARSH lane", city: "LEEDS", postalCode: "ls1 4ap" });
    expect(await listAddresses(prisma, user.id)).toHaveLength(1);

    // Another address, not asked to be saved: not saved.
    await checkoutAs(user, { line1: "3 Canal Street" });
    expect(await listAddresses(prisma, user.id)).toHaveLength(1);

    // Another address, asked: a second one, after the first (checkout pre-fills the first).
    await checkoutAs(user, { saveAddress: "on", line1: "3 Canal Street" });
    expect((await listAddresses(prisma, user.id)).map((a) => a.line1)).toEqual(["12 Marsh Lane", "3 Canal Street"]);
  });

  it("adds one address when the same one is saved from several checkouts at once", async () => {
    const user = await makeUser();
    const address = { name: "Ada Lovelace", line1: "12 Marsh Lane", line2: null, city: "Leeds", region: null, postalCode: "LS1 4AP", country: "GB" };
    // Every connection of the pool open first, so the saves really run side by side.
    await Promise.all(Array.from({ length: 10 }, () => prisma.$queryRaw`SELECT pg_sleep(0.05)::text`));
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => rememberAddress(prisma, user.id, address)));
    expect(outcomes.filter((o) => o === "added")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "already-saved")).toHaveLength(outcomes.length - 1);
    expect(await listAddresses(prisma, user.id)).toHaveLength(1);
  });

  it("saves nothing for a guest, who has no account to keep it in", async () => {
    const line1 = `${randomUUID().slice(0, 8)} Guest Row`;
    const token = await cartWith(prisma, [[SKU, 1]]);
    const result = await startCheckout(prisma, token, { ...validInput, line1, saveAddress: "on" }, options);
    expect(result.ok).toBe(true);
    if (result.ok) orderIds.push(result.orderId);
    expect(await prisma.address.count({ where: { line1 } })).toBe(0);
  });

  it("saves nothing when checkout does not start", async () => {
    const user = await makeUser();
    const variant = await prisma.variant.findUniqueOrThrow({ where: { sku: SKU } });
    await addToCart(prisma, { userId: user.id }, variant.id, 1);
    const refused = await startCheckout(
      prisma,
      null,
      { ...validInput, email: user.email, saveAddress: "on", promoCode: "NO-SUCH-CODE" },
      { ...options, userId: user.id },
    );
    expect(refused.ok).toBe(false);
    expect(await listAddresses(prisma, user.id)).toEqual([]);
  });

  it("keeps to the account's limit, and checkout still starts", async () => {
    const user = await makeUser();
    const limit = 20; // lib/accounts MAX_ADDRESSES
    await prisma.address.createMany({
      data: Array.from({ length: limit }, (_, i) => ({
        userId: user.id,
        name: "Kept",
        line1: `${i + 1} Full Street`,
        city: "York",
        postalCode: "YO1 7HH",
        country: "GB",
      })),
    });
    await checkoutAs(user, { saveAddress: "on" });
    const saved = await listAddresses(prisma, user.id);
    expect(saved).toHaveLength(limit);
    expect(saved.map((a) => a.line1)).not.toContain("12 Marsh Lane");
  });

  it("starts checkout even when the address cannot be saved", async () => {
    const user = await makeUser();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    failing.save = true;
    try {
      const result = await checkoutAs(user, { saveAddress: "on" });
      expect(result.ok && result.redirectUrl).toMatch(/^\/pay\/demo\//);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("could not be saved to the account"), "the database went away");
    } finally {
      failing.save = false;
      logged.mockRestore();
    }
    expect(await listAddresses(prisma, user.id)).toEqual([]);
  });
});
