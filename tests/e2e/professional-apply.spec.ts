// A customer applies for a professional account from their account page, in
// a browser: saves a draft and finds it again later, has a renamed program, an
// oversized file and a file with a forged type refused (each with its own
// message next to the file field, nothing changed), then sends a real PDF and
// sees that it is waiting for review. The copy they sent is served to them and
// to nobody else: a guest and another customer get the same 404. The page is
// checked with axe and fits a phone.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, sessionFor, test } from "./fixtures";
import { withTestDb } from "../support/db";
import { oversizedPdf, tinyPdf, tinyPng, windowsProgram } from "../support/documents";

const run = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

async function accessible(page: Page, name: string) {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
  expect(scroll, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(viewport);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, `${name}: axe`).toEqual([]);
}

/** The applicant's application and its copy as stored, to show that a refusal changed nothing. */
const stored = (email: string) =>
  withTestDb((prisma) =>
    prisma.professionalApplication.findMany({
      where: { user: { email } },
      select: { status: true, profession: true, licenceNumber: true, issuingBody: true, region: true, expiresOn: true, updatedAt: true, document: true },
    }),
  );

test("a customer saves a draft, comes back to it, has bad files refused and sends a real PDF for review", async ({ page, browser, context }) => {
  test.setTimeout(120_000);
  const email = `pro-apply-${run}@example.com`;
  await sessionFor(context, email);

  await page.goto("/account");
  await expect(page.getByTestId("professional-summary")).toContainText("Trained practitioners can apply");
  await page.getByRole("link", { name: "Apply for a professional account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Professional account");
  await expect(page.getByText("It is kept privately: only our staff and you can see it.")).toBeVisible();
  await accessible(page, "empty form");

  // A draft with two fields.
  await page.getByLabel("Your profession").fill("Aesthetician");
  await page.getByLabel("Licence or certificate number").fill("AE-2041/77");
  await page.getByRole("button", { name: "Save and finish later" }).click();
  await expect(page.getByTestId("apply-notice")).toHaveText("Saved. You can come back and finish it whenever you like.");
  await expect(page.getByTestId("application-status")).toContainText("Saved as a draft, not sent yet");

  // Later: it is there.
  await page.goto("/account");
  await expect(page.getByTestId("professional-summary")).toContainText("You have started an application and not sent it yet.");
  await page.getByRole("link", { name: "Finish your application" }).click();
  await expect(page.getByLabel("Your profession")).toHaveValue("Aesthetician");
  await expect(page.getByLabel("Licence or certificate number")).toHaveValue("AE-2041/77");

  await page.getByLabel("Issuing body").fill("State Board of Cosmetology");
  await page.getByLabel("Country and state or province").fill("United States, Ohio");
  await page.getByLabel("Expiry date").fill("2030-06-30");
  const before = await stored(email);
  expect(before).toHaveLength(1);

  // Each bad file: refused next to the file field, what was typed kept, nothing saved.
  const refusals = [
    { file: { name: "licence.pdf", mimeType: "application/pdf", buffer: windowsProgram() }, message: "That file is a program, not a document." },
    { file: { name: "licence.pdf", mimeType: "application/pdf", buffer: tinyPng() }, message: "That file says it is a .pdf file, but its content is a PNG." },
  ];
  for (const { file, message } of refusals) {
    await page.getByLabel("A copy of your licence or certificate").setInputFiles(file);
    await page.getByRole("button", { name: "Send for review" }).click();
    const fileField = page.getByLabel("A copy of your licence or certificate");
    await expect(page.getByTestId("document-error")).toContainText(message);
    await expect(fileField).toHaveAttribute("aria-invalid", "true");
    await expect(fileField).toHaveAttribute("aria-describedby", /document-error/);
    await expect(page.getByTestId("apply-problems")).toContainText(message);
    await expect(page.getByLabel("Issuing body")).toHaveValue("State Board of Cosmetology");
    await expect(page.getByLabel("Expiry date")).toHaveValue("2030-06-30");
    await expect(page).not.toHaveURL(/larger|program|content/);
    expect(await stored(email), message).toEqual(before);
  }
  await accessible(page, "form with a refused file");

  // Just over 8 MB: with JavaScript, refused as soon as it is chosen, before anything is sent.
  const fileField = page.getByLabel("A copy of your licence or certificate");
  await page.getByLabel("Issuing body").fill("State Board of Cosmetology, Ohio");
  await fileField.setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: oversizedPdf() });
  await expect(page.getByTestId("document-error")).toHaveText("The file is larger than 8 MB. Upload a smaller scan or photo.");
  await expect(fileField).toHaveAttribute("aria-invalid", "true");
  expect(await fileField.evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);
  await expect(page.getByLabel("Issuing body")).toHaveValue("State Board of Cosmetology, Ohio");
  expect(await stored(email)).toEqual(before);

  // A real PDF: sent.
  await page
    .getByLabel("A copy of your licence or certificate")
    .setInputFiles({ name: "Zulassung Müller.pdf", mimeType: "application/pdf", buffer: tinyPdf() });
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByTestId("apply-notice")).toContainText("Sent. Your application is waiting for review");
  await expect(page.getByTestId("application-status")).toContainText("Sent, waiting for review");
  await expect(page.getByTestId("apply-form")).toHaveCount(0);
  await expect(page.getByTestId("application-details")).toContainText("State Board of Cosmetology, Ohio");
  await expect(page.getByTestId("application-history")).toContainText("You sent the application for review.");
  const [after] = await stored(email);
  expect(after).toMatchObject({ status: "SUBMITTED", document: { fileName: "Zulassung Müller.pdf", contentType: "application/pdf" } });
  await accessible(page, "waiting for review");

  // The copy: the applicant's, as a download of the right type, kept by no cache.
  const own = await page.request.get("/account/professional/document");
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("application/pdf");
  expect(own.headers()["content-disposition"]).toBe(`attachment; filename="Zulassung M_ller.pdf"; filename*=UTF-8''Zulassung%20M%C3%BCller.pdf`);
  expect(own.headers()["cache-control"]).toBe("private, no-store");
  expect(own.headers()["x-content-type-options"]).toBe("nosniff");
  expect(own.headers()["content-security-policy"]).toMatch(/^default-src 'none'; img-src 'self'; style-src 'unsafe-inline'/);
  expect(Buffer.from(await own.body()).equals(tinyPdf())).toBe(true);

  // Nobody else: a guest and another signed-in customer get the same 404.
  const guest = await browser.newContext();
  const other = await browser.newContext();
  await sessionFor(other, `pro-other-${run}@example.com`);
  try {
    const answers = await Promise.all(
      [guest, other].map(async (c) => {
        const r = await c.request.get("/account/professional/document");
        return { status: r.status(), type: r.headers()["content-type"], body: await r.text() };
      }),
    );
    expect(answers[0]).toEqual({ status: 404, type: "text/plain; charset=utf-8", body: "Not found.\n" });
    expect(answers[1]).toEqual(answers[0]);
  } finally {
    await guest.close();
    await other.close();
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form saves, refuses an oversized file on the server (just over 8 MB, and far over), and sends", async ({ page, context }) => {
    test.setTimeout(120_000);
    const email = `pro-nojs-${run}@example.com`;
    await sessionFor(context, email);
    await page.goto("/account/professional");
    await page.getByLabel("Your profession").fill("Physician");
    await page.getByLabel("Licence or certificate number").fill("MD 998877");
    await page.getByLabel("Issuing body").fill("State Medical Board");
    await page.getByLabel("Country and state or province").fill("United States, Texas");
    await page.getByLabel("Expiry date").fill("2029-01-31");
    await page.getByRole("button", { name: "Save and finish later" }).click();
    await expect(page.getByTestId("apply-notice")).toContainText("Saved.");
    const before = await stored(email);

    // Just over the limit: read, checked, refused with what was typed kept.
    await page.getByLabel("Issuing body").fill("Texas Medical Board");
    await page.getByLabel("A copy of your licence or certificate").setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: oversizedPdf() });
    await page.getByRole("button", { name: "Send for review" }).click();
    await expect(page.getByTestId("document-error")).toHaveText("The file is larger than 8 MB. Upload a smaller scan or photo.");
    await expect(page.getByLabel("Issuing body")).toHaveValue("Texas Medical Board");
    expect(await stored(email)).toEqual(before);

    // Far over it: not read at all, and still the same message against the file field (the saved details shown).
    const huge = Buffer.alloc(12 * 1024 * 1024, 0x20);
    tinyPdf().copy(huge);
    await page.getByLabel("A copy of your licence or certificate").setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: huge });
    await page.getByRole("button", { name: "Send for review" }).click();
    await expect(page.getByTestId("document-error")).toHaveText("The file is larger than 8 MB. Upload a smaller scan or photo.");
    await expect(page.getByLabel("A copy of your licence or certificate")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("apply-problems")).toContainText("Nothing was saved");
    await expect(page.getByLabel("Issuing body")).toHaveValue("State Medical Board");
    expect(await stored(email)).toEqual(before);

    await page.getByLabel("A copy of your licence or certificate").setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: tinyPng() });
    await page.getByRole("button", { name: "Send for review" }).click();
    await expect(page.getByTestId("application-status")).toContainText("Sent, waiting for review");
    const image = await page.request.get("/account/professional/document");
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    expect(image.headers()["content-disposition"]).toBe(`inline; filename="scan.png"; filename*=UTF-8''scan.png`);
  });
});

