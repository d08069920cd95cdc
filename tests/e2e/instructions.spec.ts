import { pdfText } from "../support/pdf-text";
import { expect, test } from "./fixtures";

const kitSections = [
  "What is in the box",
  "How to use it, step by step",
  "Needle depth guide",
  "Aftercare timeline",
  "Who must not use it",
  "Single use and safe disposal",
];

test("a kit page carries every section of its instructions, reachable from its contents", async ({ page }) => {
  await page.goto("/products/home-starter-kit");
  for (const name of kitSections) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  await expect(page.getByTestId("guide-version")).toContainText(/Home .*version \d+, published/);
  await expect(page.locator("#who-must-not-use")).toContainText(/pregnancy/i);
  await expect(page.locator("#aftercare")).toContainText("24 hours");
  await expect(page.locator("#safety-and-disposal")).toContainText(/sharps/i);

  // The aftercare timeline names the products useful in each window, each a link to its page.
  const cleanser = page.locator("#aftercare").getByRole("link", { name: "Gentle Cleanser" }).first();
  await expect(cleanser).toHaveAttribute("href", "/products/gentle-cleanser");

  const contents = page.getByRole("navigation", { name: "Instructions contents" });
  await contents.getByRole("link", { name: "Who must not use it" }).click();
  await expect(page).toHaveURL(/#who-must-not-use$/);
  await expect(page.getByRole("heading", { name: "Who must not use it" })).toBeInViewport();
});

test("an aftercare product named in the kit's timeline opens its own page", async ({ page }) => {
  await page.goto("/products/home-starter-kit");
  await page.locator("#aftercare").getByRole("link", { name: "Mineral Broad-Spectrum SPF 30 Sunscreen" }).first().click();
  await expect(page).toHaveURL(/\/products\/mineral-spf-30-sunscreen$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mineral Broad-Spectrum SPF 30 Sunscreen");
});

test("the depth guide answers for an area and concern, and says when it is professional-only", async ({ page }) => {
  await page.goto("/products/home-starter-kit");
  const finder = page.locator("form", { has: page.getByRole("button", { name: "Show depth" }) });
  await finder.getByLabel("Area").selectOption({ label: "Cheeks" });
  await finder.getByLabel("Concern").selectOption({ label: "Skin texture" });
  await finder.getByRole("button", { name: "Show depth" }).click();
  await expect(page).toHaveURL(/area=cheeks&concern=texture#depth-guide/);
  await expect(page.getByTestId("depth-answer")).toContainText("0.25–0.5 mm at home");

  await finder.getByLabel("Area").selectOption({ label: "Body" });
  await finder.getByLabel("Concern").selectOption({ label: "Stretch marks" });
  await finder.getByRole("button", { name: "Show depth" }).click();
  await expect(page.getByTestId("depth-answer")).toContainText("professional only");

  // The full table is there too, as a plain table.
  const table = page.getByRole("table", { name: "Recommended depth by area and concern" });
  await expect(table.getByRole("row")).toHaveCount(41);
});

test("the depth finder is usable from the keyboard alone", async ({ page }) => {
  await page.goto("/products/home-starter-kit?area=neck&concern=texture#depth-guide");
  await expect(page.getByTestId("depth-answer")).toContainText("0.25 mm at home");
  await page.getByLabel("Area").first().focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Concern").first()).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Show depth" })).toBeFocused();
});

test("the booklet downloads as a PDF with the same content and version", async ({ page, request }) => {
  await page.goto("/products/home-starter-kit");
  const label = (await page.getByTestId("guide-version").textContent())!;
  const response = await request.get("/products/home-starter-kit/booklet.pdf");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/attachment; filename="home-starter-kit-instructions-v\d+\.pdf"/);
  const { text } = await pdfText(new Uint8Array(await response.body()));
  expect(text).toContain(label.replace(/\s+/g, " "));
  for (const name of kitSections.slice(1)) expect(text).toContain(name);

  await page.getByRole("link", { name: "Printable booklet" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Home Starter Kit: instructions for use");
  await expect(page.getByTestId("guide-version")).toHaveText(label);
});

test("a cartridge page shows its depth card and disposal rules; an aftercare page its place in the timeline", async ({ page }) => {
  await page.goto("/products/nano-surface-cartridge");
  await expect(page.getByRole("heading", { level: 2, name: "Depth card" })).toBeVisible();
  await expect(page.locator("#depth-guide")).toContainText("made for depths up to 0.25 mm");
  await expect(page.getByRole("heading", { level: 2, name: "Single use and safe disposal" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Aftercare timeline" })).toHaveCount(0);

  await page.goto("/products/mineral-spf-30-sunscreen");
  await expect(page.getByRole("heading", { level: 2, name: "Where it fits in your aftercare" })).toBeVisible();
  await expect(page.locator("#aftercare")).toContainText("(use this product)");
});

test("every guide can be read from the instructions hub without buying anything", async ({ page }) => {
  await page.goto("/instructions");
  const list = page.getByTestId("guide-list");
  await expect(list).toContainText("Home");
  await list
    .getByRole("link", { name: /professional/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/instructions\/professional-pen-guide/);
  await expect(page.getByRole("heading", { level: 2, name: "Who must not use it" })).toBeVisible();
});
