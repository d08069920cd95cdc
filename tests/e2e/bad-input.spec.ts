import { expect, test } from "./fixtures";

test("an unknown product or category is a 404 page", async ({ page }) => {
  for (const path of ["/products/no-such-thing", "/shop/no-such-category"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
  }
});

test("a wrong order link is a 404 that points to looking the order up", async ({ page }) => {
  for (const path of ["/orders/not-a-real-token", "/track/not-a-real-token"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("We could not open that order");
    await expect(page.getByRole("link", { name: "Find your order" })).toHaveAttribute("href", "/track");
  }
});

test("nonsense filters and sorts are explained, never a server error", async ({ page }) => {
  const response = await page.goto("/shop/cartridges?pen=%3Cscript%3E&config=999-pin&pack=-4&sort=DROP%20TABLE&stock=maybe");
  expect(response?.status()).toBe(200);
  const notes = page.getByRole("status");
  await expect(notes).toContainText("There is no pen model “<script>” here");
  await expect(notes).toContainText("We cannot sort by “DROP TABLE”");
  await expect(page.getByTestId("product-grid").getByRole("listitem").first()).toBeVisible();
});

test("an unknown variant in the URL falls back to the first one", async ({ page }) => {
  const response = await page.goto("/products/precision-12-cartridge?variant=NOPE");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("price")).toHaveText("$19.99");
});

test("sitemap lists every product page and robots points to it", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const slug of ["home-starter-kit", "precision-12-cartridge", "soothing-hydrating-serum", "home-sharps-container"]) {
    expect(sitemap).toContain(`/products/${slug}</loc>`);
  }
});
