// The back office's side of professional accounts, in the browser: staff open
// the queue, open an application and its uploaded copy, ask for more (the
// applicant's mail is in the outbox), say no with a reason, and approve with
// the licence's own expiry (a licence is made). A customer who is not staff
// gets a missing page's 404 for the queue, an application and its copy; the
// owner finds the decisions in the audit log. A held order shows the hold and
// is released with a note before it can be packed. At a phone's width the
// queue and an application page do not scroll sideways and pass an
// accessibility scan.
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO_OWNER_EMAIL } from "@/lib/config";
import { writePaidOrder } from "../support/paid-order";
import { saveApplication, storeDay } from "@/lib/professional/applications";
import { DOCUMENT_POLICY } from "@/lib/security-headers";
import { nextDay } from "@/lib/time-zone";
import { withTestDb } from "../support/db";
import { expect, sessionFor, test } from "./fixtures";

const run = randomBytes(4).toString("hex");
const staffEmail = `pro-reviewer-${run}@example.test`;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

const inDays = (days: number) => {
  let day = storeDay();
  for (let i = 0; i < days; i++) day = nextDay(day);
  return day;
};

/** A customer's sent application, made the way the application form makes it. */
async function application(label: string, file: { bytes: Buffer; name: string; type: string } = { bytes: PDF, name: "licence.pdf", type: "application/pdf" }) {
  const email = `pro-${label}-${run}@example.test`;
  const expiresOn = inDays(500);
  const id = await withTestDb(async (prisma) => {
    const user = await prisma.user.create({ data: { email, name: `Applicant ${label}`, emailVerified: new Date() } });
    const saved = await saveApplication(prisma, user.id, {
      fields: { profession: "Licensed esthetician", licenceNumber: `EST-${run}-${label}`, issuingBody: "State Board", region: "US, Oregon", expiresOn },
      file,
      submit: true,
    });
    if (!saved.ok) throw new Error(`application not saved: ${JSON.stringify(saved.errors)}`);
    return saved.application.id;
  });
  return { id, email, expiresOn };
}

