// "Checkout that shows the money": the checkout page shows subtotal, discount,
// shipping and total before "Continue to payment", priced on the server again
// when the method changes or a code is applied (with and without JavaScript),
// the newest answer always winning; on a phone the summary and the total are
// above the button; a signed-in customer can keep the address for next time.
// Expected amounts are worked out here from the database's own rows (prices,
// methods, codes), never copied from the page. The items are ones no other
// end-to-end test counts the stock of (barrier sleeves, the sharps container).
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { addToCart, type CartOwner } from "@/lib/cart";
import { formatMoney } from "@/lib/catalog/format";
import { withTestDb } from "../support/db";
import { expect, fillCheckout, test } from "./fixtures";

const SLEEVES = "SLV-100"; // accessories: no safety confirmation
const SHARPS = "SHP-1L";

/** What the seeded rows make of `quantity` × `sku` with a method and a code (the store's rules, worked out by hand). */
async function expectedTotal(lines: [sku: string, quantity: number][], method: string, code: string | null) {
  return withTestDb(async (prisma) => {
    let subtotal = 0;
    for (const [sku, quantity] of lines) subtotal += (await prisma.variant.findUniqueOrThrow({ where: { sku } })).priceCents * quantity;
    const m = await prisma.shippingMethod.findUniqueOrThrow({ where: { code: method } });
    const p = code ? await prisma.promoCode.findUniqueOrThrow({ where: { code } }) : null;
    const discount = !p ? 0 : p.kind === "PERCENT" ? Math.floor((subtotal * p.value) / 100) : Math.min(p.value, subtotal);
    const shipping = m.freeOverCents !== null && subtotal - discount >= m.freeOverCents ? 0 : m.priceCents;
    return {
      subtotal: formatMoney(subtotal),
      discount: formatMoney(discount),
      shipping: shipping === 0 ? "Free" : formatMoney(shipping),
      total: formatMoney(subtotal - discount + shipping),
    };
  });
}

/** A browser context whose cart (a guest's, or `owner`'s) holds the lines. */
async function shopper(
  browser: Browser,
  baseURL: string,
  lines: [string, number][],
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number }; owner?: CartOwner; sessionToken?: string } = {},
): Promise<BrowserContext> {
  const token = await withTestDb(async (prisma) => {
    let owner: CartOwner = options.owner ?? null;
    let token: string | null = null;
    for (const [sku, quantity] of lines) {
      const variant = await prisma.variant.findUniqueOrThrow({ where: { sku } });
      token = await addToCart(prisma, owner, variant.id, quantity);
      if (token) owner = token;
    }
    return token;
  });
  const ctx = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { origin: new URL(baseURL).origin },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  if (token) await ctx.addCookies([{ name: "cart", value: token, url: baseURL }]);
  if (options.sessionToken) await ctx.addCookies([{ name: "authjs.session-token", value: options.sessionToken, url: baseURL }]);
  return ctx;
}

