// Variants marked homeUse = false are sold to verified professionals only: an
// account with a licence staff approved that has not run out. Nobody else can
// put one in a cart, keep one there, or check one out, with the same refusal;
// the rule is one function (lib/professional/eligibility.ts) that the cart,
// checkout and the payment event all ask.
import { afterAll, describe, expect, it } from "vitest";
import { addToCart, CartError, loadCart, setCartQuantity } from "@/lib/cart";
import { startCheckout } from "@/lib/checkout/start";
import { demoGateway } from "@/lib/payments/demo";
import { hashToken, newAccessToken } from "@/lib/orders/tokens";
import { cartWith, stockOf, validInput } from "../support/checkout";
import { testDb } from "../support/db";
import { applyPaymentEvent } from "@/lib/orders/payment-events";
import { markPacked } from "@/lib/orders/fulfilment";
import { PROFESSIONAL_ONLY_MESSAGE } from "@/lib/professional/eligibility";
import { readAcknowledgement } from "@/lib/professional/acknowledgement";
import { storeDay } from "@/lib/professional/applications";
import { licensedAccount } from "../support/professional";
import { sweepLicences } from "@/lib/professional/renewals";

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

/** An account with an approved licence expiring on `expiresOn` (YYYY-MM-DD), as staff approval makes it. */
async function professional(expiresOn: string, label = "pro") {
  const made = await licensedAccount(prisma, { email: `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`, expiresOn });
  return { ...made, owner: { userId: made.user.id } };
}

/** The demo provider's "paid" event for the whole order, as the demo payment page sends it. */
const payInFull = (order: { id: string; totalCents: number; currency: string }) =>
  applyPaymentEvent(prisma, {
    provider: "DEMO",
    eventId: `demo:${order.id}:pay`,
    rawType: "demo.payment_succeeded",
    kind: "paid",
    orderId: order.id,
    amountCents: order.totalCents,
    currency: order.currency,
  });

const dayAfter = (days: number) => storeDay(new Date(Date.now() + days * 86_400_000));

