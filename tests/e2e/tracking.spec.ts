// A guest buys, looks the order up by number and email, opens the emailed
// tracking link, and follows the order as the shop ships it; the aftercare
// calendar downloads. A wrong email gets the very same answer.
import { readFileSync } from "node:fs";
import { testDb } from "../support/db";
import { markPacked, markShipped, orderIdByNumber } from "@/lib/orders/fulfilment";
import { addToCart, expect, fillCheckout, orderNumberOn, test } from "./fixtures";

const SAME_MESSAGE = "If an order matches, we have sent a link to that email address.";

test("a guest looks up an order, opens the emailed link and follows it to shipped", async ({ page }) => {
  const email = `track-${Date.now()}@example.com`;
  await page.goto("/products/home-starter-kit");
  await addToCart(page);
  await expect(page.getByText("Added Home Starter Kit")).toBeVisible();
  await page.goto("/checkout");
  await fillCheckout(page, { email, name: "Katherine Johnson", line1: "3 Orbit Road", city: "Hampton", region: "", postalCode: "23666" });
  await page.getByRole("checkbox", { name: /who must not use these products/ }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("order-heading")).toHaveText("Thank you, your order is confirmed");
  const orderNumber = await orderNumberOn(page);
  // The confirmation page shows the same tracking block.
  await expect(page.getByTestId("order-timeline").locator('[data-state="current"]')).toContainText("Paid");

  // Wrong email: the same message, and no mail.
  await page.goto("/track");
  await page.getByLabel("Order number").fill(orderNumber);
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByTestId("lookup-status")).toHaveText(SAME_MESSAGE);

  await page.goto("/track");
  await page.getByLabel("Order number").fill(orderNumber.toLowerCase());
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByTestId("lookup-status")).toHaveText(SAME_MESSAGE);

  // The mail is sent by the job worker after the answer: look again until it is there (exactly one).
  await expect(async () => {
    await page.goto("/outbox");
    await expect(page.getByRole("link", { name: new RegExp(`tracking link for .*${orderNumber}`) })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: new RegExp(`tracking link for .*${orderNumber}`) }).click();
  const text = (await page.locator("pre").textContent())!;
  const link = new URL(text.match(/https?:\/\/\S+\/track\/[A-Za-z0-9_-]{43}/)![0]);

  await page.goto(link.pathname);
  await expect(page.getByTestId("order-heading")).toBeVisible();
  await expect(page.getByText(`Order ${orderNumber}`)).toBeVisible();
  const current = page.getByTestId("order-timeline").locator('[data-state="current"]');
  await expect(current).toContainText("Paid");
  await expect(page.getByTestId("order-shipment")).toHaveCount(0);
  // A forwarded tracking link does not show the address.
  await expect(page.getByText("3 Orbit Road")).toHaveCount(0);

  const prisma = testDb(1);
  try {
    const id = (await orderIdByNumber(prisma, orderNumber))!;
    await markPacked(prisma, id);
    await markShipped(prisma, id, { carrier: "UPS", trackingNumber: "1Z999AA10123456784" });
  } finally {
    await prisma.$disconnect();
  }
  await page.reload();
  await expect(current).toContainText("Shipped");
  await expect(page.getByTestId("order-timeline").locator('[data-state="done"]')).toHaveCount(2);
  await expect(page.getByTestId("order-shipment")).toContainText("UPS");
  await expect(page.getByTestId("order-shipment")).toContainText("1Z999AA10123456784");
  await expect(page.getByRole("link", { name: /Track it on UPS/ })).toHaveAttribute("href", "https://www.ups.com/track?tracknum=1Z999AA10123456784");

  // The aftercare calendar, through the plain GET form.
  await page.getByLabel("Treatment date").fill("2026-03-10");
  await page.getByLabel("Depth", { exact: true }).selectOption("0.5");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe(`aftercare-${orderNumber}-2026-03-10.ics`);
  const ics = readFileSync((await download.path())!, "utf8");
  expect(ics).toContain("BEGIN:VCALENDAR\r\n");
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
  expect(ics).toContain("DTSTART;VALUE=DATE:20260311");
  expect(ics).toContain("DTSTART;VALUE=DATE:20260407"); // +28 days at 0.5 mm

  // Bad input is a plain 400, never a 500.
  const bad = await page.request.get(`${link.pathname}/aftercare.ics?date=2026-02-30&depth=0.5`);
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("YYYY-MM-DD");
});

test("an unknown or altered tracking link is a plain 404", async ({ page }) => {
  const response = await page.goto("/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  expect(response?.status()).toBe(404);
  const ics = await page.request.get("/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/aftercare.ics?date=2026-03-10&depth=0.5");
  expect(ics.status()).toBe(404);
});

test("malformed lookup input is explained next to each field", async ({ page }) => {
  await page.goto("/track");
  await page.getByLabel("Order number").fill("12345");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.locator("#orderNumber-error")).toContainText("SP-7K4Q-9XM2");
  await expect(page.locator("#email-error")).toContainText("email address");
  await expect(page.getByTestId("lookup-status")).toHaveText("");
});
