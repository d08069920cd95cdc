// The owner edits products in the back office, and the storefront shows the
// change on its next page load. The edits are made to Pen Barrier Sleeves,
// which no other end-to-end test names, and are put back afterwards.
import path from "node:path";
import { test, expect, sessionFor } from "./fixtures";
import { withTestDb } from "../support/db";

const OWNER = "owner@example.com";
const SLUG = "pen-barrier-sleeves";
const EDIT = `/admin/products/${SLUG}`;
/** The owner's signed-in browser state: one sign-in for the file (sign-in links are limited per address). */
const OWNER_STATE = path.join("test-results", `admin-products-owner-${process.pid}.json`);

// One sign-in mail at a time for the owner, and one edit of the product at a time.
test.describe.configure({ mode: "serial" });

let original: { tagline: string; description: string; active: boolean };

test.beforeAll(async ({ browser }) => {
  // A fresh context: not the state this file's tests use (it does not exist yet).
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await sessionFor(page.context(), OWNER);
  await page.goto("/admin/products");
  await expect(page.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
  await context.storageState({ path: OWNER_STATE });
  await context.close();
  original = await withTestDb((prisma) =>
    prisma.product.findUniqueOrThrow({ where: { slug: SLUG }, select: { tagline: true, description: true, active: true } }),
  );
});

test.use({ storageState: OWNER_STATE });

test.afterAll(async () => {
  if (!original) return;
  await withTestDb(async (prisma) => {
    await prisma.$transaction([
      prisma.product.update({ where: { slug: SLUG }, data: original }),
      // The running store reads this within a second and drops the pages it cached.
      prisma.cacheInvalidation.create({ data: { tags: ["catalog"] } }),
    ]);
  });
});

test("a new tagline shows on the product's page at once", async ({ page }) => {
  await page.goto(EDIT);
  await expect(page.getByRole("heading", { level: 1, name: "Pen Barrier Sleeves" })).toBeVisible();
  // The storefront page, seen (and cached) before the edit.
  const store = await page.context().newPage();
  await store.goto(`/products/${SLUG}`);
  await expect(store.getByText(original.tagline).first()).toBeVisible();

  const tagline = `Fresh sleeves for every session ${Date.now()}.`;
  await page.getByLabel("Tagline").fill(tagline);
  await page.getByRole("button", { name: "Save copy" }).click();
  await expect(page.getByTestId("admin-notice")).toHaveText("Copy saved. The storefront shows it now.");
  await expect(page.getByLabel("Tagline")).toHaveValue(tagline);

  await store.reload();
  await expect(store.getByText(tagline).first()).toBeVisible();
  await expect(store.getByText(original.tagline)).toHaveCount(0);
});

test("a forbidden claim is refused next to the description, keeping what was typed", async ({ page }) => {
  await page.goto(EDIT);
  const typed = `${original.description}\n\nNow medical-grade, for a cleaner session.`;
  await page.getByLabel("Description").fill(typed);
  await page.getByRole("button", { name: "Save copy" }).click();

  const description = page.getByLabel("Description");
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#description-error")).toHaveText("“medical-grade” is a claim the store cannot make (medical-grade). Nothing was saved.");
  await expect(description).toHaveValue(typed);
  const saved = await withTestDb((prisma) => prisma.product.findUniqueOrThrow({ where: { slug: SLUG }, select: { description: true } }));
  expect(saved.description).toBe(original.description);
});

test("an inactive product's page is not found, and is back when made active", async ({ page }) => {
  await page.goto(EDIT);
  const store = await page.context().newPage();
  expect((await store.goto(`/products/${SLUG}`))!.status()).toBe(200);

  await page.getByRole("button", { name: "Make inactive" }).click();
  await expect(page.getByTestId("admin-notice")).toHaveText("The product is inactive: hidden from the store and not for sale.");
  await expect(page.getByTestId("product-active")).toContainText("Inactive");
  expect((await store.goto(`/products/${SLUG}`))!.status()).toBe(404);

  await page.goto("/admin/products?q=barrier");
  await expect(page.getByTestId("product-list").getByRole("listitem").filter({ hasText: "Pen Barrier Sleeves" })).toContainText("Inactive");

  await page.goto(EDIT);
  await page.getByRole("button", { name: "Make active" }).click();
  await expect(page.getByTestId("admin-notice")).toHaveText("The product is active: shown in the store and for sale.");
  expect((await store.goto(`/products/${SLUG}`))!.status()).toBe(200);
});

test("the edit pages fit a phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/admin/products/home-starter-kit", "/admin/products/precision-12-cartridge", "/admin/products"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.goto("/admin/products/home-starter-kit");
  await expect(page.getByRole("heading", { level: 2, name: "In the box" })).toBeVisible();
  await page.goto("/admin/products/precision-12-cartridge");
  await expect(page.getByRole("heading", { level: 2, name: "Fits these pens" })).toBeVisible();
});
