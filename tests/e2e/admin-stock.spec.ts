// Stock in the back office, as a staff member uses it: find a variant, count
// it, receive a delivery with a reference, and see the history, the new
// figure and the storefront follow. A mistyped quantity comes back next to
// its field with the rest of the form as typed. Readable on a phone.
// It moves the stock of one variant no other test buys or counts, and puts it
// back afterwards.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { testDb } from "../support/db";
import { expect, sessionFor, test } from "./fixtures";

const SKU = "CRT-MIX-6";
const PRODUCT_PATH = "/products/starter-mixed-cartridge-pack";

async function staffMember(): Promise<string> {
  const email = `stock-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@example.com`;
  const prisma = testDb(1);
  try {
    await prisma.staffMember.create({ data: { email, role: "STAFF", invitedBy: "owner@example.com" } });
  } finally {
    await prisma.$disconnect();
  }
  return email;
}

async function adjust(page: Page, reason: string, quantity: string, reference = "") {
  await page.getByLabel("Reason").selectOption(reason);
  await page.getByLabel("Quantity", { exact: true }).fill(quantity);
  await page.getByLabel("Reference (optional)").fill(reference);
  await page.getByRole("button", { name: "Save adjustment" }).click();
}

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.scroll, `no sideways scroll on ${page.url()}`).toBeLessThanOrEqual(widths.view);
}

test.describe.configure({ mode: "serial" });

let original = 0;

test.beforeAll(async () => {
  const prisma = testDb(1);
  try {
    original = (await prisma.variant.findUniqueOrThrow({ where: { sku: SKU } })).stock;
  } finally {
    await prisma.$disconnect();
  }
});

test.afterAll(async () => {
  // Back to the seeded level ("In stock", as after this test), so the band is unchanged for everything after.
  const prisma = testDb(1);
  try {
    await prisma.variant.update({ where: { sku: SKU }, data: { stock: original } });
  } finally {
    await prisma.$disconnect();
  }
});

test("a staff member counts a variant, receives ten with a reference, and the history, figures and storefront follow", async ({ page, context }) => {
  const email = await staffMember();
  await sessionFor(page.context(), email);
  await page.goto("/admin/stock");
  await expect(page.getByRole("heading", { name: "Stock", level: 1 })).toBeVisible();

  await page.getByLabel("Search by product, variant or SKU").fill(SKU);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/admin\/stock\?q=CRT-MIX-6/);
  const row = page.getByTestId("stock-row").filter({ hasText: SKU });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").click();
  await expect(page.getByRole("heading", { name: /Starter Mixed Cartridge Pack/i, level: 1 })).toBeVisible();

  // A count: nothing is left on the shelf.
  await adjust(page, "COUNT_CORRECTION", "0", "Shelf count");
  await expect(page.getByTestId("admin-notice")).toContainText("Free to sell now: 0");
  await expect(page.getByTestId("figure-free-value")).toHaveText("0");
  const shop = await context.newPage();
  await shop.goto(PRODUCT_PATH);
  await expect(shop.getByTestId("stock-status")).toHaveText("Out of stock");

  // A delivery of ten, with its delivery note.
  const reference = `DN-${randomBytes(3).toString("hex").toUpperCase()}`;
  await adjust(page, "RECEIVED", "10", reference);
  await expect(page.getByTestId("admin-notice")).toContainText(`Received for ${SKU} saved (+10). Free to sell now: 10.`);
  await expect(page.getByTestId("figure-free-value")).toHaveText("10");
  const latest = page.getByTestId("stock-history-line").first();
  await expect(latest).toContainText("Received +10");
  await expect(latest).toContainText("Free to sell after: 10");
  await expect(latest).toContainText(`Reference: ${reference}`);
  await expect(latest).toContainText(email);
  await expect(page.getByTestId("stock-history-line").nth(1)).toContainText("Count correction");

  // The storefront shows it back in stock.
  await shop.goto(PRODUCT_PATH);
  await expect(shop.getByTestId("stock-status")).toHaveText("In stock");
  await shop.close();

  // A mistyped quantity: the message sits next to the field, the reference stays as typed, nothing changes.
  const historyLines = await page.getByTestId("stock-history-line").count();
  await adjust(page, "DAMAGED", "2.5", "Crushed carton 7");
  const quantity = page.getByLabel("Quantity", { exact: true });
  await expect(quantity).toHaveAttribute("aria-invalid", "true");
  await expect(quantity).toHaveAccessibleDescription(/Enter a whole number, like 10/);
  await expect(page.locator("#quantity-error")).toHaveText(/Enter a whole number, like 10/);
  await expect(quantity).toHaveValue("2.5");
  await expect(page.getByLabel("Reference (optional)")).toHaveValue("Crushed carton 7");
  await expect(page.getByLabel("Reason")).toHaveValue("DAMAGED");
  await expect(page.getByTestId("figure-free-value")).toHaveText("10");
  await expect(page.getByTestId("stock-history-line")).toHaveCount(historyLines);

  // More taken off than is free: refused at the field, nothing changes.
  await adjust(page, "DAMAGED", "11", "Crushed carton 7");
  await expect(page.locator("#quantity-error")).toHaveText(/Only 10 units are free to sell/);
  await expect(page.getByTestId("figure-free-value")).toHaveText("10");
  await expect(page.getByTestId("stock-history-line")).toHaveCount(historyLines);
});

test("the stock pages fit a phone without sideways scrolling", async ({ page }) => {
  const email = await staffMember();
  await page.setViewportSize({ width: 390, height: 844 });
  await sessionFor(page.context(), email);
  await page.goto("/admin/stock");
  await expect(page.getByTestId("stock-row").first()).toBeVisible();
  await noSidewaysScroll(page);

  await page.goto("/admin/stock?low=1");
  await expect(page.getByRole("heading", { name: "Low stock", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Low stock only")).toBeChecked();
  await noSidewaysScroll(page);

  await page.goto(`/admin/stock?q=${SKU}`);
  await page.getByTestId("stock-row").filter({ hasText: SKU }).getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Adjust stock" })).toBeVisible();
  await noSidewaysScroll(page);
});
