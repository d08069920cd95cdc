// A guest signs in with an emailed link (read from the demo outbox), lands on
// their account with the cart they built as a guest, and signs out again.
import { addToCart, expect, orderNumberOn, test } from "./fixtures";

test("a guest signs in by email link, keeps their cart, and signs out", async ({ page }) => {
  const email = `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;

  // A guest cart first.
  await page.goto("/products/home-starter-kit");
  await addToCart(page);
  await expect(page.getByRole("link", { name: "View cart and check out" })).toBeVisible();

  // A pen chosen as a guest...
  await page.goto("/shop/cartridges");
  await page.getByLabel("Which pen do you have?").selectOption({ label: "Stillpoint H1 Home Pen" });
  await page.getByRole("button", { name: "Remember my pen" }).click();
  await expect(page.getByTestId("pen-notice")).toContainText("Stillpoint H1 Home Pen");

  // The account page sends a guest to sign in, and brings them back after.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)account$/);
  await expect(page.getByTestId("account-link")).toHaveText("Sign in");

  // A mistyped email is explained next to the field.
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter an email address like name@example.com.");

  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/signin\/check-email/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  // The link, from the plain-text body of the message in the outbox.
  await page.goto("/outbox");
  await page.getByRole("row").filter({ hasText: email }).getByRole("link", { name: "Sign in to Stillpoint" }).click();
  const text = page.locator("pre");
  await expect(text).toContainText("expires in 24 hours");
  await expect(text).toContainText("If you did not ask to sign in");
  const link = (await text.textContent())!.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/)?.[0];
  expect(link, "sign-in link in the email").toBeTruthy();

  await page.goto(link!);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(`Signed in as ${email}`);
  await expect(page.getByTestId("account-link")).toHaveText("Account");
  // ...is the account's saved pen once signed in.
  await expect(page.getByLabel("Pen model")).toHaveValue(/./);
  await expect(page.getByLabel("Pen model").locator("option:checked")).toHaveText("Stillpoint H1 Home Pen");

  // The guest cart became the account's cart.
  await page.goto("/cart");
  await expect(page.getByTestId("cart-lines")).toContainText("Home Starter Kit");

  // A saved address, with errors next to the fields first.
  await page.goto("/account");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.locator("#address-name-error")).toHaveText("Enter the full name.");
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Address line 1").fill("12 Marsh Lane");
  await page.getByLabel("Town or city").fill("Leeds");
  await page.getByLabel("Postal code").fill("LS1 4AP");
  await page.getByLabel("Country").selectOption("GB");
  await page.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByTestId("saved-addresses")).toContainText("12 Marsh Lane");

  // Checkout starts from the account's email and saved address.
  await page.goto("/checkout");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("Full name")).toHaveValue("Ada Lovelace");
  await expect(page.getByLabel("Address line 1")).toHaveValue("12 Marsh Lane");
  await expect(page.getByLabel("Postal code")).toHaveValue("LS1 4AP");
  await expect(page.getByLabel("Country")).toHaveValue("GB");

  // Bought while signed in, the order is listed on the account and opens
  // there with its instructions, without any link from an email.
  await page.getByRole("checkbox", { name: /who must not use these products/ }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByTestId("order-heading")).toHaveText("Thank you, your order is confirmed");
  const orderNumber = await orderNumberOn(page);
  await page.goto("/account");
  await page
    .getByTestId("account-orders")
    .getByRole("link", { name: `Order ${orderNumber}` })
    .click();
  await expect(page).toHaveURL(/\/account\/orders\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("order-heading")).toHaveText(`Order ${orderNumber}`);
  await expect(page.getByTestId("order-timeline").locator('[data-state="current"]')).toContainText("Paid");
  await expect(page.getByTestId("order-instructions").first().getByRole("heading", { name: "Who must not use it" })).toBeVisible();
  const accountOrderUrl = page.url();

  await page.goto("/account");
  await page.getByRole("button", { name: /Delete the address for Ada Lovelace/ }).click();
  await expect(page.getByText("No saved addresses yet.")).toBeVisible();

  // Signing out ends the session.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("account-link")).toHaveText("Sign in");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=(%2F|\/)account$/);
  // Signed out, the account's order page is the same 404 as a missing order.
  const response = await page.goto(accountOrderUrl);
  expect(response?.status()).toBe(404);
});
