import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/catalog/format";
import { describeFindings, findClaims } from "@/lib/copy/claims";
import { buildInstructions, instructionsFor, type Instructions } from "@/lib/guides";
import { confirmationAttachments, confirmationEmail as renderConfirmationEmail, escapeHtml } from "@/lib/mail/templates/confirmation";
import type { OrderItemView, OrderView } from "@/lib/orders/view";
import { products as seedProducts } from "@/prisma/seed-data/catalog";
import { guides } from "@/prisma/seed-data/guides";
import { homeGuideVersion, products } from "../support/catalog-fixture";
import { orderItem, orderView } from "../support/order-view";
import { pdfLinks, pdfText } from "../support/pdf-text";

const seed = guides.find((g) => g.slug === "home-microneedling-guide")!;
const guide = homeGuideVersion({ versionId: "v3", publishedAt: "2026-10-01T00:00:00.000Z" });
const product = (slug: string) => products.find((p) => p.slug === slug)!;
const documentFor = (slug: string): Instructions => {
  const p = product(slug);
  // The fixture's products, and the seed's aftercare products the kit's timeline names.
  return buildInstructions(p, instructionsFor(p, guide), (s) => (products.find((x) => x.slug === s) ?? seedProducts.find((x) => x.slug === s))?.name);
};

const kitDoc = documentFor("kit");
const nanoDoc = documentFor("nano");

const item = orderItem;

const SCRIPT_NAME = "Prep pads <script>alert(1)</script>";

const order = (items: OrderItemView[]): OrderView => orderView(items);

