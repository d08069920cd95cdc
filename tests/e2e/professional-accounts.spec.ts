// Professional accounts, end to end (issue 14's "done when"): a guest and an
// unverified customer cannot add or check out any professional-only variant,
// by any path, and are refused in the same words; a customer applies with an
// upload, staff approve, and the customer buys the Professional Kit, its
// order recording the licence and the guide version acknowledged; an expired
// licence blocks the next checkout. Pages are the same static HTML for
// everyone: what a professional may do arrives from their browser's own
// request, never from a cached page.
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { PROFESSIONAL_ONLY_MESSAGE } from "@/lib/professional/eligibility";
import { storeDay } from "@/lib/professional/applications";
import { testDb } from "../support/db";
import { tinyPdf } from "../support/documents";
import { licensedAccount } from "../support/professional";
import { addToCart, expect, fillCheckout, sessionFor, test } from "./fixtures";

const PRO_SKUS = ["KIT-PRO", "CRT-42-10"] as const;

async function variantIds(): Promise<Record<string, string>> {
  const prisma = testDb(1);
  try {
    const rows = await prisma.variant.findMany({ where: { sku: { in: [...PRO_SKUS, "SRM-HA-30"] } }, select: { id: true, sku: true } });
    return Object.fromEntries(rows.map((r) => [r.sku, r.id]));
  } finally {
    await prisma.$disconnect();
  }
}

/** Every way into a cart and out of it, as a browser's own requests (the cookies of `request`); the refusals seen. */
async function tryEveryPath(page: Page, request: APIRequestContext, ids: Record<string, string>): Promise<string[]> {
  const refusals: string[] = [];
  // The professional guide's sections are not theirs to read either.
  expect((await request.get("/api/professional/sections?product=home-complete-kit")).status()).toBe(404);
  for (const sku of PRO_SKUS) {
    // The product page offers no way to add it.
    await page.goto(`/products/${sku === "KIT-PRO" ? "professional-kit" : "wide-42-cartridge"}`);
    await expect(page.locator("form[data-hydrated]")).toHaveCount(1);
    await expect(page.getByTestId("professional-only")).toContainText(PROFESSIONAL_ONLY_MESSAGE);
    await expect(page.locator("#add-to-cart").getByRole("button", { name: "Add to cart" })).toHaveCount(0);

    // The add route as the page's script calls it.
    const json = await request.post("/cart/add", { form: { variantId: ids[sku]!, quantity: "1" }, headers: { Accept: "application/json" } });
    expect(json.status()).toBe(200);
    const answer = (await json.json()) as { ok: boolean; error?: string };
    expect(answer.ok).toBe(false);
    refusals.push(answer.error!);

    // The same form without JavaScript: back to the cart, which says why.
    const plain = await request.post("/cart/add", { form: { variantId: ids[sku]!, quantity: "1" }, maxRedirects: 0 });
    expect(plain.status()).toBe(303);
    const to = plain.headers()["location"]!;
    await page.goto(to);
    await expect(page.getByRole("alert").filter({ hasText: PROFESSIONAL_ONLY_MESSAGE })).toBeVisible();
    refusals.push(PROFESSIONAL_ONLY_MESSAGE);
  }
  return refusals;
}

