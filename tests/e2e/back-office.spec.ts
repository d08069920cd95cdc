// Issue 13's "done when", end to end: the owner signs in and invites a staff
// member; the staff member finds a paid order by email and ships it with a
// tracking number (the customer's tracking page and mail show it); the owner
// refunds one line, and the order, the stock history and the audit log show
// both actions with their actors. Once with the demo provider (the store
// Playwright starts), once with Stripe (a second store on the same database,
// its Stripe SDK pointed at the local stand-in, events delivered signed to its
// webhook as Stripe would).
import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import Stripe from "stripe";
import { formatMoney } from "@/lib/catalog/format";
import { withTestDb } from "../support/db";
import { freePort, startStore, type StoreServer } from "../support/store-server";
import { startStripeStandIn, type StripeStandIn } from "../support/stripe-stand-in";
import { addToCart, expect, fillCheckout, orderNumberOn, sessionFor, signInAs, test } from "./fixtures";

const OWNER = "owner@example.com";
const KIT = "/products/home-starter-kit";
const CLEANSER = "/products/gentle-cleanser";
const TRACKING = "1Z999AA10123450001";

/** A back-office page a person can use: no sideways scroll, no repeated id (a label would name the wrong field), no serious axe finding. */
async function checkPage(page: Page, name: string) {
  await page.waitForLoadState("load");
  const { scroll, viewport, repeated } = await page.evaluate(() => {
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    return {
      scroll: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      repeated: ids.filter((id, i) => ids.indexOf(id) !== i),
    };
  });
  expect(scroll, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(viewport);
  expect(repeated, `${name}: ids used twice`).toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes[0]?.target.join(" ")}`);
  expect(serious, `${name}: axe`).toEqual([]);
}

async function buyKitAndCleanser(page: Page, email: string, pay: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(KIT);
  await addToCart(page);
  await expect(page.getByText("Added Home Starter Kit")).toBeVisible();
  await page.goto(CLEANSER);
  await addToCart(page);
  await expect(page.getByText(/^Added /).first()).toBeVisible();
  await page.goto("/checkout");
  await fillCheckout(page, { email, name: "Grace Hopper", line1: "7 Harbor Road", city: "Arlington", region: "VA", postalCode: "22201" });
  await page.getByRole("checkbox", { name: /who must not use these products/ }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await pay(page);
}

/** The staff member finds the order by the customer's email, packs it and ships every line. */
async function staffShips(page: Page, email: string, orderNumber: string, staffEmail: string) {
  await page.goto("/admin/orders");
  await page.getByLabel("Order number, email or name").fill(email);
  await page.getByRole("search", { name: "Find orders" }).getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("order-count")).toHaveText("1 order");
  await checkPage(page, "orders list");
  // A table on a desktop, cards on a phone: whichever is shown.
  await page.getByRole("link", { name: orderNumber, exact: true }).filter({ visible: true }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(orderNumber);
  await checkPage(page, "order page");
  await page.getByRole("button", { name: "Mark packed" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText("packed");
  const ship = page.getByRole("form", { name: `Ship ${orderNumber}` });
  await ship.getByLabel("Carrier").selectOption("UPS");
  await ship.getByLabel("Tracking number").fill(TRACKING);
  await ship.getByRole("button", { name: "Ship this parcel" }).click();
  await expect(page.getByTestId("admin-order-shipments")).toContainText(TRACKING);
  await expect(page.getByTestId("admin-order-timeline")).toContainText(staffEmail);
}

/** The owner refunds one cleanser (put back into stock) from the order page. */
async function ownerRefundsCleanser(page: Page, orderNumber: string, reason: string) {
  await page.goto(`/admin/orders/${orderNumber}`);
  const line = page.getByTestId("refund-line").filter({ hasText: /Cleanser/i });
  await line.getByLabel(/^Units to refund of/).fill("1");
  await line.getByLabel("Put back into stock").check();
  await page.getByLabel("Reason").fill(reason);
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(page.getByTestId("admin-notice")).toContainText("Refund of");
  await checkPage(page, "order page after a refund");
}

/** What the order, the stock history and the audit log must show afterwards. */
async function expectRecorded(page: Page, o: { id: string; number: string; staffEmail: string; cleanserCents: number; cleanserVariantId: string }) {
  await expect(async () => {
    await page.goto(`/admin/orders/${o.number}`);
    await expect(page.getByTestId("refund-refunded")).toHaveText(formatMoney(o.cleanserCents, "USD"), { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // A partial refund: the order keeps its status.
  await expect(page.getByTestId("admin-order-status")).toContainText("Shipped");
  await expect(page.getByTestId("refund-row")).toHaveAttribute("data-status", "SUCCEEDED");
  await expect(page.getByTestId("refund-row")).toContainText(OWNER);

  // Stock: the returned unit is in the variant's history, under the owner.
  await page.goto(`/admin/stock/${o.cleanserVariantId}`);
  const returned = page.getByTestId("stock-history-line").filter({ hasText: "Returned" }).filter({ hasText: OWNER });
  await expect(returned.first()).toBeVisible();
  await checkPage(page, "stock page");

  // The audit log: the staff member's shipment and the owner's refund of this order.
  await page.goto(`/admin/audit?subject=${encodeURIComponent(o.number)}`);
  const log = page.getByTestId("audit-entries");
  await expect(log.getByTestId("audit-entry").filter({ hasText: "order.ship" })).toContainText(o.staffEmail);
  await expect(log.getByTestId("audit-entry").filter({ hasText: "refund.create" })).toContainText(OWNER);
  await checkPage(page, "audit log");
}

async function orderFacts(orderNumber: string) {
  return withTestDb(async (prisma) => {
    const order = await prisma.order.findUniqueOrThrow({ where: { number: orderNumber }, include: { items: true } });
    const cleanser = order.items.find((i) => i.productSlug === "gentle-cleanser")!;
    return { id: order.id, cleanserCents: cleanser.unitPriceCents, cleanserVariantId: cleanser.variantId, refundedCents: order.refundedCents };
  });
}

async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL });
}

test("demo: the owner invites staff, staff ship a paid order, the owner refunds one line; all of it recorded with its actor", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const run = randomBytes(4).toString("hex");
  const staffEmail = `journey-staff-${run}@example.test`;
  const customerEmail = `journey-customer-${run}@example.com`;

  // The owner signs in through the emailed link and invites a staff member.
  await signInAs(page, OWNER, "/admin/staff");
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email address").fill(staffEmail);
  await invite.getByLabel("Role").selectOption("STAFF");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("admin-notice")).toContainText(`Invited: ${staffEmail}`);
  await checkPage(page, "staff page");

  // A customer buys and pays on the demo page.
  const customer = await newContext(browser, baseURL!);
  const customerPage = await customer.newPage();
  let orderNumber = "";
  let orderUrl = "";
  try {
    await buyKitAndCleanser(customerPage, customerEmail, async (p) => {
      await p.getByRole("button", { name: /^Pay / }).click();
      await expect(p.getByTestId("order-heading")).toHaveText("Thank you, your order is confirmed");
    });
    orderNumber = await orderNumberOn(customerPage);
    orderUrl = customerPage.url();

    // The staff member signs in with their own account, on a phone, and ships it.
    const staff = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
    try {
      const staffPage = await staff.newPage();
      await signInAs(staffPage, staffEmail, "/admin");
      await expect(staffPage.getByTestId("admin-actor")).toContainText(`${staffEmail} · Staff`);
      await staffShips(staffPage, customerEmail, orderNumber, staffEmail);
      // Staff cannot refund: no form for them.
      await expect(staffPage.getByRole("button", { name: "Refund", exact: true })).toHaveCount(0);
    } finally {
      await staff.close();
    }

    // The customer's order page shows the parcel; the shipped mail names it.
    await customerPage.goto(orderUrl);
    await expect(customerPage.getByTestId("order-shipment")).toContainText(TRACKING);
    await expect(async () => {
      await page.goto("/outbox");
      await page
        .getByRole("link", { name: new RegExp(`${orderNumber} is on its way`) })
        .first()
        .click({ timeout: 1_000 });
      await expect(page.locator("pre")).toContainText(TRACKING, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  } finally {
    await customer.close();
  }

  // The owner refunds one line; the demo provider settles it.
  await ownerRefundsCleanser(page, orderNumber, "The cleanser bottle arrived cracked.");
  const facts = await orderFacts(orderNumber);
  await expectRecorded(page, { ...facts, number: orderNumber, staffEmail });
  expect((await orderFacts(orderNumber)).refundedCents).toBe(facts.cleanserCents);
});

// ------------------------------------------------------------------ Stripe

const WEBHOOK_SECRET = "whsec_admin_journey";

function signedEvent(type: string, object: Record<string, unknown>): { body: string; signature: string } {
  const body = JSON.stringify({
    id: `evt_test_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET }) };
}

