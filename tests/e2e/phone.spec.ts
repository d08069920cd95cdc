// The store on a phone: no page scrolls sideways at 320–430 px, the
// navigation sits behind a Menu button, a listing opens on its products with
// the filters folded behind "Filter and sort" (active ones as removable
// chips), and on a long kit page "Add to cart" stays in reach.
import { expect, test } from "./fixtures";

const PAGES = [
  "/",
  "/shop",
  "/shop/kits",
  "/shop/cartridges?config=12-pin",
  "/shop?q=cartridge",
  "/products/home-complete-kit",
  "/products/balance-16-cartridge",
  "/products/soothing-hydrating-serum",
  "/instructions",
  "/instructions/home-microneedling-guide",
  "/cart",
  "/track",
  "/signin",
];

for (const width of [320, 390, 430]) {
  test(`no page scrolls sideways at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    for (const path of PAGES) {
      await page.goto(path);
      const { scroll, viewport } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      expect(scroll, `${path} at ${width} px`).toBeLessThanOrEqual(viewport);
    }
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the sections are behind a Menu button", async ({ page }) => {
    await page.goto("/");
    const sections = page.getByRole("navigation", { name: "Shop" });
    await expect(sections).toBeHidden();
    await page.getByText("Menu", { exact: true }).click();
    await expect(sections).toBeVisible();
    await sections.getByRole("link", { name: "Needle cartridges" }).click();
    await expect(page).toHaveURL(/\/shop\/cartridges$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Needle cartridges");
  });

  test("a listing opens on its products, with the filters folded and the active ones as chips", async ({ page }) => {
    await page.goto("/shop/cartridges?config=12-pin");
    // The first product is on the first screen.
    const first = page.getByTestId("product-grid").getByRole("listitem").first();
    expect((await first.boundingBox())!.y).toBeLessThan(844);
    await expect(page.locator("#filter-config")).toBeHidden();
    await expect(page.getByText("Filter and sort")).toContainText("1 active");

    const chip = page.getByRole("link", { name: "Remove filter: Needle configuration: 12 pins" });
    await expect(chip).toBeVisible();
    await chip.click();
    await expect(page).toHaveURL(/\/shop\/cartridges$/);
    await expect(page.getByTestId("active-filters")).toHaveCount(0);

    await page.getByText("Filter and sort").click();
    await page.locator("#filter-config").selectOption({ label: "16 pins" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/config=16-pin/);
    await expect(page.getByRole("link", { name: "Remove filter: Needle configuration: 16 pins" })).toBeVisible();
  });

  test("on a long kit page, Add to cart stays in reach and says what it added", async ({ page }) => {
    await page.goto("/products/home-starter-kit");
    await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
    const bar = page.getByTestId("buy-bar");
    const ownButton = page.locator("#add-to-cart").getByRole("button", { name: "Add to cart" });
    // While the form's own button is on screen the bar is not needed...
    await ownButton.scrollIntoViewIfNeeded();
    await expect(bar).toBeHidden();
    // ...and deep in the instructions it is there.
    await page.locator("#main section").last().scrollIntoViewIfNeeded();
    await expect(ownButton).not.toBeInViewport();
    await expect(bar).toBeVisible();
    await bar.getByRole("button", { name: "Add to cart" }).click();
    const added = page.getByTestId("added");
    await expect(added).toContainText("Added Home Starter Kit to your cart.");
    await expect(added).toContainText("Cart subtotal");
    await expect(added).toBeInViewport();
    await expect(page.getByTestId("cart-count")).toHaveText(/1/);
    await added.getByRole("button", { name: "Keep shopping" }).click();
    await expect(added).toHaveCount(0);
  });
});

test("on a desktop the filters are open beside the products and the sections are a row", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/shop/cartridges");
  await expect(page.locator("#filter-config")).toBeVisible();
  await expect(page.getByText("Filter and sort")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Shop" }).getByRole("link", { name: "Pen kits" })).toBeVisible();
  await expect(page.getByText("Menu", { exact: true })).toBeHidden();
  // The header's links share one row with the store's name.
  const name = await page.getByRole("link", { name: "Stillpoint" }).first().boundingBox();
  const cart = await page.getByTestId("cart-link").boundingBox();
  expect(Math.abs(name!.y + name!.height / 2 - (cart!.y + cart!.height / 2))).toBeLessThan(12);
});
