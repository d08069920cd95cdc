// The owner invites a staff member by email; the invitation is in the outbox
// with a link on the store's own origin; the staff member signs in and sees
// the sections of their role only; the owner removes them (after ticking the
// confirmation) and they are signed out; the audit log shows both, with the
// owner as the actor. All at a phone's width, with no sideways scroll.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { DEMO_OWNER_EMAIL } from "@/lib/config";
import { expect, sessionFor, signInAs, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${page.url()} fits 390 px`).toBeLessThanOrEqual(widths.client);
}

test("the owner invites staff, who see their sections only; removal signs them out; the audit log shows both", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const staffEmail = `new-staff-${randomBytes(4).toString("hex")}@example.test`;

  await signInAs(page, DEMO_OWNER_EMAIL, "/admin/staff");
  await expect(page.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();
  await expect(page.getByTestId("staff-settings-owner")).toContainText(DEMO_OWNER_EMAIL);
  await expect(page.getByTestId("staff-settings-owner")).toContainText("Owner (set by the store's settings, cannot be changed here)");
  await noSidewaysScroll(page);

  // A mistake first: the form comes back with the message next to the field.
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email address").fill("not-an-address");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.locator("#invite-email-error")).toContainText("Enter an email address like name@example.com.");
  await expect(invite.getByLabel("Email address")).toHaveValue("not-an-address");

  await invite.getByLabel("Email address").fill(staffEmail);
  await invite.getByLabel("Role").selectOption("STAFF");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText(`Invited: ${staffEmail} (Staff)`);
  const member = page.getByTestId("staff-member").filter({ hasText: staffEmail });
  await expect(member).toContainText(`Staff · invited by ${DEMO_OWNER_EMAIL}`);
  await noSidewaysScroll(page);

  // The invitation, in the demo outbox (the job worker sends it just after the invite).
  await expect(async () => {
    await page.goto("/outbox");
    await expect(
      page
        .getByRole("row")
        .filter({ hasText: staffEmail })
        .getByRole("link", { name: /invited to the Stillpoint back office/ }),
    ).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page
    .getByRole("row")
    .filter({ hasText: staffEmail })
    .getByRole("link", { name: /invited to the Stillpoint back office/ })
    .click();
  const text = (await page.locator("pre").textContent())!;
  expect(text).toContain(`${DEMO_OWNER_EMAIL} has invited you`);
  expect(text).toContain("with the role Staff");
  const link = `${new URL(baseURL!).origin}/signin?callbackUrl=/admin`;
  expect(text).toContain(link);
  for (const url of text.match(/https?:\/\/[^\s)\]]+/g) ?? []) expect(new URL(url).origin).toBe(new URL(baseURL!).origin);

  // The staff member signs in (in a browser of their own) through the invitation's link.
  const staffContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const staffPage = await staffContext.newPage();
  try {
    await staffPage.goto(link);
    await expect(staffPage).toHaveURL(/\/signin\?callbackUrl=%2Fadmin|\/signin\?callbackUrl=\/admin/);
    await signInAs(staffPage, staffEmail, "/admin");
    await expect(staffPage).toHaveURL(/\/admin$/);
    const nav = staffPage.getByRole("navigation", { name: "Back office" });
    await expect(nav.getByRole("link", { name: "Orders" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Stock" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Staff" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await expect(staffPage.getByTestId("admin-actor")).toHaveText(`${staffEmail} · Staff`);
    await noSidewaysScroll(staffPage);
    for (const path of ["/admin/staff", "/admin/audit"]) {
      const res = await staffPage.goto(path);
      expect(res!.status(), path).toBe(404);
      await expect(staffPage.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    }

    // The owner removes them: the box must be ticked first.
    await page.goto("/admin/staff");
    const row = page.getByTestId("staff-member").filter({ hasText: staffEmail });
    await row.getByText("Remove…").click();
    await row.getByRole("button", { name: "Remove" }).click();
    const again = page.getByTestId("staff-member").filter({ hasText: staffEmail });
    await expect(again).toContainText("Tick the box to confirm the removal.");
    await expect(page.getByTestId("staff-member").filter({ hasText: staffEmail })).toHaveCount(1);
    await again.getByLabel(/Yes, remove/).check();
    await again.getByRole("button", { name: "Remove" }).click();
    await expect(page.getByTestId("admin-notice")).toContainText(`Removed ${staffEmail}`);
    await expect(page.getByTestId("staff-member").filter({ hasText: staffEmail })).toHaveCount(0);
    await expect(page.getByTestId("staff-removed")).toContainText(staffEmail);
    await noSidewaysScroll(page);

    // Signed out everywhere: the back office is a missing page to them now.
    const after = await staffPage.goto("/admin");
    expect(after!.status()).toBe(404);
    await staffPage.goto("/account");
    await expect(staffPage).toHaveURL(/\/signin/);
  } finally {
    await staffContext.close();
  }

  // The audit log: both writes, by the owner, with before and after.
  await page.goto(`/admin/audit?subject=${encodeURIComponent(staffEmail)}`);
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const entries = page.getByTestId("audit-entry");
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0).getByTestId("audit-action")).toHaveText("staff.remove");
  await expect(entries.nth(1).getByTestId("audit-action")).toHaveText("staff.invite");
  for (const i of [0, 1]) await expect(entries.nth(i).getByTestId("audit-actor")).toHaveText(DEMO_OWNER_EMAIL);
  await entries.nth(0).getByText("Before and after").click();
  await expect(entries.nth(0).locator("pre").nth(1)).toContainText('"sessionsEnded"');
  await noSidewaysScroll(page);

  // The filter form narrows by action, as a plain GET form.
  await page.getByLabel("What").selectOption("staff.invite");
  await page.getByRole("button", { name: "Show entries" }).click();
  await expect(page).toHaveURL(/action=staff\.invite/);
  await expect(page.getByTestId("audit-entry")).toHaveCount(1);
  await expect(page.getByTestId("audit-action")).toHaveText("staff.invite");
  await noSidewaysScroll(page);
});

test("a staff session idle past the limit is ended: the back office sends them to sign in again, with a message", async ({ page }) => {
  const { testDb } = await import("../support/db");
  const prisma = testDb(1);
  const email = `idle-staff-${randomBytes(4).toString("hex")}@example.test`;
  try {
    await prisma.staffMember.create({ data: { email, role: "STAFF", invitedBy: "test" } });
    await sessionFor(page.context(), email);
    await page.goto("/admin");
    await expect(page.getByTestId("admin-actor")).toContainText(email);
    // Last used 31 minutes ago (the default limit is 30).
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    await prisma.session.updateMany({ where: { userId: user.id }, data: { staffSeenAt: new Date(Date.now() - 31 * 60_000) } });
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin&expired=1$/);
    await expect(page.getByTestId("signin-expired")).toHaveText("Your back-office session ended after a period of inactivity. Sign in again.");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  } finally {
    await prisma.$disconnect();
  }
});
