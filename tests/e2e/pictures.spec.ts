// Pictures where people would rather look than read: the kit gallery (three
// views, named links, no script needed), the depth diagram beside the depth
// guide, the home page's hero, and the booklet's cover. Each at phone and
// desktop size, with no sideways scroll on the phone.
import { pdfText } from "../support/pdf-text";
import { expect, test } from "./fixtures";

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 800 };

async function noSidewaysScroll(page: import("@playwright/test").Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

async function allImagesLoaded(locator: import("@playwright/test").Locator) {
  const images = await locator.locator("img").all();
  expect(images.length).toBeGreaterThan(0);
  for (const img of images) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }
}

for (const viewport of [phone, desktop]) {
  test(`a kit's gallery shows the kit, what is in the box and the pen, at ${viewport.width} px`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto("/products/home-complete-kit");
    const gallery = page.getByTestId("product-gallery");
    const views = gallery.getByTestId("gallery-view");
    await expect(views).toHaveCount(3);
    const links = gallery.getByRole("navigation", { name: "Picture views" }).getByRole("link");
    await expect(links).toHaveText(["The kit", "In the box", "The pen"]);
    await expect(gallery.getByRole("img", { name: /^Home Complete Kit: .*Travel case/ })).toBeVisible();
    await allImagesLoaded(gallery);
    await noSidewaysScroll(page);

    // A named link brings its view into the row, without any script of the page's own.
    const row = gallery.getByRole("region", { name: "Pictures of Home Complete Kit" });
    await links.filter({ hasText: "The pen" }).click();
    await expect.poll(() => row.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expect(gallery.getByRole("img", { name: /Stillpoint H1 Home Pen, close up/ })).toBeInViewport();
    await noSidewaysScroll(page);
    await links.filter({ hasText: "In the box" }).click();
    await page.screenshot({ path: testInfo.outputPath(`kit-gallery-${viewport.width}.png`) });

    const diagram = page.getByTestId("depth-diagram");
    await diagram.scrollIntoViewIfNeeded();
    await expect(diagram.getByRole("img", { name: "Needle depth by area, drawn over the layers of the skin" })).toBeVisible();
    await expect(diagram).toContainText("0.5 mm home limit");
    await expect(diagram).toContainText("Professional range, for information only");
    await expect(diagram.locator("figcaption")).toContainText("At home no area goes deeper than 0.5 mm");
    await noSidewaysScroll(page);
    await diagram.screenshot({ path: testInfo.outputPath(`depth-diagram-${viewport.width}.png`) });
  });

  test(`the home page has its hero picture beside the words, or below them on a phone, at ${viewport.width} px`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    const hero = page.getByTestId("home-hero-image");
    await expect(hero).toBeVisible();
    await expect.poll(() => hero.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    const picture = (await hero.boundingBox())!;
    const heading = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
    if (viewport === desktop) expect(picture.x).toBeGreaterThan(heading.x + heading.width / 2);
    else expect(picture.y).toBeGreaterThan(heading.y + heading.height);
    await noSidewaysScroll(page);
    await page.screenshot({ path: testInfo.outputPath(`home-${viewport.width}.png`) });
  });
}

test("without JavaScript the kit's three views are all there and the page still fits a phone", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone });
  const page = await context.newPage();
  await page.goto("/products/professional-kit");
  await expect(page.getByTestId("gallery-view")).toHaveCount(3);
  await expect(page.getByRole("img", { name: /^Professional Kit: .*Hard carry case/ })).toBeVisible();
  await noSidewaysScroll(page);
  await context.close();
});

test("the kit's booklet PDF opens with a cover and carries the depth diagram", async ({ page, request }) => {
  await page.goto("/products/home-starter-kit");
  const href = await page.getByRole("link", { name: "Download PDF" }).getAttribute("href");
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  const { pages, pageTexts, text } = await pdfText(new Uint8Array(await response.body()));
  expect(pages).toBeGreaterThan(2);
  expect(pageTexts[0]).toContain("Stillpoint");
  expect(pageTexts[0]).toContain("Home Starter Kit");
  expect(pageTexts[0]).toContain("In this booklet");
  expect(text).toContain("0.5 mm home limit");
});
