// Every end-to-end test fails if the browser logs an error or a page throws.
// The one exception: Chromium logs a "404" for a page that is meant to be a
// 404 (an unknown product); that is the behaviour under test, not an error.
// And one from the test driver itself: the demo outbox shows a mail's HTML in
// a sandboxed iframe (no scripts, on purpose; only popups), and Chromium
// sometimes logs "Blocked script execution in 'about:srcdoc'" when Playwright
// tries to set up its own helper inside that frame. The store runs no script
// there; the mail HTML has none (tests/unit/confirmation-email.test.ts).
import { randomBytes } from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { withTestDb } from "../support/db";

export const test = base.extend<{ consoleErrors: void }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: { text: string; url: string }[] = [];
      const notFoundDocuments = new Set<string>();
      page.on("response", (response) => {
        if (response.request().resourceType() === "document" && response.status() === 404) notFoundDocuments.add(response.url());
      });
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push({ text: msg.text(), url: msg.location().url });
      });
      page.on("pageerror", (err) => errors.push({ text: err.message, url: "" }));
      await use();
      const expected = (e: { text: string; url: string }) =>
        (notFoundDocuments.has(e.url) && e.text.includes("404")) ||
        // Chromium gives this message the frame's URL, or none when Playwright
        // reads inside the frame (tests/e2e/headers-and-logs.spec.ts); the
        // text names about:srcdoc either way.
        e.text.startsWith("Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed");
      const unexpected = errors.filter((e) => !expected(e));
      expect(
        unexpected.map((e) => `${e.text} ${e.url}`),
        "browser console errors",
      ).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Fills the checkout form's contact and address fields (a US address unless told otherwise). */
export async function fillCheckout(
  page: Page,
  {
    email,
    name = "Grace Hopper",
    line1 = "7 Harbour Street",
    city = "Portland",
    region = "ME",
    postalCode = "04101",
    country = "US",
  }: {
    email: string;
    name?: string;
    line1?: string;
    city?: string;
    region?: string;
    postalCode?: string;
    country?: string;
  },
) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Address line 1").fill(line1);
  await page.getByLabel("Town or city").fill(city);
  if (region) await page.getByLabel("State, county or region (optional)").fill(region);
  await page.getByLabel("Postal code").fill(postalCode);
  await page.getByLabel("Country").selectOption(country);
}

/**
 * Presses the product page's own "Add to cart" once the page's script has taken
 * the form over, so it answers in place. Catalog pages start their scripts after
 * the first paint (decision 0021): a press before then is a plain form post that
 * lands on the cart page, which is right for a shopper and wrong for a test
 * about the in-place answer.
 */
export async function addToCart(page: Page) {
  await expect(page.locator("form#add-to-cart[data-hydrated]")).toHaveCount(1);
  await page.locator("#add-to-cart").getByRole("button", { name: "Add to cart" }).click();
}

/** The order number shown on an order page ("Order SP-7K4Q-9XM2 · …"). */
export async function orderNumberOn(page: Page): Promise<string> {
  return (await page.getByText(/^Order SP-/).textContent())!.match(/SP-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
}

/** Asks for a sign-in link for `email`, then opens that mail in the demo outbox. */
export async function openSignInMail(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/signin\/check-email/);
  await page.goto("/outbox");
  await page.getByRole("row").filter({ hasText: email }).getByRole("link", { name: "Sign in to Stillpoint" }).click();
}

/**
 * Signs `page` in as `email` through the real magic link (asked for on the
 * sign-in page, read from the demo outbox), landing on `callbackPath`.
 */
export async function signInAs(page: Page, email: string, callbackPath = "/account") {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/signin\/check-email/);
  await page.goto("/outbox");
  await page.getByRole("row").filter({ hasText: email }).first().getByRole("link", { name: "Sign in to Stillpoint" }).click();
  const link = (await page.locator("pre").textContent())!.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/)?.[0];
  expect(link, "sign-in link in the email").toBeTruthy();
  await page.goto(link!);
}

/**
 * Signs `context` in as `email` by making an Auth.js database session for it
 * directly (the account is created if new), and optionally makes that account
 * back-office staff with `role`. For tests about what a signed-in person may
 * do, not about signing in (account.spec.ts and admin-journey.spec.ts go
 * through the real emailed link): the emailed link is limited per address,
 * and dozens of tests sign in.
 */
export async function sessionFor(context: BrowserContext, email: string, role?: "OWNER" | "STAFF"): Promise<void> {
  const token = randomBytes(32).toString("hex");
  await withTestDb(async (prisma) => {
    const user = await prisma.user.upsert({ where: { email }, create: { email, emailVerified: new Date() }, update: {} });
    await prisma.session.create({ data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 24 * 3600_000) } });
    if (role) {
      await prisma.staffMember.upsert({
        where: { email: email.toLowerCase() },
        create: { email: email.toLowerCase(), role, invitedBy: "e2e" },
        update: { role, removedAt: null },
      });
    }
  });
  const baseURL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
  await context.addCookies([{ name: "authjs.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
}