async function noSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${page.url()} fits the width`).toBeLessThanOrEqual(widths.client);
}

async function axe(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, `${name}: axe`).toEqual([]);
}

async function mailIn(page: Page, to: string, subject: RegExp): Promise<string> {
  await expect(async () => {
    await page.goto("/outbox");
    await expect(page.getByRole("row").filter({ hasText: to }).getByRole("link", { name: subject })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("row").filter({ hasText: to }).getByRole("link", { name: subject }).first().click();
  return (await page.locator("pre").textContent()) ?? "";
}

test("staff review applications: open the copy, ask for more, say no with a reason, approve; others are refused; the owner sees it all in the audit log", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(180_000);
  const more = await application("more");
  const no = await application("no");
  const yes = await application("yes");
  await sessionFor(context, staffEmail, "STAFF");

  // The queue, from the section list; the oldest waiting first.
  await page.goto("/admin");
  await page
    .getByRole("navigation", { name: "Back office" })
    .getByRole("link", { name: /Professionals/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Professional applications" })).toBeVisible();
  const rows = page.getByTestId("queue-row");
  const order = await rows.allTextContents();
  const at = (email: string) => order.findIndex((t) => t.includes(email));
  expect(at(more.email)).toBeGreaterThanOrEqual(0);
  expect(at(more.email)).toBeLessThan(at(no.email));
  expect(at(no.email)).toBeLessThan(at(yes.email));

  // One application: the details, the copy, the history.
  await rows.filter({ hasText: more.email }).getByRole("link", { name: more.email }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/professionals/${more.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(more.email);
  await expect(page.getByTestId("application-fields")).toContainText(`EST-${run}-more`);
  await expect(page.getByTestId("application-history")).toContainText("You sent the application for review.");
  const open = page.getByRole("link", { name: "Open the document" });
  await expect(open).toHaveAttribute("href", `/admin/professionals/${more.id}/document`);
  const copy = await page.request.get(`/admin/professionals/${more.id}/document`);
  expect(copy.status()).toBe(200);
  expect(copy.headers()["content-type"]).toBe("application/pdf");
  expect(copy.headers()["cache-control"]).toBe("private, no-store");
  expect(copy.headers()["x-content-type-options"]).toBe("nosniff");
  expect(copy.headers()["content-security-policy"]).toBe(DOCUMENT_POLICY);
  expect(copy.headers()["content-disposition"]).toMatch(/^inline; filename="licence\.pdf"/);
  expect(Buffer.from(await copy.body()).equals(PDF)).toBe(true);

  // Ask for more: an empty request is refused next to the field, then sent.
  const ask = page.getByRole("form", { name: "Ask the applicant for more" });
  await ask.getByRole("button", { name: "Ask for more" }).click();
  await expect(ask.locator("#more-message-error")).toContainText("Say what you need from the applicant.");
  await expect(ask.getByLabel("What do you need?")).toHaveAttribute("aria-invalid", "true");
  await ask.getByLabel("What do you need?").fill("Please upload both sides of the card.");
  await ask.getByRole("button", { name: "Ask for more" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText(`We asked ${more.email} for more`);
  await expect(page.getByTestId("application-status")).toContainText("Asked for more");
  await expect(page.getByRole("form", { name: "Approve this application", exact: true })).toHaveCount(0);
  await expect(page.getByTestId("application-history")).toContainText(staffEmail);
  expect(await mailIn(page, more.email, /need a little more/)).toContain("Please upload both sides of the card.");

  // Say no, with the reason the applicant reads.
  await page.goto(`/admin/professionals/${no.id}`);
  const reject = page.getByRole("form", { name: "Do not approve this application" });
  await reject.getByLabel("Reason").fill("This is a course certificate, not a licence to practise.");
  await reject.getByRole("button", { name: "Do not approve" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText(`Not approved. We emailed ${no.email} the reason.`);
  await expect(page.getByTestId("application-staff-message")).toContainText("This is a course certificate");
  expect(await mailIn(page, no.email, /was not approved/)).toContain("This is a course certificate, not a licence to practise.");

  // Approve: the expiry is the one on the application, and a licence is made to it.
  await page.goto(`/admin/professionals/${yes.id}`);
  const approve = page.getByRole("form", { name: "Approve this application", exact: true });
  await expect(approve.getByLabel("Licence expires on")).toHaveValue(yes.expiresOn);
  await approve.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByTestId("admin-notice")).toContainText(`Approved: ${yes.email} can order professional-only items until ${yes.expiresOn}`);
  await expect(page.getByTestId("application-licences")).toContainText(`EST-${run}-yes · expires ${yes.expiresOn}`);
  const licence = await withTestDb((prisma) => prisma.professionalLicence.findUnique({ where: { applicationId: yes.id } }));
  expect(licence?.expiresOn.toISOString().slice(0, 10)).toBe(yes.expiresOn);
  expect(licence?.approvedBy).toBe(staffEmail);

  // Withdrawn later (the board suspended it): it ends now, and the professional is told why.
  await page.getByText("Withdraw this licence").click();
  const withdraw = page.getByRole("form", { name: `Withdraw licence EST-${run}-yes` });
  await withdraw.getByLabel("Why").fill("The board suspended this licence.");
  await withdraw.getByRole("button", { name: "Withdraw the licence" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText(`Licence withdrawn. ${yes.email} can no longer order professional-only items`);
  await expect(page.getByTestId("application-licences")).toContainText("(expired)");
  expect(await mailIn(page, yes.email, /can no longer order/)).toContain("The board suspended this licence.");

  // The other lists.
  await page.goto("/admin/professionals?status=APPROVED");
  await expect(page.getByRole("link", { name: "Approved", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("queue-row").filter({ hasText: yes.email })).toHaveCount(1);
  await page.goto("/admin/professionals?status=nonsense");
  await expect(page.getByTestId("queue-row").filter({ hasText: yes.email })).toHaveCount(0);

  // A customer who is not staff: the queue, an application and its copy are all missing pages.
  const customer = await browser.newContext();
  await sessionFor(customer, `pro-customer-${run}@example.test`);
  const other = await customer.newPage();
  for (const path of ["/admin/professionals", `/admin/professionals/${no.id}`]) {
    const response = await other.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(other.getByText(more.email)).toHaveCount(0);
  }
  const refusedCopy = await other.request.get(`/admin/professionals/${no.id}/document`);
  const unknownCopy = await other.request.get(`/admin/professionals/no-such-application/document`);
  expect(refusedCopy.status()).toBe(404);
  expect(await refusedCopy.text()).toBe(await unknownCopy.text());
  expect(await refusedCopy.text()).not.toContain("%PDF");
  // ...the same answer a signed-out visitor and staff asking for an unknown copy get.
  const visitor = await browser.newContext();
  const visitorCopy = await visitor.request.get(`/admin/professionals/${no.id}/document`);
  expect(visitorCopy.status()).toBe(404);
  expect(await visitorCopy.text()).toBe(await refusedCopy.text());
  const staffUnknown = await page.request.get(`/admin/professionals/no-such-application/document`);
  expect(staffUnknown.status()).toBe(404);
  expect(await staffUnknown.text()).toBe(await refusedCopy.text());
  await customer.close();
  await visitor.close();

  // The owner finds every decision in the audit log, with who made it.
  const owner = await browser.newContext();
  await sessionFor(owner, DEMO_OWNER_EMAIL);
  const ownerPage = await owner.newPage();
  for (const [app, actions] of [
    [more, ["professional.more-info"]],
    [no, ["professional.reject"]],
    [yes, ["professional.revoke", "professional.approve"]],
  ] as const) {
    await ownerPage.goto(`/admin/audit?subject=${app.id}`);
    const entries = ownerPage.getByTestId("audit-entry");
    // Newest first.
    await expect(entries.getByTestId("audit-action")).toHaveText([...actions]);
    await expect(entries.getByTestId("audit-actor")).toHaveText(actions.map(() => staffEmail));
  }
  await owner.close();
});

test("at a phone's width the queue and an application (with an image copy) fit, and pass an accessibility scan", async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const photo = await application("photo", { bytes: PNG, name: "licence photo.png", type: "image/png" });
  await sessionFor(context, `pro-phone-${run}@example.test`, "STAFF");

  await page.goto("/admin/professionals");
  await expect(page.getByTestId("queue-cards")).toBeVisible();
  await expect(page.getByTestId("queue-table")).toBeHidden();
  await noSidewaysScroll(page);
  await axe(page, "queue");
  await page.screenshot({ path: "test-results/admin-professionals-queue-phone.png", fullPage: true });

  await page.getByTestId("queue-card").filter({ hasText: photo.email }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(photo.email);
  // The image copy is shown inline, loaded from the staff-only route.
  const img = page.getByRole("img", { name: `The licence copy uploaded by ${photo.email}` });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBe(1);
  await noSidewaysScroll(page);
  await axe(page, "application");
  await page.screenshot({ path: "test-results/admin-professionals-application-phone.png", fullPage: true });
});

test("a held order shows why, offers no packing, and is released with a note; the order shows the acknowledgement", async ({ page, context }) => {
  const reason = "Paid for a professional-only item after the buyer's licence had expired.";
  const number = await withTestDb(async (prisma) => {
    const variant = await prisma.variant.findFirstOrThrow({
      where: { product: { active: true }, homeUse: true },
      include: { product: true },
      orderBy: { sku: "asc" },
    });
    const order = await writePaidOrder(prisma, {
      variant,
      email: `held-buyer-${run}@example.test`,
      shipName: "Held Buyer",
      data: {
        reviewHoldReason: reason,
        reviewHeldAt: new Date(),
        acknowledgement: {
          confirmedAt: new Date().toISOString(),
          guides: [{ versionId: "v-e2e", guideSlug: "cartridges", guideTitle: "Cartridge guide", number: 3 }],
        },
      },
    });
    return order.number;
  });
  await sessionFor(context, `held-staff-${run}@example.test`, "STAFF");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/admin/orders/${number}`);
  await expect(page.getByTestId("admin-order-hold")).toContainText(reason);
  await noSidewaysScroll(page);
  await axe(page, "held order");
  await page.screenshot({ path: "test-results/admin-professionals-held-order-phone.png", fullPage: true });
  // The held list: the order is among those that need action.
  await page.goto(`/admin/orders?needs=action&q=${number}`);
  await expect(page.getByTestId("order-card").filter({ hasText: number })).toContainText("held for review");
  await page.goto(`/admin/orders/${number}`);
  await expect(page.getByTestId("admin-order-acknowledgement")).toContainText("for Cartridge guide version 3");
  await expect(page.getByRole("button", { name: "Mark packed" })).toHaveCount(0);

  const release = page.getByRole("form", { name: `Release the hold on ${number}` });
  await release.getByRole("button", { name: "Release the hold" }).click();
  await expect(page.locator("#release-note-error")).toContainText("Say what you checked before releasing the hold.");
  await expect(page.getByRole("button", { name: "Mark packed" })).toHaveCount(0);
  await page.getByLabel("What did you check?").fill("Renewed licence seen on a video call.");
  await page.getByRole("button", { name: "Release the hold" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText(`The hold on ${number} is released`);
  await expect(page.getByTestId("admin-order-hold")).toHaveCount(0);
  await expect(page.getByTestId("admin-order-timeline")).toContainText("Hold released: Renewed licence seen on a video call.");
  await page.getByRole("button", { name: "Mark packed" }).click();
  await expect(page.getByTestId("admin-order-status")).toContainText("Packed");
});