test("a guest and a signed-in customer without a licence cannot add or check out a professional-only item, and are refused alike", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const ids = await variantIds();
  const guest = await tryEveryPath(page, page.request, ids);

  const context = await browser.newContext();
  const customer = await context.newPage();
  await sessionFor(context, `unverified-${Date.now()}@example.com`);
  const unverified = await tryEveryPath(customer, customer.request, ids);
  expect(new Set([...guest, ...unverified])).toEqual(new Set([PROFESSIONAL_ONLY_MESSAGE]));

  // A cart that already holds one (from before the rule, or a forged row) keeps it out of the total, and checkout refuses.
  const prisma = testDb(1);
  try {
    const user = await prisma.user.findFirstOrThrow({ where: { email: { startsWith: "unverified-" } }, orderBy: { createdAt: "desc" } });
    const cart = await prisma.cart.upsert({ where: { userId: user.id }, create: { userId: user.id, tokenHash: `t-${Date.now()}` }, update: {} });
    await prisma.cartItem.create({ data: { cartId: cart.id, variantId: ids["KIT-PRO"]!, quantity: 1 } });
    await prisma.cartItem.create({ data: { cartId: cart.id, variantId: ids["SRM-HA-30"]!, quantity: 1 } });
  } finally {
    await prisma.$disconnect();
  }
  await customer.goto("/cart");
  await expect(customer.getByTestId("professional-only")).toContainText(PROFESSIONAL_ONLY_MESSAGE);
  await expect(customer.getByRole("link", { name: "Check out" })).toHaveCount(0);
  // Checkout itself, asked for directly, sends the shopper back to the cart; its endpoint refuses with the reason.
  await customer.goto("/checkout");
  await expect(customer).toHaveURL(/\/cart$/);
  const start = await customer.request.post("/checkout/start", {
    form: {
      email: "x@example.com",
      name: "X Y",
      line1: "1 A Street",
      city: "Town",
      postalCode: "04101",
      country: "US",
      shippingMethod: "standard",
      confirmSafety: "on",
    },
    headers: { Accept: "application/json" },
  });
  expect(start.status()).toBeLessThan(500);
  expect(await start.text()).toContain("sold only to verified professionals");
  await context.close();
});

/** An account with a licence staff approved, valid through `expiresOn`. */
async function licensed(email: string, expiresOn: string) {
  const prisma = testDb(1);
  try {
    return (await licensedAccount(prisma, { email, expiresOn })).licence;
  } finally {
    await prisma.$disconnect();
  }
}

/** From the cart to a paid demo order, confirming the safety information on the way. */
async function checkOutAndPay(page: Page, email: string) {
  await page.goto("/cart");
  await page.getByRole("link", { name: "Check out" }).click();
  await fillCheckout(page, { email });
  await page.getByRole("checkbox", { name: /who must not use these products/ }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(/\/pay\/demo\//);
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("order-heading")).toHaveText("Thank you, your order is confirmed");
}

test("a verified professional sees the professional sections and buys a professional-only item; once the licence has expired the next checkout is blocked", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const email = `licensed-${Date.now()}@example.com`;
  const licence = await licensed(email, storeDay(new Date(Date.now() + 200 * 86_400_000)));
  await sessionFor(context, email);

  // A home kit's page: the same static page, plus the professional guide's sections for this account.
  await page.goto("/products/home-complete-kit");
  await expect(page.getByTestId("professional-sections")).toContainText("Professional depth guide");
  await expect(page.getByTestId("professional-sections")).toContainText("Client consultation and screening");
  // On a phone the added sections fit the screen (the depth table scrolls in its own box) and pass an accessibility scan.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("professional-sections").scrollIntoViewIfNeeded();
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(viewport);
  const axe = await new AxeBuilder({ page }).include("[data-testid=professional-sections]").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.getByTestId("professional-sections").screenshot({ path: test.info().outputPath("professional-sections-phone.png") });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto("/products/wide-42-cartridge");
  await expect(page.getByTestId("professional-licensed")).toBeVisible();
  await addToCart(page);
  await expect(page.getByTestId("added")).toContainText("Added Wide 42 Cartridge");
  await checkOutAndPay(page, email);

  const prisma = testDb(1);
  try {
    const order = await prisma.order.findFirstOrThrow({ where: { email }, orderBy: { createdAt: "desc" } });
    expect(order.status).toBe("PAID");
    expect(order.licenceId).toBe(licence.id);
    expect(order.reviewHoldReason).toBeNull();

    // Another one in the cart, then the licence runs out.
    const cart = await prisma.cart.findUniqueOrThrow({ where: { userId: licence.userId } });
    await prisma.cartItem.create({ data: { cartId: cart.id, variantId: (await variantIds())["CRT-42-10"]!, quantity: 1 } });
    await prisma.cartItem.create({ data: { cartId: cart.id, variantId: (await variantIds())["SRM-HA-30"]!, quantity: 1 } });
    await prisma.professionalLicence.update({ where: { id: licence.id }, data: { validUntil: new Date(Date.now() - 1000) } });
  } finally {
    await prisma.$disconnect();
  }
  // The next checkout is blocked: the cart holds the item back and says why, and checkout sends the shopper back.
  await page.goto("/cart");
  await expect(page.getByTestId("professional-only")).toContainText("Wide 42 Cartridge");
  await expect(page.getByRole("link", { name: "Check out" })).toHaveCount(0);
  await page.goto("/checkout");
  await expect(page).toHaveURL(/\/cart$/);
  await page.goto("/products/wide-42-cartridge");
  await expect(page.getByTestId("professional-only")).toBeVisible();
  const refused = await page.request.post("/cart/add", {
    form: { variantId: (await variantIds())["CRT-42-10"]!, quantity: "1" },
    headers: { Accept: "application/json" },
  });
  expect(((await refused.json()) as { error?: string }).error).toBe(PROFESSIONAL_ONLY_MESSAGE);
  // The other page does not show the professional sections any more.
  await page.goto("/products/home-complete-kit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Home Complete Kit");
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("professional-sections")).toHaveCount(0);
});