const summary = (page: Page) => page.getByTestId("order-summary");
const summaryTotal = (page: Page) => page.getByTestId("summary-total");
const row = (page: Page, term: RegExp) =>
  summary(page)
    .locator("dl > div")
    .filter({ has: page.locator("dt", { hasText: term }) })
    .locator("dd");
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${randomBytes(2).toString("hex")}@example.test`;

test("the total with shipping is shown before Continue, and is priced again when the method or the code changes", async ({ browser, baseURL }) => {
  const lines: [string, number][] = [[SLEEVES, 3]];
  const ctx = await shopper(browser, baseURL!, lines);
  const page = await ctx.newPage();
  await page.goto("/checkout");

  // Before anything is touched: the first method, priced.
  const standard = await expectedTotal(lines, "standard", null);
  await expect(summaryTotal(page)).toHaveText(standard.total);
  await expect(row(page, /^Subtotal$/)).toHaveText(standard.subtotal);
  await expect(row(page, /^Shipping \(Standard\)$/)).toHaveText(standard.shipping);
  await expect(row(page, /^Discount/)).toHaveCount(0);
  const button = page.getByRole("button", { name: "Continue to payment" });
  await expect(summaryTotal(page)).toBeVisible();

  // Another method: asked of the server with the method and the code only, answered in place and said aloud.
  const asked = page.waitForRequest((r) => r.url().endsWith("/checkout/quote"));
  await page.getByRole("radio", { name: /^Express/ }).check();
  const request = await asked;
  expect([...new URLSearchParams(request.postData() ?? "").keys()].sort()).toEqual(["promoCode", "shippingMethod"]);
  const express = await expectedTotal(lines, "express", null);
  await expect(summaryTotal(page)).toHaveText(express.total);
  await expect(row(page, /^Shipping \(Express\)$/)).toHaveText(express.shipping);
  await expect(page.getByTestId("total-announcement")).toHaveText(`Express shipping, ${express.shipping}. Total ${express.total}.`);
  await expect(page).toHaveURL(/\/checkout$/);

  // A code, as typed.
  await page.getByLabel("Code (optional)").fill("save5");
  await page.getByRole("button", { name: "Apply" }).click();
  const saved = await expectedTotal(lines, "express", "SAVE5");
  await expect(summaryTotal(page)).toHaveText(saved.total);
  await expect(row(page, /^Discount \(SAVE5\)$/)).toHaveText(`−${saved.discount}`);
  await expect(page.getByTestId("total-announcement")).toHaveText(`Code SAVE5 applied, ${saved.discount} off. Total ${saved.total}.`);
  await expect(page.locator("#promoCode-error")).toHaveCount(0);

  // A refused code (Enter in the field applies it too): said next to it, and the total without it.
  await page.getByLabel("Code (optional)").fill("spring25");
  await page.getByLabel("Code (optional)").press("Enter");
  await expect(page.locator("#promoCode-error")).toHaveText("That code has expired.");
  await expect(page.getByLabel("Code (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(summaryTotal(page)).toHaveText(express.total);
  await expect(row(page, /^Discount/)).toHaveCount(0);
  await expect(page).toHaveURL(/\/checkout$/);

  // The code again, and on to payment: the order's total is the one the summary showed.
  await page.getByLabel("Code (optional)").fill("SAVE5");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(summaryTotal(page)).toHaveText(saved.total);
  await fillCheckout(page, { email: unique("money") });
  await button.click();
  await expect(page).toHaveURL(/\/pay\/demo\//);
  await expect(page.getByTestId("demo-total")).toHaveText(saved.total);
  await ctx.close();
});

test("an answer to an older question never replaces the newer one", async ({ browser, baseURL }) => {
  const lines: [string, number][] = [[SHARPS, 2]];
  const ctx = await shopper(browser, baseURL!, lines);
  const page = await ctx.newPage();
  await page.goto("/checkout");
  // The first quote (Express) is held back until the second (Standard) has been answered.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await page.route("**/checkout/quote", async (route) => {
    if (first) {
      first = false;
      await held;
    }
    await route.continue();
  });
  const late = page.waitForResponse((r) => r.url().endsWith("/checkout/quote") && (r.request().postData() ?? "").includes("express"));
  await page.getByRole("radio", { name: /^Express/ }).check();
  const prompt = page.waitForResponse((r) => r.url().endsWith("/checkout/quote") && (r.request().postData() ?? "").includes("standard"));
  await page.getByRole("radio", { name: /^Standard/ }).check();
  await prompt;
  const standard = await expectedTotal(lines, "standard", null);
  await expect(summaryTotal(page)).toHaveText(standard.total);
  release();
  const express = await late;
  expect((await express.json()).quote.shipping.code).toBe("express");
  // Give the page the time to (wrongly) show it: it must still show Standard.
  await page.waitForTimeout(300);
  await expect(summaryTotal(page)).toHaveText(standard.total);
  await expect(row(page, /^Shipping \(Standard\)$/)).toHaveText(standard.shipping);
  await ctx.close();
});

test("without JavaScript, Apply comes back with the total priced and everything typed kept", async ({ browser, baseURL }) => {
  const lines: [string, number][] = [[SLEEVES, 3]];
  const ctx = await shopper(browser, baseURL!, lines, { javaScriptEnabled: false });
  const page = await ctx.newPage();
  const email = unique("nojs-money");
  await page.goto("/checkout");
  await expect(summaryTotal(page)).toHaveText((await expectedTotal(lines, "standard", null)).total);

  await fillCheckout(page, { email, name: "Grace Hopper" });
  await page.getByRole("radio", { name: /^Express/ }).check();
  await page.getByLabel("Code (optional)").fill("save5");
  await page.getByRole("button", { name: "Apply" }).click();

  // Back on the form, priced for Express and the code; the URL holds no personal data.
  await expect(page).toHaveURL(/\/checkout\?updated=total#promo$/);
  expect(page.url()).not.toContain("Grace");
  expect(page.url()).not.toContain("nojs-money");
  const saved = await expectedTotal(lines, "express", "SAVE5");
  await expect(summaryTotal(page)).toHaveText(saved.total);
  await expect(row(page, /^Discount \(SAVE5\)$/)).toHaveText(`−${saved.discount}`);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Full name")).toHaveValue("Grace Hopper");
  await expect(page.getByLabel("Postal code")).toHaveValue("04101");
  await expect(page.getByRole("radio", { name: /^Express/ })).toBeChecked();
  await expect(page.getByLabel("Code (optional)")).toHaveValue("save5");
  await expect(page.locator("#promoCode-error")).toHaveCount(0);
  const retry = (await ctx.cookies()).find((c) => c.name === "checkout-retry")!;
  expect(retry).toMatchObject({ httpOnly: true, path: "/checkout" });
  expect(retry.value).not.toContain("Grace");

  // A code the store does not know: said next to the field, and the total without it.
  await page.getByLabel("Code (optional)").fill("no-such-code");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/checkout\?updated=total#promo$/);
  await expect(page.locator("#promoCode-error")).toHaveText("We do not recognise that code. Check the spelling and try again.");
  const express = await expectedTotal(lines, "express", null);
  await expect(summaryTotal(page)).toHaveText(express.total);

  // Back to Standard with the code: the total follows, and the payment page asks for that total.
  await page.getByRole("radio", { name: /^Standard/ }).check();
  await page.getByLabel("Code (optional)").fill("SAVE5");
  await page.getByRole("button", { name: "Apply" }).click();
  const final = await expectedTotal(lines, "standard", "SAVE5");
  await expect(summaryTotal(page)).toHaveText(final.total);
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(/\/pay\/demo\//);
  await expect(page.getByTestId("demo-total")).toHaveText(final.total);
  await ctx.close();
});

test("on a phone the total is above the Continue button, the summary one tap away, and nothing scrolls sideways", async ({ browser, baseURL }) => {
  const lines: [string, number][] = [
    [SLEEVES, 1],
    [SHARPS, 1],
  ];
  const ctx = await shopper(browser, baseURL!, lines, { viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await page.goto("/checkout");
  const standard = await expectedTotal(lines, "standard", null);

  // The folded summary, with the total on it, is on the first screen, above the form and its button.
  const fold = summary(page).locator("summary");
  await expect(fold).toBeInViewport();
  await expect(fold).toHaveText(new RegExp(`Order summary.*${standard.total.replace("$", "\\$")}`));
  const button = page.getByRole("button", { name: "Continue to payment" });
  expect((await fold.boundingBox())!.y).toBeLessThan((await button.boundingBox())!.y);
  // And the total again just above the button.
  await expect(page.getByTestId("total-by-button")).toHaveText(standard.total);
  const byButton = (await page.getByTestId("total-by-button").boundingBox())!;
  const buttonBox = (await button.boundingBox())!;
  expect(byButton.y).toBeLessThan(buttonBox.y);
  expect(buttonBox.y - byButton.y).toBeLessThan(120);

  // Opened from the keyboard: the lines and the amounts.
  await expect(summaryTotal(page)).toBeHidden();
  await fold.focus();
  await page.keyboard.press("Enter");
  await expect(summaryTotal(page)).toBeVisible();
  await expect(summaryTotal(page)).toHaveText(standard.total);
  await expect(summary(page).getByText(/1 × Home Sharps/)).toBeVisible();

  // A method changed far down the page changes the total on the fold and by the button.
  await page.getByRole("radio", { name: /^Express/ }).check();
  const express = await expectedTotal(lines, "express", null);
  await expect(page.getByTestId("summary-fold-total")).toHaveText(express.total);
  await expect(page.getByTestId("total-by-button")).toHaveText(express.total);

  for (const width of [320, 360, 390, 430]) {
    await page.setViewportSize({ width, height: 844 });
    const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
    expect(scroll, `${width} px: the page scrolls sideways`).toBeLessThanOrEqual(viewport);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await ctx.close();
});

test("a signed-in customer can keep the address typed at checkout for next time; a guest is not offered it", async ({ browser, baseURL }) => {
  const guest = await shopper(browser, baseURL!, [[SHARPS, 1]]);
  const guestPage = await guest.newPage();
  await guestPage.goto("/checkout");
  await expect(guestPage.getByLabel("Email")).toBeVisible();
  await expect(guestPage.getByRole("checkbox", { name: "Save this address to my account" })).toHaveCount(0);
  await guest.close();

  const email = unique("keeps-address");
  const sessionToken = randomBytes(32).toString("hex");
  const user = await withTestDb(async (prisma) => {
    const user = await prisma.user.create({ data: { email, emailVerified: new Date() } });
    await prisma.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
    return user;
  });
  try {
    const ctx = await shopper(browser, baseURL!, [[SHARPS, 1]], { owner: { userId: user.id }, sessionToken });
    const page = await ctx.newPage();
    await page.goto("/checkout");
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await fillCheckout(page, {
      email,
      name: "Mary Somerville",
      line1: "9 Observatory Road",
      city: "Burntisland",
      region: "",
      postalCode: "ky3 9aa",
      country: "GB",
    });
    await page.getByRole("checkbox", { name: "Save this address to my account" }).check();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(/\/pay\/demo\//);

    // Next time, checkout starts from it.
    await page.goto("/checkout");
    await expect(page.getByLabel("Full name")).toHaveValue("Mary Somerville");
    await expect(page.getByLabel("Address line 1")).toHaveValue("9 Observatory Road");
    await expect(page.getByLabel("Postal code")).toHaveValue("KY3 9AA");
    await expect(page.getByLabel("Country")).toHaveValue("GB");
    // Sent again with the box ticked, it is not kept twice.
    await page.getByRole("checkbox", { name: "Save this address to my account" }).check();
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await expect(page).toHaveURL(/\/pay\/demo\//);
    const saved = await withTestDb((prisma) => prisma.address.findMany({ where: { userId: user.id }, select: { line1: true } }));
    expect(saved).toEqual([{ line1: "9 Observatory Road" }]);
    await ctx.close();
  } finally {
    await withTestDb((prisma) => prisma.user.delete({ where: { id: user.id } }));
  }
});

test("the quote route refuses what the start route refuses, and reads only the method and the code", async ({ browser, baseURL }) => {
  const lines: [string, number][] = [[SHARPS, 1]];
  const ctx = await shopper(browser, baseURL!, lines);
  const json = { accept: "application/json" };

  for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
    const forged = await ctx.request.post("/checkout/quote", { form: { shippingMethod: "express" }, headers: { ...json, ...headers }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
  }
  const tooLarge = "That form was too large to send. Please check what you typed and try again.";
  const big = await ctx.request.post("/checkout/quote", { multipart: { shippingMethod: "express", promoCode: "x".repeat(20_000) }, headers: json });
  expect(big.status()).toBe(413);
  expect(await big.json()).toEqual({ ok: false, formError: tooLarge });
  const plainBig = await ctx.request.post("/checkout/quote", { form: { promoCode: "x".repeat(20_000) }, maxRedirects: 0 });
  expect(plainBig.status()).toBe(303);
  expect(plainBig.headers()["location"]).toBe("/checkout?error=too-large");

  // Prices, totals and lines sent along change nothing.
  const forgedPrices = await ctx.request.post("/checkout/quote", {
    form: { shippingMethod: "express", promoCode: "", priceCents: "1", totalCents: "1", shippingCents: "0", discountCents: "99999", subtotalCents: "1" },
    headers: json,
  });
  expect(forgedPrices.headers()["cache-control"]).toBe("no-store");
  const answer = await forgedPrices.json();
  expect(answer.ok).toBe(true);
  expect(formatMoney(answer.quote.totalCents)).toBe((await expectedTotal(lines, "express", null)).total);
  await ctx.close();
});