test("a guest is asked to sign in, and a cross-site post is refused", async ({ page, request }) => {
  await page.goto("/account/professional");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount%2Fprofessional|\/signin\?callbackUrl=\/account\/professional/);
  const crossSite = await request.post("/account/professional/save", {
    multipart: { profession: "Nurse", intent: "draft" },
    headers: { Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
});

test("on a phone, the form with an error fits the screen and passes axe", async ({ page, context }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const email = `pro-phone-${run}@example.com`;
  await sessionFor(context, email);
  await page.goto("/account/professional");
  await page.getByLabel("Your profession").fill("Dermatology nurse");
  await page.getByLabel("Expiry date").fill("2020-01-01");
  await page
    .getByLabel("A copy of your licence or certificate")
    .setInputFiles({ name: "licence.png", mimeType: "image/png", buffer: Buffer.from("<!doctype html><p>hi</p>") });
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByTestId("expiresOn-error")).toHaveText("This licence has expired. Apply with a licence that is still valid.");
  await expect(page.getByTestId("document-error")).toContainText("That file is not a PDF or an image we accept.");
  await expect(page.getByLabel("Your profession")).toHaveValue("Dermatology nurse");
  await accessible(page, "phone, with errors");
  await page.screenshot({ path: test.info().outputPath("professional-phone.png"), fullPage: true });
  expect(await stored(email)).toEqual([]);
});

test("the page shows what staff asked for with the history in order, and asks an approved professional to renew in time", async ({ page, context }) => {
  const asked = `pro-asked-${run}@example.com`;
  const renewing = `pro-renew-${run}@example.com`;
  await sessionFor(context, asked);
  const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 24 * 3600_000).toISOString().slice(0, 10);
  await withTestDb(async (prisma) => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: asked } });
    await prisma.professionalApplication.create({
      data: {
        userId: user.id,
        status: "NEEDS_INFO",
        profession: "Aesthetician",
        licenceNumber: "AE-1",
        issuingBody: "Board",
        region: "Ohio",
        expiresOn: new Date(`${day(400)}T00:00:00Z`),
        staffMessage: "The photo is cut off at the bottom.",
        events: {
          create: [
            {
              kind: "more-info",
              actorKind: "STAFF",
              actorEmail: "staff@example.com",
              message: "More needed: The photo is cut off at the bottom.",
              at: new Date(Date.now() - 3_600_000),
            },
            { kind: "saved", actorKind: "CUSTOMER", message: "You started an application.", at: new Date(Date.now() - 3 * 86_400_000) },
            { kind: "submitted", actorKind: "CUSTOMER", message: "You sent the application for review.", at: new Date(Date.now() - 2 * 86_400_000) },
          ],
        },
      },
    });
    const other = await prisma.user.create({ data: { email: renewing } });
    const application = await prisma.professionalApplication.create({
      data: { userId: other.id, status: "APPROVED", profession: "Nurse", licenceNumber: "RN-778899", issuingBody: "Nursing Board", region: "Texas" },
    });
    await prisma.professionalLicence.create({
      data: {
        userId: other.id,
        applicationId: application.id,
        profession: "Nurse",
        licenceNumber: "RN-778899",
        issuingBody: "Nursing Board",
        region: "Texas",
        expiresOn: new Date(`${day(10)}T00:00:00Z`),
        validUntil: new Date(`${day(11)}T05:00:00Z`),
        approvedBy: "staff@example.com",
      },
    });
  });

  await page.goto("/account");
  await expect(page.getByTestId("professional-summary")).toHaveText("Our team needs more from you to finish your application.");
  await page.getByRole("link", { name: "Update your application" }).click();
  await expect(page.getByTestId("application-status")).toContainText("Our team needs more from you");
  await expect(page.getByTestId("staff-message")).toHaveText("What our team asked forThe photo is cut off at the bottom.");
  await expect(page.getByTestId("application-history").getByRole("listitem")).toHaveText([
    /You started an application\.$/,
    /You sent the application for review\.$/,
    /More needed: The photo is cut off at the bottom\.$/,
  ]);
  await expect(page.getByRole("heading", { name: "Update your application" })).toBeVisible();
  await expect(page.getByLabel("Licence or certificate number")).toHaveValue("AE-1");
  await accessible(page, "needs more");

  await context.clearCookies();
  await sessionFor(context, renewing);
  await page.goto("/account");
  await expect(page.getByTestId("professional-summary")).toContainText("Verified professional. Your licence expires on");
  await expect(page.getByTestId("professional-summary")).toContainText("Renew it to keep ordering professional-only items.");
  await page.getByRole("link", { name: "Send your renewed licence" }).click();
  await expect(page.getByTestId("renewal-notice")).toContainText("Your licence expires on");
  await expect(page.getByTestId("licence")).toContainText("RN-778899");
  await expect(page.getByTestId("licence")).toContainText("Valid until");
  await expect(page.getByRole("heading", { name: "Send a renewed licence" })).toBeVisible();
  await expect(page.getByLabel("Licence or certificate number")).toHaveValue("RN-778899");
  await expect(page.getByLabel("Expiry date")).toHaveValue("");
  await accessible(page, "renewal due");
  await page.setViewportSize({ width: 390, height: 844 });
  await accessible(page, "renewal due, on a phone");
  await page.screenshot({ path: test.info().outputPath("renewal-phone.png"), fullPage: true });
});
