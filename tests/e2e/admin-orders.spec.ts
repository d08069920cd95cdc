// The owner finds a customer's paid order in the back office by email, packs
// it and ships part of it with a tracking number; the customer's shipped mail
// and tracking page show that parcel. The list and the order page fit a
// phone without sideways scrolling. One test, so the owner signs in once
// (sign-in links are rate limited per email).
import type { Page } from "@playwright/test";
import { addToCart, expect, fillCheckout, orderNumberOn, sessionFor, test } from "./fixtures";

const OWNER = "owner@example.com";
const TRACKING = "1Z999AA10555666777";

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, "page wider than the screen").toBeLessThanOrEqual(widths.client);
}

test("the owner ships part of a paid order; the customer's mail and tracking page show the parcel", async ({ page }) => {
  // A whole journey (buy, sign in, pack, ship, mail, tracking page, phone): longer than most.
  test.setTimeout(180_000);
  // A guest buys a kit and a cleanser through the demo checkout.
  const email = `admin-orders-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  await page.goto("/products/home-starter-kit");
  await addToCart(page);
  await expect(page.getByText("Added Home Starter Kit")).toBeVisible();
  await page.goto("/products/gentle-cleanser");
  await addToCart(page);
  await expect(page.getByText(/^Added /).first()).toBeVisible();
  await page.goto("/checkout");
  await fillCheckout(page, { email, name: "Mae Jemison", line1: "9 Endeavour Way", city: "Decatur", region: "AL", postalCode: "35601" });
  await page.getByRole("checkbox", { name: /who must not use these products/ }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("order-heading")).toHaveText("Thank you, your order is confirmed");
  const orderNumber = await orderNumberOn(page);

  // The owner finds it by (part of) the email.
  await sessionFor(page.context(), OWNER);
  await page.goto("/admin/orders");
  await expect(page).toHaveURL(/\/admin\/orders$/);
  await page.getByLabel("Order number, email or name").fill(email.slice(0, 30).toUpperCase());
  await page.getByRole("search", { name: "Find orders" }).getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("order-count")).toHaveText("1 order");
  await page.getByTestId("order-table").getByRole("link", { name: orderNumber }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(orderNumber);
  await expect(page.getByTestId("admin-order-safety")).toContainText("confirmed");
  await expect(page.getByTestId("admin-order-timeline")).toContainText("Order placed.");

  await page.getByRole("button", { name: "Mark packed" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText("packed");

  // Ship the kit now, the cleanser later; a missing tracking number first comes back next to its field.
  const ship = page.getByRole("form", { name: `Ship ${orderNumber}` });
  await ship.getByLabel("Carrier").selectOption("UPS");
  await ship.getByLabel(/Gentle/).fill("0");
  await ship.getByRole("button", { name: "Ship this parcel" }).click();
  await expect(page.locator("#trackingNumber-error")).toContainText("tracking number");
  await ship.getByLabel("Tracking number").fill(TRACKING);
  await ship.getByLabel(/Gentle/).fill("0");
  await ship.getByRole("button", { name: "Ship this parcel" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText("still to ship");
  await expect(page.getByTestId("admin-order-status")).toContainText("partly shipped");
  await expect(page.getByTestId("admin-order-shipments")).toContainText(TRACKING);
  await expect(page.getByTestId("admin-order-timeline")).toContainText(OWNER);
  // The ship form now offers only the cleanser.
  await expect(page.getByRole("form", { name: `Ship ${orderNumber}` }).getByLabel(/Home Starter Kit/)).toHaveCount(0);

  // The customer's mail for this parcel names the carrier and the tracking number, and links to the order.
  let mailText = "";
  await expect(async () => {
    await page.goto("/outbox");
    await page
      .getByRole("link", { name: new RegExp(`${orderNumber} is on its way`) })
      .first()
      .click({ timeout: 1_000 });
    mailText = (await page.locator("pre").textContent({ timeout: 1_000 }))!;
  }).toPass({ timeout: 20_000 });
  expect(mailText).toContain(TRACKING);
  expect(mailText).toContain("UPS");
  expect(mailText).toContain("Part of your order");
  const link = new URL(mailText.match(/https?:\/\/\S+\/track\/[A-Za-z0-9_-]{43}/)![0]);

  await page.goto(link.pathname);
  const parcel = page.getByTestId("order-shipment");
  await expect(parcel).toHaveCount(1);
  await expect(parcel).toContainText(TRACKING);
  await expect(parcel).toContainText("Home Starter Kit");
  await expect(page.getByTestId("order-partly-shipped")).toBeVisible();
  await expect(page.getByTestId("order-events")).toContainText(TRACKING);
  // Who at the shop did it is not the customer's business.
  await expect(page.getByTestId("order-events")).not.toContainText(OWNER);

  // On a phone: the list (cards, not the table) and the order page fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/admin/orders?q=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("order-card")).toHaveCount(1);
  await expect(page.getByTestId("order-table")).toBeHidden();
  await noSidewaysScroll(page);
  await page.getByTestId("order-card").getByRole("link", { name: orderNumber }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(orderNumber);
  await noSidewaysScroll(page);
  await page.goto("/admin/orders");
  await noSidewaysScroll(page);

  // An order number that is malformed or unknown is the back office's plain 404.
  for (const path of ["/admin/orders/SP-ZZZZ-ZZZ1", "/admin/orders/not-a-number", "/admin/orders/%3Cscript%3E"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