// Two pack sizes of one cartridge carry equal (but separately stored) documents.
const items = [
  item({ id: "i1", productSlug: "kit", productKind: "KIT", name: "Home Kit", variantLabel: "Kit", unitPriceCents: 11900, quantity: 1, instructions: kitDoc }),
  item({
    id: "i2",
    productSlug: "nano",
    name: "Nano Tips",
    variantLabel: "10 cartridges",
    unitPriceCents: 2299,
    quantity: 2,
    instructions: structuredClone(nanoDoc),
  }),
  item({
    id: "i3",
    productSlug: "nano",
    name: "Nano Tips",
    variantLabel: "25 cartridges",
    unitPriceCents: 4999,
    quantity: 1,
    instructions: structuredClone(nanoDoc),
  }),
  item({ id: "i4", productSlug: "prep-pads", productKind: "ACCESSORY", name: SCRIPT_NAME, unitPriceCents: 499, quantity: 3 }),
];
const theOrder = order(items);
const TOKEN = "a".repeat(43);
const email = await renderConfirmationEmail(theOrder, { siteUrl: "https://shop.example/", accessToken: TOKEN });
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("the order confirmation email", () => {
  it("names the order in the subject", () => {
    expect(email.subject).toBe("Your Stillpoint order SP-7K4Q-9XM2");
  });

  it("lists every item with its quantity and price, and the totals in the order's currency", () => {
    const money = (c: number) => formatMoney(c, "USD");
    for (const i of items) {
      expect(email.text).toContain(i.name);
      expect(email.html).toContain(escapeHtml(i.name));
      expect(email.text).toContain(`${i.quantity} × ${money(i.unitPriceCents)} = ${money(i.lineTotalCents)}`);
      expect(email.html).toContain(money(i.lineTotalCents));
    }
    expect(theOrder.totalCents).toBe(11900 + 4598 + 4999 + 1497 - 500 + 595);
    for (const body of [email.text, email.html]) {
      expect(body).toContain(money(theOrder.totalCents));
      expect(body).toContain(money(theOrder.subtotalCents));
      expect(body).toContain("Discount (WELCOME5)");
      expect(body).toContain(`−${money(500)}`);
      expect(body).toContain(money(595));
    }
    expect(email.text).toContain(`Total: ${money(theOrder.totalCents)}`);
  });

  it("gives the shipping address and the link to the order page", async () => {
    for (const body of [email.text, email.html]) {
      for (const part of ["Ada Lovelace", "12 Analytical Way", "Flat 3", "Portland, OR 97201"]) expect(body).toContain(part);
      expect(body).toContain(`https://shop.example/orders/${TOKEN}`);
    }
    const noLink = await renderConfirmationEmail(theOrder, { siteUrl: "https://shop.example", accessToken: null });
    expect(noLink.text).not.toContain("/orders/");
    expect(noLink.html).not.toContain("/orders/");
  });

  it("carries the kit's instructions as sold: the version label and every section, in text and HTML", () => {
    expect(kitDoc.sections.length).toBeGreaterThanOrEqual(6);
    for (const body of [email.text, email.html]) expect(body).toContain(kitDoc.versionLabel);
    for (const section of kitDoc.sections) {
      expect(email.text).toContain(section.title);
      expect(email.html).toContain(escapeHtml(section.title));
    }
    // Blocks are rendered, not just headings: a list item and a table row of the depth guide.
    const steps = kitDoc.sections[0]!.blocks.find((b) => b.type === "list" && b.ordered);
    expect(steps?.type).toBe("list");
    if (steps?.type !== "list") return;
    expect(email.text).toContain(`1. ${steps.items[0]}`);
    expect(email.html).toContain(`${escapeHtml(steps.items[0]!)}</li>`);
    const depth = kitDoc.sections.find((s) => s.id === "depth-guide")!.blocks.find((b) => b.type === "table");
    if (depth?.type !== "table") throw new Error("the depth guide has no table");
    const [area, concern, home] = depth.rows[0]!;
    expect(email.text).toContain(`• ${area} — ${concern}: ${home}`);
    expect(email.html).toContain(`<th scope="row"`);
    expect(email.html).toContain(escapeHtml(home!));
  });

  it("links the aftercare products the kit's timeline names, at the configured address only", () => {
    const useful = kitDoc.sections.flatMap((s) => s.blocks).find((b) => b.type === "p" && b.text.startsWith("Useful now:"));
    if (useful?.type !== "p") throw new Error("the kit's aftercare has no products");
    const linked = useful.runs!.filter((r) => r.slug !== undefined);
    expect(linked.length).toBeGreaterThan(1);
    for (const run of linked) {
      const url = `https://shop.example/products/${run.slug}`;
      expect(email.html).toMatch(new RegExp(`<a href="${url.replace(/[./]/g, "\\$&")}"[^>]*>${escapeHtml(run.text)}</a>`));
      expect(email.text).toContain(`${run.text} (${url})`);
    }
    // Every product link starts with the configured origin: none is relative or from elsewhere.
    const hrefs = [...email.html.matchAll(/href="([^"]*\/products\/[^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(1);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/shop\.example\/products\/[a-z0-9-]+$/);
  });

  it("renders an order kept before products were linked: the same words, no product links", async () => {
    const old = structuredClone(kitDoc);
    for (const section of old.sections) for (const block of section.blocks) if (block.type === "p") delete block.runs;
    const mail = await renderConfirmationEmail(order([{ ...items[0]!, instructions: old }]), { siteUrl: "https://shop.example", accessToken: null });
    const useful = old.sections.flatMap((s) => s.blocks).find((b) => b.type === "p" && b.text.startsWith("Useful now:"))!;
    if (useful.type !== "p") throw new Error("unreachable");
    expect(mail.text).toContain(useful.text);
    expect(mail.html).toContain(escapeHtml(useful.text));
    expect(mail.html).not.toContain("/products/");
    expect(mail.text).not.toContain("/products/");
  });

  it("escapes every piece of text in the HTML", () => {
    expect(email.html).not.toMatch(/<script/i);
    expect(email.html).toContain("Prep pads &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.text).toContain(SCRIPT_NAME);
  });

  it("renders a document shared by several items once, and says which items it covers", async () => {
    for (const body of [email.text, email.html]) {
      expect(count(body, "Instructions: Nano Tips")).toBe(1);
      expect(count(body, "Instructions: Home Kit")).toBe(1);
      expect(body).toContain("These instructions cover: Nano Tips, 10 cartridges and Nano Tips, 25 cartridges.");
    }
    // Same product, different document (say, bought under another guide version): both are shown.
    const other = { ...structuredClone(nanoDoc), versionLabel: `${seed.title}, version 4, published Nov 1, 2026` };
    const split = await renderConfirmationEmail(order([items[1]!, { ...items[2]!, instructions: other }]), {
      siteUrl: "https://shop.example",
      accessToken: null,
    });
    expect(count(split.text, "Instructions: Nano Tips")).toBe(2);
    expect(split.text).toContain(other.versionLabel);
    expect(split.text).not.toContain("These instructions cover");
  });

  it("makes no claim the store must not make", () => {
    const found = findClaims([
      { source: "email", field: "text", text: email.text },
      { source: "email", field: "html", text: email.html },
      { source: "email", field: "subject", text: email.subject },
    ]);
    expect(describeFindings(found)).toBe("");
  });
});

describe("the booklets attached to the confirmation", () => {
  it("attaches one PDF per distinct document, named for the product, with its instructions inside", async () => {
    const attachments = await confirmationAttachments(theOrder, "https://shop.example");
    expect(attachments.map((a) => a.filename)).toEqual(["kit-instructions.pdf", "nano-instructions.pdf"]);
    for (const a of attachments) {
      expect(a.contentType).toBe("application/pdf");
      expect(a.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
    const kit = await pdfText(new Uint8Array(attachments[0]!.content));
    expect(kit.pages).toBeGreaterThan(1);
    for (const section of kitDoc.sections) expect(kit.text).toContain(section.title);
    expect(kit.text).toContain("version 3");
    const nano = await pdfText(new Uint8Array(attachments[1]!.content));
    expect(nano.text).toContain("Depth card");
    expect(nano.text).not.toContain("How to use it, step by step");
  });

  it("attaches nothing for an order without instructions", async () => {
    expect(await confirmationAttachments(order([items[3]!]), "https://shop.example")).toEqual([]);
  });

  it("links the aftercare products the kit's booklet names to their pages at the configured address", async () => {
    const [kit, nano] = await confirmationAttachments(theOrder, "https://shop.example");
    const links = await pdfLinks(new Uint8Array(kit!.content));
    expect(links).toContain("https://shop.example/products/gentle-cleanser");
    expect(links).toContain("https://shop.example/products/mineral-spf-30-sunscreen");
    for (const link of links) expect(link).toMatch(/^https:\/\/shop\.example\/products\/[a-z0-9-]+$/);
    const text = (await pdfText(new Uint8Array(kit!.content))).text;
    expect(text).toContain("Gentle Cleanser");
    expect(await pdfLinks(new Uint8Array(nano!.content))).toEqual([]);
  });
});
