// The whole purchase as a shopper makes it, on a phone and on a desktop:
// home → a kit → its instructions → add → the cart count → checkout with the
// total shown → pay →
// the confirmation with the instructions. Every page on the way is scanned
// with axe (WCAG 2 A and AA rules; no serious or critical violation), must not
// scroll sideways, and logs no console error (the fixtures fail a test on one).
// Its own project, after every other: it buys a kit, and other tests count
// kit stock and rate limits exactly.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, fillCheckout, test } from "./fixtures";

async function checkPage(page: Page, name: string) {
  await page.waitForLoadState("load");
  // After a client-side navigation Next.js streams the new page's metadata in: scan once its title is set.
  await expect(page, `${name}: the page has a title`).toHaveTitle(/\S/);
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
  expect(scroll, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(viewport);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")}`,
    );
  expect(serious, `${name}: axe`).toEqual([]);
}

for (const [device, viewport] of [
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1280, height: 800 }],
] as const) {
  test(`on a ${device}, a shopper goes from the home page to a confirmed order, every page accessible`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);

    await page.goto("/");
    await checkPage(page, "home");
    if (device === "phone") await page.getByText("Menu", { exact: true }).click();
    await page.getByRole("navigation", { name: "Shop" }).getByRole("link", { name: "Pen kits" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pen kits");
    await checkPage(page, "kits listing");

    await page.getByRole("link", { name: "Home Complete Kit" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Home Complete Kit");
    await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
    await checkPage(page, "kit page");

    // The instructions, from their contents.
    // Clicked again if a late commit of the client-side navigation that brought the page
    // here rewrote the address without the fragment (seen once in CI on a loaded machine);
    // a link that never sets the fragment still fails.
    const contentsLink = page.getByRole("navigation", { name: "Instructions contents" }).getByRole("link", { name: "Who must not use it" });
    await expect(async () => {
      await contentsLink.click();
      await expect(page).toHaveURL(/#who-must-not-use$/, { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.locator("#who-must-not-use")).toBeInViewport();

    // Add: the count in the header changes without a reload, and the note says what was added.
    await page.locator("#add-to-cart").getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByTestId("added")).toContainText("Added Home Complete Kit to your cart.");
    await expect(page.getByTestId("cart-count")).toContainText("1");
    await page.getByRole("link", { name: "View cart and check out" }).click();

    await expect(page.getByTestId("cart-lines")).toContainText("Home Complete Kit");
    await checkPage(page, "cart");
    await page.getByRole("link", { name: "Check out" }).click();

    await expect(page.getByLabel("Email")).toBeVisible();
    await checkPage(page, "checkout");
    await fillCheckout(page, { email: `walk-${device}@example.com` });
    await page.getByRole("checkbox", { name: /who must not use these products/ }).check();
    // The total, shipping included, is shown before continuing, and is what the payment page asks for.
    const total = (await page.getByTestId("total-by-button").textContent())!.trim();
    expect(total).toMatch(/^\$\d+\.\d\d$/);
    await page.getByRole("button", { name: "Continue to payment" }).click();

    await expect(page).toHaveURL(/\/pay\/demo\//);
    await expect(page.getByTestId("demo-total")).toContainText(total);
    await checkPage(page, "payment");
    await page.getByRole("button", { name: /^Pay / }).click();

    await expect(page.getByTestId("order-heading")).toHaveText("Thank you, your order is confirmed");
    await expect(page.getByTestId("order-instructions").first().getByRole("heading", { name: "Who must not use it" })).toBeVisible();
    await checkPage(page, "confirmation");
  });
}
