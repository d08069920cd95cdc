// A kit's instructions name the aftercare products of each window; the order
// keeps them linked to the products' pages. The order view, its confirmation
// mail and its booklet link them at the store's configured address, and never
// to a product that is gone; orders kept before links existed read as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Block, Instructions } from "@/lib/guides/instructions";
import { linkedProducts } from "@/lib/guides/instructions";
import { orderBookletResponse } from "@/lib/orders/booklet-response";
import { deliverOrderConfirmation } from "@/lib/orders/confirmation";
import { loadOrderView } from "@/lib/orders/view";
import { siteUrl } from "@/lib/site";
import { testDb } from "../support/db";
import { paidOrder, settle, tempOutbox, type PaidOrder } from "../support/orders";
import { pdfLinks } from "../support/pdf-text";

const prisma = testDb();
const outbox = tempOutbox();
let order: PaidOrder;

beforeAll(async () => {
  order = await paidOrder(prisma, { lines: [["KIT-HOME-S", 1]] });
}, 120_000);

afterAll(async () => {
  await settle(prisma, [order]);
  outbox.restore();
  await prisma.$disconnect();
});

const paragraphs = (doc: Instructions) => doc.sections.flatMap((s) => s.blocks).filter((b): b is Extract<Block, { type: "p" }> => b.type === "p");
const kitItem = async () => (await loadOrderView(prisma, order.id))!.items.find((i) => i.productKind === "KIT")!;

describe("aftercare products in an order's instructions", () => {
  it("are kept linked, by name, in the order's snapshot", async () => {
    const item = await kitItem();
    const slugs = linkedProducts(item.instructions!);
    expect(slugs).toContain("gentle-cleanser");
    const names = new Map((await prisma.product.findMany({ where: { slug: { in: slugs } } })).map((p) => [p.slug, p.name]));
    expect(names.size).toBe(slugs.length);
    for (const p of paragraphs(item.instructions!)) for (const run of p.runs ?? []) if (run.slug) expect(run.text).toBe(names.get(run.slug));
  });

  it("are links at the configured address in the confirmation mail, its text and its booklet", async () => {
    expect(await deliverOrderConfirmation(prisma, order.id)).toBe(true);
    const { listOutbox, readOutbox } = await import("@/lib/mail");
    const kept = (await listOutbox()).find((m) => m.subject.includes(order.number))!;
    const mail = (await readOutbox(kept.id))!;
    const cleanser = `${siteUrl()}/products/gentle-cleanser`;
    expect(mail.html).toMatch(new RegExp(`<a href="${cleanser.replace(/[./:]/g, "\\$&")}"[^>]*>Gentle Cleanser</a>`));
    expect(mail.text).toContain(`Gentle Cleanser (${cleanser})`);
    for (const [, href] of mail.html.matchAll(/href="([^"]*\/products\/[^"]*)"/g)) expect(href!.startsWith(`${siteUrl()}/products/`)).toBe(true);

    const item = await kitItem();
    const response = await orderBookletResponse(prisma, new Request("http://127.0.0.1/x"), await loadOrderView(prisma, order.id), item.id);
    expect(response.status).toBe(200);
    const links = await pdfLinks(new Uint8Array(await response.arrayBuffer()));
    expect(links).toContain(cleanser);
    for (const link of links) expect(link.startsWith(`${siteUrl()}/products/`)).toBe(true);
  });

  it("are words, not links, once the product is no longer in the catalog; old snapshots without links read as before", async () => {
    const item = await prisma.orderItem.findFirstOrThrow({ where: { orderId: order.id, productKind: "KIT" } });
    const original = item.instructions as Instructions;
    try {
      // A link to a product that was never there stands for one removed since the sale.
      const gone = structuredClone(original);
      const p = paragraphs(gone).find((b) => b.runs?.some((r) => r.slug))!;
      const run = p.runs!.find((r) => r.slug)!;
      run.slug = "no-longer-sold";
      await prisma.orderItem.update({ where: { id: item.id }, data: { instructions: gone } });
      const shown = (await kitItem()).instructions!;
      expect(linkedProducts(shown)).not.toContain("no-longer-sold");
      expect(linkedProducts(shown).length).toBeGreaterThan(0);
      expect(paragraphs(shown).map((b) => b.text)).toEqual(paragraphs(gone).map((b) => b.text));

      // Kept before links existed: plain paragraphs, shown as they are.
      const old = structuredClone(original);
      for (const b of paragraphs(old)) delete b.runs;
      await prisma.orderItem.update({ where: { id: item.id }, data: { instructions: old } });
      expect((await kitItem()).instructions).toEqual(old);
    } finally {
      await prisma.orderItem.update({ where: { id: item.id }, data: { instructions: original } });
    }
  });
});
