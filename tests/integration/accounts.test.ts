// Accounts: at sign-in the guest cart joins the account's cart and guest
// orders with the verified email attach; addresses and the saved pen belong
// to their owner alone. Other files share the database: every row made here
// has a unique email and is removed afterwards.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addAddress,
  allowSignInLink,
  deleteAddress,
  listAddresses,
  onSignIn,
  reconcilePenAtSignIn,
  savePenModel,
  savedPenModel,
  SIGN_IN_LIMITS,
} from "@/lib/accounts";
import { addToCart, loadCart, MAX_LINE_QUANTITY, setCartQuantity } from "@/lib/cart";
import { startCheckout } from "@/lib/checkout/start";
import { hashToken } from "@/lib/orders/tokens";
import { demoGateway } from "@/lib/payments/demo";
import { cartWith, validInput } from "../support/checkout";
import { testDb } from "../support/db";
import { paidOrder, settle, tempOutbox } from "../support/orders";

const prisma = testDb();
const options = { baseUrl: "http://store.test", gateway: demoGateway };
const userIds: string[] = [];
const orderIds: string[] = [];
let outbox: ReturnType<typeof tempOutbox>;

function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@accounts.test`;
}

async function makeUser(email = uniqueEmail("user"), verified = true) {
  const user = await prisma.user.create({ data: { email, emailVerified: verified ? new Date() : null } });
  userIds.push(user.id);
  return user;
}

async function variant(sku: string) {
  return prisma.variant.findUniqueOrThrow({ where: { sku }, select: { id: true, stock: true } });
}

async function guestOrder(email: string) {
  const order = await paidOrder(prisma, { lines: [["CRT-16-10", 1]], email, pay: false });
  orderIds.push(order.id);
  return order.id;
}

beforeAll(() => {
  outbox = tempOutbox();
});

afterAll(async () => {
  // Give back the stock the test orders hold, then remove the accounts (their
  // carts, addresses and sessions go with them; their orders stay, unowned).
  await settle(
    prisma,
    orderIds.map((id) => ({ id })),
  );
  await prisma.user.deleteMany({ where: { id: { in: userIds } } });
  outbox.restore();
  await prisma.$disconnect();
});

describe("signing in with a guest cart", () => {
  it("adds the guest cart's quantities to the account cart and deletes the guest cart", async () => {
    const user = await makeUser();
    const cartridge = await variant("CRT-16-10");
    const kit = await variant("KIT-HOME-S");
    // The account already has 2 cartridges; the guest cart has 3 more and a kit.
    await addToCart(prisma, { userId: user.id }, cartridge.id, 2);
    const guestToken = await cartWith(prisma, [
      ["CRT-16-10", 3],
      ["KIT-HOME-S", 1],
    ]);

    const result = await onSignIn(prisma, user.id, user.email, guestToken);
    expect(result.mergedLines).toBe(2);

    const cart = await loadCart(prisma, { userId: user.id });
    const quantities = Object.fromEntries(cart.lines.map((l) => [l.variantId, l.quantity]));
    expect(quantities).toEqual({ [cartridge.id]: 5, [kit.id]: 1 });
    expect(await prisma.cart.findUnique({ where: { tokenHash: hashToken(guestToken) } })).toBeNull();
    expect((await loadCart(prisma, guestToken)).lines).toEqual([]);
  });

  it("caps a summed line at 99 and at the stock", async () => {
    const user = await makeUser();
    const cartridge = await variant("CRT-16-10");
    const cap = Math.min(MAX_LINE_QUANTITY, cartridge.stock);
    expect(cap).toBeGreaterThan(10);
    await addToCart(prisma, { userId: user.id }, cartridge.id, cap - 5);
    const guestToken = await cartWith(prisma, [["CRT-16-10", 10]]);
    await onSignIn(prisma, user.id, user.email, guestToken);
    const cart = await loadCart(prisma, { userId: user.id });
    expect(cart.lines.map((l) => l.quantity)).toEqual([cap]);
  });

  it("turns the guest cart into the account's cart when it has none, and the old cookie no longer opens it", async () => {
    const user = await makeUser();
    const guestToken = await cartWith(prisma, [["CRT-16-10", 2]]);
    await onSignIn(prisma, user.id, user.email, guestToken);
    expect((await loadCart(prisma, { userId: user.id })).itemCount).toBe(2);
    expect((await loadCart(prisma, guestToken)).lines).toEqual([]);
    // The account cart can be changed as a guest cart can.
    const cartridge = await variant("CRT-16-10");
    await setCartQuantity(prisma, { userId: user.id }, cartridge.id, 4);
    expect((await loadCart(prisma, { userId: user.id })).itemCount).toBe(4);
  });

  it("does nothing with an unknown or malformed cart token", async () => {
    const user = await makeUser();
    await expect(onSignIn(prisma, user.id, user.email, "not-a-token")).resolves.toMatchObject({ mergedLines: 0 });
    await expect(onSignIn(prisma, user.id, user.email, null)).resolves.toMatchObject({ mergedLines: 0 });
    expect((await loadCart(prisma, { userId: user.id })).lines).toEqual([]);
  });
});

describe("guest orders at sign-in", () => {
  it("attaches unowned orders placed with the verified email, and no one else's", async () => {
    const email = uniqueEmail("orders");
    const user = await makeUser(email);
    const other = await makeUser();
    const mine = await guestOrder(email.toUpperCase()); // checkout stores emails lowercased
    const someoneElses = await guestOrder(uniqueEmail("stranger"));
    const ownedByOther = await guestOrder(email);
    await prisma.order.update({ where: { id: ownedByOther }, data: { userId: other.id } });

    const result = await onSignIn(prisma, user.id, email, null);
    expect(result.attachedOrders).toBe(1);
    const owners = await prisma.order.findMany({ where: { id: { in: [mine, someoneElses, ownedByOther] } }, select: { id: true, userId: true } });
    const ownerOf = Object.fromEntries(owners.map((o) => [o.id, o.userId]));
    expect(ownerOf[mine]).toBe(user.id);
    expect(ownerOf[someoneElses]).toBeNull();
    expect(ownerOf[ownedByOther]).toBe(other.id);
  });

  it("attaches nothing while the email is not verified", async () => {
    const email = uniqueEmail("unverified");
    const user = await makeUser(email, false);
    const order = await guestOrder(email);
    expect((await onSignIn(prisma, user.id, email, null)).attachedOrders).toBe(0);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order } })).userId).toBeNull();
  });

  it("gives an order placed while signed in to the account, from the account's cart", async () => {
    const user = await makeUser();
    const cartridge = await variant("CRT-16-10");
    await addToCart(prisma, { userId: user.id }, cartridge.id, 1);
    const result = await startCheckout(prisma, null, { ...validInput, email: user.email }, { ...options, userId: user.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    orderIds.push(result.orderId);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: result.orderId } })).userId).toBe(user.id);
  });
});

describe("saved addresses", () => {
  const address = { name: "Ada Lovelace", line1: "12 Marsh Lane", city: "Leeds", postalCode: "ls1 4ap", country: "GB" };

  it("are validated, with a message for each field", async () => {
    const user = await makeUser();
    const result = await addAddress(prisma, user.id, { ...address, name: " ", postalCode: "!!", country: "FR" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["country", "name", "postalCode"]);
    expect(await listAddresses(prisma, user.id)).toEqual([]);
  });

  it("can be deleted only by their owner", async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const added = await addAddress(prisma, owner.id, address);
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(await listAddresses(prisma, owner.id)).toEqual([expect.objectContaining({ id: added.id, postalCode: "LS1 4AP", line2: null })]);
    expect(await listAddresses(prisma, stranger.id)).toEqual([]);

    expect(await deleteAddress(prisma, stranger.id, added.id)).toBe(false);
    expect(await listAddresses(prisma, owner.id)).toHaveLength(1);
    expect(await deleteAddress(prisma, owner.id, added.id)).toBe(true);
    expect(await listAddresses(prisma, owner.id)).toEqual([]);
  });
});

describe("saved pen model", () => {
  it("accepts a catalog pen, refuses an unknown slug, and clears", async () => {
    const user = await makeUser();
    const pen = await prisma.penModel.findFirstOrThrow({ select: { slug: true, name: true } });
    expect(await savePenModel(prisma, user.id, pen.slug)).toEqual({ ok: true, slug: pen.slug });
    expect(await savedPenModel(prisma, user.id)).toEqual(pen);

    const refused = await savePenModel(prisma, user.id, "no-such-pen");
    expect(refused.ok).toBe(false);
    expect(await savedPenModel(prisma, user.id)).toEqual(pen);

    expect(await savePenModel(prisma, user.id, "")).toEqual({ ok: true, slug: null });
    expect(await savedPenModel(prisma, user.id)).toBeNull();
  });

  it("at sign-in keeps the account's pen, or saves the pen chosen as a guest when the account has none", async () => {
    const pens = await prisma.penModel.findMany({ select: { slug: true, name: true }, orderBy: { slug: "asc" }, take: 2 });
    const [first, second] = pens;
    if (!first || !second) throw new Error("the seed catalog has at least two pen models");
    const fresh = await makeUser();
    expect(await reconcilePenAtSignIn(prisma, fresh.id, first.slug)).toBe(first.slug);
    expect(await savedPenModel(prisma, fresh.id)).toEqual(first);

    expect(await reconcilePenAtSignIn(prisma, fresh.id, second.slug)).toBe(first.slug);
    expect(await savedPenModel(prisma, fresh.id)).toEqual(first);

    const none = await makeUser();
    expect(await reconcilePenAtSignIn(prisma, none.id, "no-such-pen")).toBeNull();
    expect(await reconcilePenAtSignIn(prisma, none.id, null)).toBeNull();
    expect(await savedPenModel(prisma, none.id)).toBeNull();
  });
});

describe("sign-in links", () => {
  it("are limited per email and per address, in the database, and each limit is independent", async () => {
    const now = new Date();
    const email = uniqueEmail("flood");
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;
    for (let n = 0; n < SIGN_IN_LIMITS.email.limit; n++) {
      expect((await allowSignInLink(prisma, email, `${ip}-${n}`, now)).allowed).toBe(true);
    }
    // A second instance sees the same count: the limit lives in the database.
    const other = testDb(1);
    try {
      const over = await allowSignInLink(other, email.toUpperCase(), `${ip}-x`, now);
      expect(over.allowed).toBe(false);
      expect(over.retryAfterSeconds).toBeGreaterThan(0);
      expect(over.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.email.windowSeconds);
    } finally {
      await other.$disconnect();
    }
    // Another address is not held back by that email...
    expect((await allowSignInLink(prisma, uniqueEmail("fresh"), `${ip}-y`, now)).allowed).toBe(true);
    // ...but one client asking for many addresses is.
    const results = [];
    for (let n = 0; n <= SIGN_IN_LIMITS.ip.limit; n++) results.push((await allowSignInLink(prisma, uniqueEmail(`spray${n}`), ip, now)).allowed);
    expect(results.filter((a) => !a)).toHaveLength(1);
    expect(results.at(-1)).toBe(false);
    // A new window starts afresh.
    const later = new Date(now.getTime() + SIGN_IN_LIMITS.email.windowSeconds * 1000);
    expect((await allowSignInLink(prisma, email, `${ip}-z`, later)).allowed).toBe(true);
  });
});
