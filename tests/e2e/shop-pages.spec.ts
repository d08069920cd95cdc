// The shop's own pages (shipping, returns, contact, privacy, terms) reached
// from the footer, and what a product page adds from the catalog and the
// shipping table: the products that go with it and a delivery estimate.
import { formatMoney } from "@/lib/catalog/format";
import { infoPages } from "@/lib/site-pages";
import { testDb } from "../support/db";
import { expect, test } from "./fixtures";

test("every information page opens from the footer, with its heading, and fits a phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const info of infoPages) {
    await page.goto("/");
    const footer = page.getByRole("navigation", { name: "Store information" });
    await footer.getByRole("link", { name: info.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${info.href}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(info.title);
    // Headings in order: the page's sections are h2s under its one h1.
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    expect(await page.getByRole("heading", { level: 2 }).count(), info.href).toBeGreaterThan(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, info.href).toBeLessThanOrEqual(390);
  }
});

test("the shipping page lists the methods and prices checkout charges from the shipping table", async ({ page, request }) => {
  const prisma = testDb(1);
  try {
    const methods = await prisma.shippingMethod.findMany({ where: { active: true }, orderBy: { position: "asc" } });
    expect(methods.length).toBeGreaterThan(0);
    await page.goto("/shipping");
    const list = page.getByTestId("shipping-methods");
    await expect(list.getByRole("listitem")).toHaveCount(methods.length);
    for (const [i, m] of methods.entries()) {
      const item = list.getByRole("listitem").nth(i);
      await expect(item.getByRole("heading", { level: 3 })).toHaveText(m.name);
      await expect(item).toContainText(`${m.minDays}–${m.maxDays} working days`);
      await expect(item).toContainText(formatMoney(m.priceCents));
      if (m.freeOverCents !== null) await expect(item).toContainText(`free on orders of ${formatMoney(m.freeOverCents)} or more`);
    }
    // Only the one page: the route that keeps it static matches no deeper address.
    expect((await request.get("/shipping/anything")).status()).toBe(404);
  } finally {
    await prisma.$disconnect();
  }
});

test("a kit page suggests only cartridges that fit its pen, and they lead to those cartridges", async ({ page, request }) => {
  const prisma = testDb(1);
  try {
    const kit = await prisma.product.findUniqueOrThrow({ where: { slug: "home-starter-kit" }, include: { penModel: true } });
    const pen = kit.penModel!;
    const fitting = await prisma.product.findMany({ where: { kind: "CARTRIDGE", fits: { some: { penModelId: pen.id } } }, select: { name: true } });
    const fittingNames = new Set(fitting.map((p) => p.name));

    // Part of the static HTML, before any script runs.
    const html = await (await request.get(`/products/${kit.slug}`)).text();
    expect(html).toContain('data-testid="goes-with"');
    expect(html).toContain(`Cartridges that fit the ${pen.name}`);

    await page.goto(`/products/${kit.slug}`);
    const goesWith = page.getByTestId("goes-with");
    await expect(goesWith.getByRole("heading", { level: 2 })).toHaveText(`Cartridges that fit the ${pen.name}`);
    const names = await goesWith.getByRole("heading", { level: 3 }).allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(4);
    for (const name of names) expect(fittingNames.has(name), `${name} fits ${pen.name}`).toBe(true);

    await goesWith.getByRole("link", { name: names[0]!, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(names[0]!);
    await expect(page.getByTestId("compatible-pens")).toContainText(pen.name);
  } finally {
    await prisma.$disconnect();
  }
});

test("a cartridge page suggests aftercare and a sharps container, and quotes delivery from the shipping table", async ({ page }) => {
  const prisma = testDb(1);
  try {
    const standard = await prisma.shippingMethod.findFirstOrThrow({ where: { active: true }, orderBy: { position: "asc" } });
    await page.goto("/products/balance-16-cartridge");
    const goesWith = page.getByTestId("goes-with");
    await expect(goesWith.getByRole("heading", { level: 2 })).toHaveText("Aftercare and disposal");
    await expect(goesWith.getByRole("link", { name: "Home Sharps Container" })).toBeVisible();
    await expect(goesWith.getByRole("link", { name: "Soothing Hydrating Serum" })).toBeVisible();

    const delivery = page.getByTestId("delivery-estimate");
    await expect(delivery).toContainText(`${standard.name}: ${standard.minDays}–${standard.maxDays} working days, ${formatMoney(standard.priceCents)}`);
    await delivery.getByRole("link", { name: "Shipping and delivery" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Shipping and delivery");
  } finally {
    await prisma.$disconnect();
  }
});
