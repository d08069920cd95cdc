// Changes shared content (publishes a guide version), so it runs in its own
// Playwright project after every other end-to-end test (playwright.config.ts).
import { testDb } from "../support/db";
import { createDraft, loadCurrentGuide, publishVersion } from "@/lib/guides/store";
import { expect, test } from "./fixtures";

test("publishing a new guide version changes the kit page and keeps the old version readable", async ({ page }) => {
  const prisma = testDb(2);
  try {
    const before = (await loadCurrentGuide(prisma, "home-microneedling-guide"))!;
    const marker = `Most people need no numbing at home depths (edition ${Date.now()}).`;
    const draft = await createDraft(prisma, "home-microneedling-guide", "Clearer numbing advice.", {
      NUMBING: { ...before.content.NUMBING, paragraphs: [marker, ...before.content.NUMBING.paragraphs.slice(1)] },
    });
    await publishVersion(prisma, draft);

    // Published from outside the store's process (as a script would): the store reads the
    // change from the database within a second (lib/cache/page-cache-handler.cjs), then its
    // cached kit page is made again.
    await expect
      .poll(async () => {
        await page.goto("/products/home-starter-kit");
        return page.getByTestId("guide-version").textContent();
      })
      .toContain(`version ${before.number + 1},`);
    await expect(page.locator("#how-to-use")).toContainText(marker);

    await page.goto(`/instructions/home-microneedling-guide?version=${before.number}`);
    await expect(page.getByText("This is an earlier version kept for reference.")).toBeVisible();
    await expect(page.locator("#how-to-use")).toContainText(before.content.NUMBING.paragraphs[0]!);
    await expect(page.locator("#how-to-use")).not.toContainText(marker);
  } finally {
    await prisma.$disconnect();
  }
});
