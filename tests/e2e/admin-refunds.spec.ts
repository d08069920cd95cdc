// The owner refunds one line of a demo-paid order from its refund page: the
// demo provider settles it at once, the page shows the partial refund, and
// the customer's mail is in the outbox. Staff see the payments but no form,
// and a refund posted by staff is the same 404 as a missing page.
import { randomBytes } from "node:crypto";
import { DEMO_OWNER_EMAIL } from "@/lib/config";
import { formatMoney } from "@/lib/catalog/format";
import { applyPaymentEvent } from "@/lib/orders/payment-events";
import { hashToken, newOrderId, newOrderNumber, orderAccessToken } from "@/lib/orders/tokens";
import { withTestDb } from "../support/db";
import { expect, sessionFor, test } from "./fixtures";

const A = "WIPE-ALC-50";
const B = "SPF-MIN-50";

/**
 * An order of one A and one B holding its stock, as checkout leaves one, then
 * paid through the demo provider's payment event (the store's own code; the
 * checkout modules need Next.js's runtime, which this process has not).
 */
async function demoPaidOrder() {
  return withTestDb(async (prisma) => {
    const id = newOrderId();
    const variants = await prisma.variant.findMany({ where: { sku: { in: [A, B] } }, include: { product: true }, orderBy: { sku: "asc" } });
    const total = variants.reduce((s, v) => s + v.priceCents, 0);
    const order = await prisma.$transaction(async (tx) => {
      for (const v of variants) await tx.variant.update({ where: { id: v.id }, data: { stock: { decrement: 1 } } });
      return tx.order.create({
        data: {
          id,
          number: newOrderNumber(),
          accessTokenHash: hashToken(orderAccessToken(id)),
          email: `refund-e2e-${randomBytes(4).toString("hex")}@example.com`,
          shipName: "Grace Hopper",
          shipLine1: "1 Test Street",
          shipCity: "Portland",
          shipPostalCode: "97201",
          shipCountry: "US",
          shippingMethodCode: "standard",
          shippingMethodName: "Standard",
          subtotalCents: total,
          discountCents: 0,
          shippingCents: 0,
          totalCents: total,
          currency: "USD",
          paymentProvider: "DEMO",
          holdExpiresAt: new Date(Date.now() + 30 * 60_000),
          items: {
            create: variants.map((v) => ({
              variantId: v.id,
              productSlug: v.product.slug,
              productKind: v.product.kind,
              name: v.product.name,
              variantLabel: v.label,
              sku: v.sku,
              unitPriceCents: v.priceCents,
              quantity: 1,
              lineTotalCents: v.priceCents,
            })),
          },
        },
        include: { items: true },
      });
    });
    const paid = await applyPaymentEvent(prisma, {
      provider: "DEMO",
      eventId: `demo:${id}:pay`,
      rawType: "demo.payment_succeeded",
      kind: "paid",
      orderId: id,
      amountCents: total,
      currency: "USD",
    });
    expect(paid.outcome).toBe("paid");
    return { id, number: order.number, order, a: order.items.find((i) => i.sku === A)! };
  });
}

test("the owner refunds one line of a demo-paid order; the page shows it and the customer is mailed", async ({ page }) => {
  const { number, order, a } = await demoPaidOrder();
  const path = `/admin/orders/${number}/refund`;
  await sessionFor(page.context(), DEMO_OWNER_EMAIL);
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await expect(page.getByTestId("refund-paid")).toHaveText(formatMoney(order.totalCents, order.currency));

  const line = page.getByTestId("refund-line").filter({ hasText: A });
  await line.getByLabel(/^Units to refund of/).fill("1");
  await expect(line.getByLabel("Put back into stock")).toBeChecked();
  await page.getByLabel("Reason").fill("The wipes arrived dried out.");
  await page.getByRole("button", { name: "Refund" }).click();

  await expect(page.getByTestId("admin-notice")).toContainText(`Refund of ${formatMoney(a.unitPriceCents, order.currency)}`);
  // The demo provider settles it through the job worker: look again until it shows.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("refund-refunded")).toHaveText(formatMoney(a.unitPriceCents, order.currency), { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const refund = page.getByTestId("refund-row");
  await expect(refund).toHaveCount(1);
  await expect(refund).toHaveAttribute("data-status", "SUCCEEDED");
  await expect(refund).toContainText("The wipes arrived dried out.");
  await expect(refund).toContainText(`1 × ${a.name}`);
  await expect(refund).toContainText(DEMO_OWNER_EMAIL);
  // Partial: the rest can still be refunded; the line refunded shows it.
  await expect(page.getByTestId("refund-line").filter({ hasText: A })).toContainText("All refunded");
  await expect(page.getByRole("button", { name: "Refund" })).toBeVisible();

  await expect(async () => {
    await page.goto("/outbox");
    await expect(page.getByRole("link", { name: new RegExp(`A refund for your Stillpoint order ${number}`) })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: new RegExp(`A refund for your Stillpoint order ${number}`) }).click();
  await expect(page.locator("pre")).toContainText("The rest of your order stands");
});

test("staff see the payments but no refund form, and a refund they post is a 404 that changes nothing", async ({ page }) => {
  const { id, number, order, a } = await demoPaidOrder();
  const email = `staff-refunds-${randomBytes(4).toString("hex")}@example.com`;
  await withTestDb((prisma) => prisma.staffMember.create({ data: { email, role: "STAFF", invitedBy: DEMO_OWNER_EMAIL } }));
  const path = `/admin/orders/${number}/refund`;
  await sessionFor(page.context(), email);
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("heading", { name: "Payments and refunds", exact: true })).toBeVisible();
  await expect(page.getByTestId("refund-paid")).toHaveText(formatMoney(order.totalCents, order.currency));
  await expect(page.getByRole("form", { name: /Refund order/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Refund" })).toHaveCount(0);

  const response = await page.request.post("/admin/actions/refund.create", {
    form: { orderId: id, orderNumber: number, reason: "Staff try.", amount: "", [`qty_${a.id}`]: "1", [`restock_${a.id}`]: "on" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(404);
  expect(await withTestDb((prisma) => prisma.refund.count({ where: { orderId: id } }))).toBe(0);
});
