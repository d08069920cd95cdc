import { expect, test } from "./fixtures";

test("a visitor finds every kit from the home page", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("instructions included");
  await page.getByRole("link", { name: "Browse pen kits" }).click();
  await expect(page).toHaveURL(/\/shop\/kits$/);
  const names = await page.getByTestId("product-grid").getByRole("heading", { level: 3 }).allTextContents();
  expect(names.sort()).toEqual(["Home Complete Kit", "Home Starter Kit", "Professional Kit"]);
});

test("choosing a pen narrows cartridges to those that fit, and is remembered", async ({ page }) => {
  await page.goto("/shop/cartridges");
  const all = await page.getByTestId("product-grid").getByRole("listitem").count();
  await page.getByLabel("Which pen do you have?").selectOption({ label: "Stillpoint H0 Home Pen (first edition)" });
  await page.getByRole("button", { name: "Remember my pen" }).click();
  await expect(page.getByTestId("pen-notice")).toContainText("Stillpoint H0 Home Pen (first edition)");
  const fitting = await page.getByTestId("product-grid").getByRole("heading", { level: 3 }).allTextContents();
  expect(fitting.length).toBeLessThan(all);
  expect(fitting).not.toContain("Coverage 36 Cartridge");
  expect(fitting).toContain("Precision 12 Cartridge");

  // Then a needle configuration, through the filter form.
  await page.getByLabel("Needle configuration").selectOption({ label: "12 pins" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/config=12-pin/);
  expect(await page.getByTestId("product-grid").getByRole("heading", { level: 3 }).allTextContents()).toEqual(["Precision 12 Cartridge"]);

  // The choice survives a fresh visit.
  await page.goto("/shop/cartridges");
  await expect(page.getByTestId("pen-notice")).toContainText("your saved pen");
  // And a cartridge that does not fit says so on its page.
  await page.goto("/products/coverage-36-cartridge");
  await expect(page.getByTestId("fit-warning")).toContainText(/does not fit the .+ you told us you have/);
});

test("a kit page shows price, stock, what is in the box and structured data", async ({ page }) => {
  await page.goto("/products/home-starter-kit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Home Starter Kit");
  await expect(page.getByTestId("price")).toHaveText("$119.00");
  await expect(page.getByTestId("stock-status")).toHaveText(/In stock|Only \d+ left/);
  const box = page.getByTestId("kit-contents");
  await expect(box).toContainText("Stillpoint H1 Home Pen");
  await expect(box).toContainText("Home Sharps Container");
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld["@type"]).toBe("Product");
  expect(ld.offers).toHaveLength(1);
  expect(ld.offers[0]).toMatchObject({ sku: "KIT-HOME-S", price: "119.00", priceCurrency: "USD" });
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Home Starter Kit");
});

test("choosing a variant changes the URL, price and stock", async ({ page }) => {
  await page.goto("/products/coverage-36-cartridge");
  await expect(page.getByTestId("price")).toHaveText("$21.99");
  // Sizes are radio buttons of the add-to-cart form: the page stays static HTML and the choice is made in the browser.
  await page.getByRole("radio", { name: /25 cartridges/ }).check();
  await expect(page).toHaveURL(/variant=CRT-36-25/);
  await expect(page.getByTestId("price")).toHaveText("$47.99");
  await expect(page.getByTestId("stock-status")).toHaveText("Out of stock");
  await expect(page.getByTestId("compatible-pens")).toContainText("Stillpoint H1 Home Pen");
  await expect(page.getByTestId("compatible-pens")).not.toContainText("H0");
});

test("a size chosen before the page's scripts have run is the one shown and added once they do", async ({ page }) => {
  // Catalog pages load their scripts after the first paint (decision 0021): hold them back until the shopper has chosen.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  // Held scripts hold back the load event too: the page is read and used as soon as its HTML is in.
  await page.goto("/products/precision-12-cartridge", { waitUntil: "domcontentloaded" });
  await page.getByRole("radio", { name: /25 cartridges/ }).check();
  release();
  await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
  await expect(page.getByRole("radio", { name: /25 cartridges/ })).toBeChecked();
  await expect(page).toHaveURL(/variant=CRT-12-25/);
  const price = (await page
    .getByRole("radio", { name: /25 cartridges/ })
    .locator("xpath=..")
    .textContent())!.match(/\$[\d.]+/)![0];
  await expect(page.getByTestId("price")).toHaveText(price);
});

test("search finds products by word", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Search the store").fill("sharps");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/shop\?q=sharps/);
  await expect(page.getByTestId("product-grid")).toContainText("Home Sharps Container");
});

test("a mistyped search finds the cartridges and keeps the query in its box", async ({ page }) => {
  await page.goto("/shop?q=catridge");
  const grid = page.getByTestId("product-grid");
  await expect(grid).toContainText("Balance 16 Cartridge");
  await expect(grid).toContainText("Precision 12 Cartridge");
  // The cartridges lead: the first card is one.
  await expect(grid.getByRole("listitem").first()).toContainText("Cartridge");
  await expect(page.getByLabel("Search products")).toHaveValue("catridge");
  await expect(page.getByRole("heading", { name: /products matching “catridge”/ })).toBeVisible();
  // Searching again from the box keeps the new query there.
  await page.getByLabel("Search products").fill("16pin");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/shop\?q=16pin/);
  await expect(page.getByLabel("Search products")).toHaveValue("16pin");
  await expect(grid.getByRole("listitem").first()).toContainText("Balance 16 Cartridge");
});

test("a search that finds nothing suggests the nearest words and products, and blames no filter that was not set", async ({ page }) => {
  await page.goto("/shop?q=sunscrn");
  const nothing = page.getByTestId("nothing-found");
  await expect(nothing).toContainText("We found nothing for “sunscrn”");
  await expect(nothing).not.toContainText("filter");
  await expect(page.getByTestId("closest-products").getByRole("link", { name: "Mineral Broad-Spectrum SPF 30 Sunscreen" })).toBeVisible();
  await expect(page.getByLabel("Search products")).toHaveValue("sunscrn");
  await page.getByTestId("did-you-mean").click();
  await expect(page).toHaveURL(/\/shop\?q=sunscreen/);
  await expect(page.getByTestId("product-grid")).toContainText("Mineral Broad-Spectrum SPF 30 Sunscreen");

  // With a filter set, and the search finding products the filter hides: say so, and offer them.
  await page.goto("/shop?q=serum&config=12-pin");
  await expect(page.getByTestId("nothing-found")).toContainText("match “serum”, but not with the filters you chose");
  await page.getByRole("link", { name: "Show them without the filters" }).click();
  await expect(page).toHaveURL(/\/shop\?q=serum$/);
  await expect(page.getByTestId("product-grid")).toContainText("Soothing Hydrating Serum");
});

test("the browser's default /favicon.ico is the store's icon, not a 404", async ({ request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(await icon.text()).toContain("<svg");
});

test("on a phone, kit, cartridge and guide pages fit the screen: nothing scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of [
    "/products/home-starter-kit",
    "/products/professional-kit",
    "/products/precision-12-cartridge",
    "/instructions/home-microneedling-guide",
    "/cart",
    "/signin",
  ]) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(390);
  }
});