describe("verified professionals", () => {
  it("one refusal for a guest, an account that never applied and an account whose licence ran out", async () => {
    const kit = await variantId("KIT-PRO");
    const lapsed = await professional(dayAfter(40), "lapsed");
    await prisma.professionalLicence.update({ where: { id: lapsed.licence.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    const plain = await prisma.user.create({ data: { email: `plain-${Date.now()}@example.com` } });
    const refusals: string[] = [];
    for (const owner of [null, { userId: plain.id }, lapsed.owner]) {
      const error = await addToCart(prisma, owner, kit, 1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CartError);
      refusals.push((error as CartError).message);
    }
    expect(new Set(refusals)).toEqual(new Set([PROFESSIONAL_ONLY_MESSAGE]));
  });

  it("a valid licence lets the account add, change and check out professional-only items; the order records the licence and what was acknowledged", async () => {
    const pro = await professional(dayAfter(200));
    await addToCart(prisma, pro.owner, await variantId("KIT-PRO"), 1);
    await setCartQuantity(prisma, pro.owner, await variantId("KIT-PRO"), 2);
    await addToCart(prisma, pro.owner, await variantId("SRM-HA-30"), 1);
    const cart = await loadCart(prisma, pro.owner);
    expect(cart.professionalOnly).toEqual([]);
    expect(cart.lines.map((l) => [l.sku, l.quantity, l.professionalOnly])).toEqual([
      ["KIT-PRO", 2, true],
      ["SRM-HA-30", 1, false],
    ]);
    const result = await startCheckout(prisma, null, { ...validInput, email: pro.user.email }, { ...options, userId: pro.user.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const order = await prisma.order.findUniqueOrThrow({ where: { id: result.orderId }, include: { items: true } });
    expect(order.licenceId).toBe(pro.licence.id);
    const ack = readAcknowledgement(order.acknowledgement);
    expect(ack?.confirmedAt).toBe(order.contraindicationsConfirmedAt?.toISOString());
    // The Professional Kit's guide is the professional one: that version is what was confirmed.
    const kitItem = order.items.find((i) => i.sku === "KIT-PRO")!;
    expect(ack?.guides.map((g) => g.versionId)).toEqual([kitItem.guideVersionId]);
    expect(ack?.guides[0]).toMatchObject({ guideSlug: "professional-pen-guide" });
    // Paid while the licence holds: paid, not held.
    const paid = await payInFull(order);
    expect(paid.status).toBe("PAID");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).reviewHoldReason).toBeNull();
  });

  it("a home-only order records no licence", async () => {
    const pro = await professional(dayAfter(200));
    await addToCart(prisma, pro.owner, await variantId("CRT-36-10"), 1);
    const result = await startCheckout(prisma, null, { ...validInput, email: pro.user.email }, { ...options, userId: pro.user.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const order = await prisma.order.findUniqueOrThrow({ where: { id: result.orderId } });
    expect(order.licenceId).toBeNull();
    expect(readAcknowledgement(order.acknowledgement)?.guides.map((g) => g.guideSlug)).toEqual(["home-microneedling-guide"]);
  });

  it("an expired licence holds its items back in the cart and blocks the next checkout", async () => {
    const pro = await professional(dayAfter(200));
    await addToCart(prisma, pro.owner, await variantId("CRT-42-10"), 1);
    await addToCart(prisma, pro.owner, await variantId("SRM-HA-30"), 1);
    await prisma.professionalLicence.update({ where: { id: pro.licence.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    const cart = await loadCart(prisma, pro.owner);
    expect(cart.professionalOnly.map((l) => l.sku)).toEqual(["CRT-42-10"]);
    expect(cart.lines.map((l) => l.sku)).toEqual(["SRM-HA-30"]);
    const orders = await prisma.order.count();
    const result = await startCheckout(prisma, null, { ...validInput, email: pro.user.email }, { ...options, userId: pro.user.id });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.cart).toMatch(/verified professionals/);
    expect(await prisma.order.count()).toBe(orders);
  });

  it("a payment that arrives after the licence ran out is taken but held for review; nothing packs it until staff release it", async () => {
    const pro = await professional(dayAfter(200));
    await addToCart(prisma, pro.owner, await variantId("KIT-PRO"), 1);
    const result = await startCheckout(prisma, null, { ...validInput, email: pro.user.email }, { ...options, userId: pro.user.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await prisma.professionalLicence.update({ where: { id: pro.licence.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    const order = await prisma.order.findUniqueOrThrow({ where: { id: result.orderId } });
    const paid = await payInFull(order);
    expect(paid.status).toBe("PAID");
    const held = await prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
    expect(held.reviewHoldReason).toMatch(/KIT-PRO/);
    expect(held.events.find((e) => e.kind === "held")?.customerVisible).toBe(false);
    await expect(markPacked(prisma, order.id)).rejects.toThrow(/held for review/);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
  });

  it("the licence sweep reminds once 30 days ahead, and takes professional-only items out of the cart once the licence has expired", async () => {
    const pro = await professional(dayAfter(20));
    await addToCart(prisma, pro.owner, await variantId("CRT-42-10"), 1);
    await addToCart(prisma, pro.owner, await variantId("SRM-HA-30"), 1);
    await sweepLicences(prisma);
    const reminded = await prisma.professionalLicence.findUniqueOrThrow({ where: { id: pro.licence.id } });
    expect(reminded.reminderSentAt).not.toBeNull();
    expect(await prisma.job.count({ where: { dedupeKey: `mail:professional-renewal:${pro.licence.id}` } })).toBe(1);
    await sweepLicences(prisma);
    expect(await prisma.professionalEvent.count({ where: { applicationId: pro.application.id, kind: "reminded" } })).toBe(1);
    // The day after expiry.
    const later = new Date(pro.licence.validUntil.getTime() + 60_000);
    await sweepLicences(prisma, later);
    const cart = await prisma.cart.findUniqueOrThrow({ where: { userId: pro.user.id }, include: { items: { include: { variant: true } } } });
    expect(cart.items.map((i) => i.variant.sku)).toEqual(["SRM-HA-30"]);
    expect(await prisma.professionalEvent.count({ where: { applicationId: pro.application.id, kind: "expired" } })).toBe(1);
  });
});
