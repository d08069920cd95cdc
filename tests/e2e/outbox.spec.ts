// The demo outbox's preview of a mail: the HTML sits in a frame that may run
// no script, but its links open in a tab of their own, so a sign-in link
// works from there instead of being spent inside the frame. The same links
// are listed beside the frame as plain links. (Attachments: purchase.spec.ts,
// which has an order confirmation with its booklet.)
import { expect, openSignInMail, test } from "./fixtures";

test("a sign-in link in the outbox preview opens in a new tab and signs in there", async ({ page, context }) => {
  const email = `outbox-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await openSignInMail(page, email);
  await expect(page).toHaveURL(/\/outbox\/[^/]+$/);
  const messageUrl = page.url();

  // No scripts, no same origin, no navigating this page: only popups that leave the sandbox.
  const frame = page.locator('iframe[title="Email body"]');
  const sandbox = (await frame.getAttribute("sandbox"))!.split(/\s+/).sort();
  expect(sandbox).toEqual(["allow-popups", "allow-popups-to-escape-sandbox"]);
  expect(await frame.getAttribute("srcdoc")).toMatch(/<head[^>]*><base target="_blank">/);

  // The links, outside the frame too, for the keyboard.
  const listed = page.getByTestId("outbox-links").getByRole("link");
  const signInLink = listed.filter({ hasText: "Sign in" });
  await expect(signInLink).toHaveCount(1);
  expect(await signInLink.getAttribute("href")).toMatch(/\/api\/auth\/callback\/nodemailer\?/);
  await expect(signInLink).not.toHaveAttribute("target", /./);

  // Clicking the mail's own button opens a new tab, which signs in; the outbox stays put.
  const opened = context.waitForEvent("page");
  await page.frameLocator('iframe[title="Email body"]').getByRole("link", { name: "Sign in", exact: true }).click();
  const tab = await opened;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).not.toMatch(/^\/api\/auth\/(error|verify-request)/);
  await expect(tab.getByTestId("account-link")).toHaveText("Account");
  await tab.goto("/account");
  await expect(tab.getByTestId("account-email")).toHaveText(`Signed in as ${email}`);
  expect(page.url()).toBe(messageUrl);
  await tab.close();
});

test("an attachment that is not there, or a message that is not, is a 404", async ({ request }) => {
  for (const path of ["/outbox/2026-01-01T00-00-00-000Z-00000000/attachments/0", "/outbox/not-an-id/attachments/0", "/outbox/..%2F..%2Fetc/attachments/0"]) {
    const answer = await request.get(path);
    expect(answer.status(), path).toBe(404);
  }
});
