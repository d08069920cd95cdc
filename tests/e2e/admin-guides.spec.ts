// The owner revises the home guide in the back office: a draft, one section
// edited (a forbidden claim refused first), the diff and the preview, then
// publishing with a note. The kit page shows the new text; the order sold
// with the old version is listed under it, and its customer gets the
// revised-guide email with a link on the store's configured origin.
// Publishes shared content and buys a kit: its own Playwright project, after
// the other publishing test and the stock counts (playwright.config.ts).
import type { Browser } from "@playwright/test";
import { testDb } from "../support/db";
import { loadCurrentGuide } from "@/lib/guides/store";
import { addToCart, expect, fillCheckout, orderNumberOn, sessionFor, test } from "./fixtures";

const GUIDE = "home-microneedling-guide";
const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

/** A guest buys the home starter kit with demo payments, in a browser of their own; its order number. */
async function buyKit(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto("/products/home-starter-kit");
    await addToCart(page);
    await page.getByRole("link", { name: "View cart and check out" }).click();
    await expect(page.getByTestId("cart-lines")).toContainText("Home Starter Kit");
    await page.goto("/checkout");
    await fillCheckout(page, { email });
    await page.getByRole("checkbox", { name: /who must not use these products/ }).check();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.getByRole("button", { name: /^Pay / }).click();
    await expect(page.getByTestId("order-heading")).toHaveText("Thank you, your order is confirmed");
    return await orderNumberOn(page);
  } finally {
    await context.close();
  }
}

test("the owner drafts, previews, compares and publishes a guide version, then emails the customers of the old one", async ({ page, browser }) => {
  const prisma = testDb(2);
  try {
    // A draft left by an earlier run of this test on the same database goes first.
    await prisma.guideSection.deleteMany({ where: { version: { guide: { slug: GUIDE }, status: "DRAFT" } } });
    await prisma.guideVersion.deleteMany({ where: { guide: { slug: GUIDE }, status: "DRAFT" } });
    const before = (await loadCurrentGuide(prisma, GUIDE))!;
    const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const buyer = `guide-buyer-${run}@example.com`;
    // An order sold with the current version.
    const sold = await prisma.order.findUniqueOrThrow({ where: { number: await buyKit(browser, buyer) }, include: { items: true } });
    expect(sold.items[0]!.guideVersionId).toBe(before.versionId);

    await sessionFor(page.context(), "owner@example.com");
    await page.goto("/admin/guides");
    await page.getByRole("link", { name: before.guideTitle }).click();
    await expect(page.getByRole("heading", { level: 1, name: before.guideTitle })).toBeVisible();
    const next = before.number + 1;
    await page.getByRole("button", { name: `Start a draft of version ${next}` }).click();
    await expect(page.getByTestId("admin-notice")).toContainText(`Draft of version ${next} started`);

    // A forbidden claim is refused next to the field, and nothing is saved.
    const numbing = page.locator("#section-NUMBING");
    await numbing.getByText("Edit this section").click();
    const paragraphs = numbing.getByLabel("Paragraphs");
    const original = await paragraphs.inputValue();
    await paragraphs.fill(`With this pen a session is painless.\n${original}`);
    await numbing.getByRole("button", { name: "Save this section" }).click();
    await expect(page.locator("#NUMBING-paragraphs-error")).toContainText("“painless”");
    await expect(page.locator("#section-NUMBING").getByLabel("Paragraphs")).toHaveValue(`With this pen a session is painless.\n${original}`);

    // The new text, saved.
    const marker = `Most people need no numbing at home depths (edition ${run}).`;
    await page.locator("#section-NUMBING").getByLabel("Paragraphs").fill(`${marker}\n${original}`);
    await page.locator("#section-NUMBING").getByRole("button", { name: "Save this section" }).click();
    await expect(page.getByTestId("admin-notice")).toHaveText("Section saved in the draft.");

    // The editor on a phone: no sideways scroll, with every section open.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The diff: the new line is marked as added (not by colour only), in its section only.
    await page.getByRole("link", { name: "Compare with the published version" }).click();
    await expect(page.getByTestId("diff-NUMBING").locator("ins")).toContainText(marker);
    await expect(page.getByTestId("diff-NUMBING").locator("ins")).toContainText("+");
    await expect(page.getByTestId("diff-DISPOSAL")).toContainText("No changes.");

    // The preview: the kit page's instructions, under a draft banner.
    await page.getByRole("link", { name: "Preview", exact: true }).click();
    await expect(page.getByTestId("draft-banner")).toBeVisible();
    await expect(page.getByTestId("draft-banner")).toContainText("Draft preview, not published");
    await expect(page.locator("#how-to-use")).toContainText(marker);
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toMatch(/noindex/);
    // Customers still see the published version.
    await page.goto("/products/home-starter-kit");
    await expect(page.locator("#how-to-use")).not.toContainText(marker);

    // Publishing, with a note.
    await page.goto(`/admin/guides/${GUIDE}`);
    await page.getByRole("textbox", { name: "Change note", exact: true }).fill("Clearer numbing advice.");
    await page.getByRole("button", { name: `Publish version ${next}` }).click();
    await expect(page.getByTestId("admin-notice")).toContainText(`Version ${next} is published`);
    await expect(page.getByTestId("guide-versions")).toContainText("Clearer numbing advice.");

    // The kit page shows the new version at once.
    await page.goto("/products/home-starter-kit");
    await expect(page.getByTestId("guide-version")).toContainText(`version ${next},`);
    await expect(page.locator("#how-to-use")).toContainText(marker);

    // Orders sold with the old version, one click from the guide's page; the order is there.
    await page.goto(`/admin/guides/${GUIDE}`);
    await page.getByRole("link", { name: new RegExp(`^Orders sold with version ${before.number} \\(`) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Orders sold with version ${before.number}`);
    await expect(page.getByTestId("version-orders")).toContainText(sold.number);
    await expect(page.getByTestId("version-orders")).toContainText(buyer);

    // The customers are emailed a link to the revised guide.
    await page.getByRole("button", { name: "Email these customers the revised guide" }).click();
    await expect(page.getByTestId("admin-notice")).toContainText(`a link to version ${next}`);
    await expect
      .poll(
        async () => {
          await page.goto("/outbox");
          return page.getByRole("row").filter({ hasText: buyer }).filter({ hasText: "a newer version" }).count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await page.getByRole("row").filter({ hasText: buyer }).filter({ hasText: "a newer version" }).getByRole("link").click();
    const text = (await page.locator("pre").textContent())!;
    expect(text).toContain(`Version ${next}: Clearer numbing advice.`);
    expect(text).toMatch(new RegExp(`${origin.replace(/[.]/g, "\\.")}/instructions/${GUIDE}(\\s|$)`));
    expect(text).toContain(`${origin}/instructions/${GUIDE}?version=${before.number}`);
    expect(text).toContain(sold.number);

    // Pressing again emails nobody twice.
    await page.goto(`/admin/guides/versions/${before.versionId}/orders`);
    await page.getByRole("button", { name: "Email these customers the revised guide" }).click();
    await expect(page.getByTestId("admin-notice")).toContainText("nobody was emailed twice");
    const events = await prisma.orderEvent.count({ where: { orderId: sold.id, kind: "guide.revised-mailed" } });
    expect(events).toBe(1);
  } finally {
    await prisma.$disconnect();
  }
});