test("a customer applies with an upload, staff approve it, and the customer buys the Professional Kit; the order shows the licence and the guide version acknowledged", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(150_000);
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const email = `pro-buyer-${run}@example.com`;
  const expiresOn = storeDay(new Date(Date.now() + 400 * 86_400_000));
  await sessionFor(context, email);

  // Before approval the kit cannot be bought.
  await page.goto("/products/professional-kit");
  await expect(page.getByTestId("professional-only")).toBeVisible();

  // Apply, with a copy of the licence.
  await page.goto("/account/professional");
  await page.getByLabel("Your profession").fill("Registered nurse (aesthetics)");
  await page.getByLabel("Licence or certificate number").fill(`RN-${run.slice(-6)}`);
  await page.getByLabel("Issuing body").fill("State Board of Nursing");
  await page.getByLabel("Country and state or province").fill("United States, Maine");
  await page.getByLabel("Expiry date").fill(expiresOn);
  await page
    .getByLabel("A copy of your licence or certificate")
    .setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: tinyPdf("RN licence") });
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByTestId("application-status")).toContainText(/waiting for review/i);

  // Staff approve it in the back office, with the licence's own expiry.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await sessionFor(staffContext, `reviewer-${run}@example.com`, "STAFF");
  await staff.goto("/admin/professionals");
  await staff.getByRole("link", { name: email, exact: true }).first().click();
  const approve = staff.getByRole("form", { name: "Approve this application", exact: true });
  await expect(approve.getByLabel("Licence expires on")).toHaveValue(expiresOn);
  await approve.getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByTestId("admin-notice")).toBeVisible();

  // The customer is told, and can now buy the kit.
  await page.goto("/outbox");
  await expect(page.getByRole("row").filter({ hasText: email }).filter({ hasText: "approved" }).first()).toBeVisible();
  await page.goto("/products/professional-kit");
  await expect(page.getByTestId("professional-licensed")).toBeVisible();
  await addToCart(page);
  await expect(page.getByTestId("added")).toContainText("Added Professional Kit");
  await checkOutAndPay(page, email);
  const number = (await page.getByText(/^Order SP-/).textContent())!.match(/SP-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];

  // The back-office order page: the licence it was sold under and the guide version whose warnings were confirmed.
  await staff.goto(`/admin/orders/${number}`);
  await expect(staff.getByText(`RN-${run.slice(-6)}`)).toBeVisible();
  await expect(staff.getByText(/Confirmed who must not use it/)).toContainText("Professional pen guide");
  await staffContext.close();
});