async function deliver(store: StoreServer, type: string, object: Record<string, unknown>): Promise<void> {
  const { body, signature } = signedEvent(type, object);
  const response = await fetch(`http://127.0.0.1:${store.port}/api/stripe/webhook`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "stripe-signature": signature },
  });
  expect(await response.text(), `${type} accepted`).toBe("ok");
}

async function waitUp(port: number, store: StoreServer) {
  await expect(async () => {
    const r = await fetch(`http://127.0.0.1:${port}/robots.txt`);
    expect(r.ok).toBe(true);
  })
    .toPass({ timeout: 90_000, intervals: [250] })
    .catch((error) => {
      throw new Error(`The Stripe store did not start: ${store.output().slice(-2000)}\n${error}`);
    });
}

test("Stripe: staff ship a Stripe-paid order and the owner's refund of one line is sent to Stripe and settled by its refund event", async ({ browser }) => {
  test.setTimeout(240_000);
  const run = randomBytes(4).toString("hex");
  const staffEmail = `journey-stripe-staff-${run}@example.test`;
  const customerEmail = `journey-stripe-${run}@example.com`;
  let standIn: StripeStandIn | undefined;
  let store: StoreServer | undefined;
  try {
    standIn = await startStripeStandIn();
    const port = await freePort();
    store = startStore(port, {
      STRIPE_SECRET_KEY: "sk_test_admin_journey",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: standIn.url,
      WEB_CONCURRENCY: "1",
    });
    await waitUp(port, store);
    const baseURL = `http://127.0.0.1:${port}`;

    // The customer checks out; Stripe's hosted page is not here, so the
    // browser stops at it and Stripe's "completed" event is delivered instead.
    const customer = await newContext(browser, baseURL);
    let orderNumber = "";
    try {
      const page = await customer.newPage();
      await page.route("https://checkout.stripe.test/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Stripe</title>" }));
      await buyKitAndCleanser(page, customerEmail, async (p) => {
        await expect(p).toHaveURL(/^https:\/\/checkout\.stripe\.test\/pay\/cs_test_/);
      });
      const sessionId = new URL(page.url()).pathname.split("/").pop()!;
      const session = standIn.sessions.get(sessionId);
      expect(session, "the stand-in made the session").toBeTruthy();
      await deliver(store, "checkout.session.completed", { ...session, status: "complete", payment_status: "paid" });
      orderNumber = (session.metadata as { orderNumber: string }).orderNumber;
    } finally {
      await customer.close();
    }

    // Staff (an account made for the test) ship it; the owner refunds one line.
    const staff = await newContext(browser, baseURL);
    try {
      await sessionFor(staff, staffEmail, "STAFF");
      const staffPage = await staff.newPage();
      await staffShips(staffPage, customerEmail, orderNumber, staffEmail);
    } finally {
      await staff.close();
    }
    const owner = await newContext(browser, baseURL);
    try {
      await sessionFor(owner, OWNER);
      const page = await owner.newPage();
      await ownerRefundsCleanser(page, orderNumber, "One cleanser was missing from the parcel.");
      const facts = await orderFacts(orderNumber);

      // The store sends the refund to Stripe (through its job), with the amount and the refund's id.
      let atStripe: Record<string, unknown> | undefined;
      await expect(async () => {
        atStripe = [...standIn!.refunds.values()].find((r) => r.metadata?.orderId === facts.id);
        expect(atStripe, "refund created at Stripe").toBeTruthy();
      }).toPass({ timeout: 30_000 });
      expect(atStripe!.amount).toBe(facts.cleanserCents);
      // Until Stripe says so, the money is not counted as back.
      expect((await orderFacts(orderNumber)).refundedCents).toBe(0);
      await deliver(store, "refund.updated", { ...atStripe!, status: "succeeded" });

      await expectRecorded(page, { ...facts, number: orderNumber, staffEmail });
    } finally {
      await owner.close();
    }
  } finally {
    store?.child.kill("SIGTERM");
    await standIn?.stop();
  }
});
