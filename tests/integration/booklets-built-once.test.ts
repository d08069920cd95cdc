// Booklet PDFs are built once per distinct content and kept in the database
// (lib/guides/booklet-store.ts), served with their content hash as ETag.
//
// The product under test is pointed at a guide of this file's own for the
// duration (and back afterwards), so publishing a new version here never
// changes what the seeded guides say to the other tests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import { productNames } from "@/lib/catalog";
import { buildInstructions, instructionsFor } from "@/lib/guides";
import { bookletHash, productBookletInput, productBookletUrl } from "@/lib/guides/booklet-key";
import { renderBookletPdf } from "@/lib/guides/booklet-pdf";
import { IMMUTABLE, REVALIDATE_EVERY_TIME, productBookletResponse, type ProductBooklet } from "@/lib/guides/booklet-response";
import { DOCUMENT_POLICY, HSTS_VALUE } from "@/lib/security-headers";
import { bookletStats, forgetBookletsInMemory, storedBooklet, type BookletBuilder } from "@/lib/guides/booklet-store";
import { createDraft, loadCurrentGuide, publishGuide, publishVersion } from "@/lib/guides/store";
import { orderBookletGet } from "@/lib/orders/order-routes";
import { guides as seedGuides } from "@/prisma/seed-data/guides";
import { testDb } from "../support/db";
import { paidOrder, settle, tempOutbox, type PaidOrder } from "../support/orders";
import { pdfText } from "../support/pdf-text";

const prisma = testDb();
const outbox = tempOutbox();
const SKU = "CRT-12-10";
const seedHome = seedGuides.find((g) => g.slug === "home-microneedling-guide")!;

let slug: string;
let productId: string;
let originalGuideId: string | null;
let guideSlug: string;
let order: PaidOrder;
let itemId: string;

beforeAll(async () => {
  // A guide title of its own makes every booklet here new to the database, so builds can be counted.
  guideSlug = `test-booklets-${Date.now().toString(36)}`;
  await publishGuide(
    prisma,
    { slug: guideSlug, title: `Booklet test guide ${guideSlug}`, summary: "For tests.", audience: "HOME" },
    seedHome.content,
    "First.",
  );
  const variant = await prisma.variant.findUniqueOrThrow({ where: { sku: SKU }, include: { product: true } });
  ({ slug, id: productId, guideId: originalGuideId } = variant.product);
  const guide = await prisma.guide.findUniqueOrThrow({ where: { slug: guideSlug } });
  await prisma.product.update({ where: { id: productId }, data: { guideId: guide.id } });
  order = await paidOrder(prisma, { lines: [[SKU, 1]] });
  itemId = (await prisma.orderItem.findFirstOrThrow({ where: { orderId: order.id } })).id;
}, 120_000);

afterAll(async () => {
  if (productId) await prisma.product.update({ where: { id: productId }, data: { guideId: originalGuideId } });
  if (order) await settle(prisma, [order]);
  outbox.restore();
  await prisma.$disconnect();
});

/** The product's booklet as the route reads it, from the database directly instead of Next.js's data cache. */
async function currentBooklet(): Promise<ProductBooklet> {
  const catalog = await loadCatalog(prisma);
  const product = catalog.products.find((p) => p.slug === slug)!;
  const attached = instructionsFor(product, (await loadCurrentGuide(prisma, product.guideSlug!))!);
  const names = productNames(catalog);
  return { slug, guideNumber: attached.guide.number, doc: buildInstructions(product, attached, (s) => names.get(s) ?? s) };
}

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://store.test${path}`, { headers });
const publicBooklet = async (path = `/products/${slug}/booklet.pdf`, headers: Record<string, string> = {}) =>
  productBookletResponse(prisma, get(path, headers), await currentBooklet(), { https: false });
const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());
const orderBooklet = (headers: Record<string, string> = {}) =>
  orderBookletGet(get(`/orders/${order.accessToken}/items/${itemId}/booklet.pdf`, headers), { via: "confirmation", token: order.accessToken }, itemId);

describe("the public booklet", () => {
  it("is built on the first request only: a repeat is served from memory, a new process reads it from the database, byte for byte", async () => {
    const before = { ...bookletStats };
    const first = await publicBooklet();
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Type")).toBe("application/pdf");
    expect(first.headers.get("Content-Disposition")).toBe(`attachment; filename="${slug}-instructions-v1.pdf"`);
    expect(first.headers.get("Cache-Control")).toBe(REVALIDATE_EVERY_TIME);
    const etag = first.headers.get("ETag")!;
    expect(etag).toBe(`"${bookletHash(productBookletInput((await currentBooklet()).doc))}"`);
    const pdf = await bytes(first);
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(bookletStats.builds).toBe(before.builds + 1);

    const second = await publicBooklet();
    expect(second.headers.get("ETag")).toBe(etag);
    expect(await bytes(second)).toEqual(pdf);
    expect(bookletStats.builds).toBe(before.builds + 1);
    expect(bookletStats.memoryHits).toBe(before.memoryHits + 1);

    forgetBookletsInMemory();
    const fromTable = await publicBooklet();
    expect(fromTable.headers.get("ETag")).toBe(etag);
    expect(await bytes(fromTable)).toEqual(pdf);
    expect(bookletStats.builds).toBe(before.builds + 1);
    expect(bookletStats.databaseHits).toBe(before.databaseHits + 1);

    const row = await prisma.bookletPdf.findUniqueOrThrow({ where: { hash: etag.slice(1, -1) } });
    expect(new Uint8Array(row.pdf)).toEqual(pdf);
  });

  it("answers If-None-Match with its ETag with 304 and no body, and anything else with the file", async () => {
    const etag = (await publicBooklet()).headers.get("ETag")!;
    for (const header of [etag, `W/${etag}`, `"0", ${etag}`]) {
      const response = await publicBooklet(undefined, { "If-None-Match": header });
      expect(response.status, header).toBe(304);
      expect((await bytes(response)).byteLength).toBe(0);
      expect(response.headers.get("ETag")).toBe(etag);
      expect(response.headers.get("Cache-Control")).toBe(REVALIDATE_EVERY_TIME);
      expect(response.headers.get("Content-Disposition")).toBeNull();
    }
    const stale = await publicBooklet(undefined, { "If-None-Match": `"${"0".repeat(64)}"` });
    expect(stale.status).toBe(200);
    expect((await bytes(stale)).byteLength).toBeGreaterThan(1000);
  });

  it("is immutable at its versioned URL only: a wrong or old version gets the current file, revalidated", async () => {
    const booklet = await currentBooklet();
    const current = await publicBooklet();
    const etag = current.headers.get("ETag")!;
    const pdf = await bytes(current);
    const url = productBookletUrl(slug, booklet.doc);
    expect(url).toBe(`/products/${slug}/booklet.pdf?v=${etag.slice(1, 17)}`);

    const pinned = await publicBooklet(url);
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get("Cache-Control")).toBe(IMMUTABLE);
    expect(pinned.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(pinned.headers.get("ETag")).toBe(etag);
    expect(pinned.headers.get("Content-Disposition")).toBe(current.headers.get("Content-Disposition"));
    expect(await bytes(pinned)).toEqual(pdf);
    expect((await publicBooklet(url, { "If-None-Match": etag })).status).toBe(304);

    const wrong = [`?v=${"0".repeat(16)}`, `?v=${etag.slice(1, 16)}`, `?v=${etag.slice(1, -1)}`, "?v=", "?v=../../etc"];
    for (const query of wrong) {
      const response = await publicBooklet(`/products/${slug}/booklet.pdf${query}`);
      expect(response.status, query).toBe(200);
      expect(response.headers.get("Cache-Control"), query).toBe(REVALIDATE_EVERY_TIME);
      expect(response.headers.get("ETag"), query).toBe(etag);
      expect(await bytes(response)).toEqual(pdf);
    }
  });

  it("is a 404 for a product without one", async () => {
    const response = await productBookletResponse(prisma, get("/products/nothing/booklet.pdf"), null, { https: false });
    expect(response.status).toBe(404);
    expect(response.headers.get("ETag")).toBeNull();
  });

  // proxy.ts does not see this path (its matcher), so the route's own headers are all it gets.
  it("carries the document policy on every answer, download, 304 or 404, and HSTS when the site is on https", async () => {
    const withHttps = async (https: boolean) => {
      const booklet = await currentBooklet();
      const full = await productBookletResponse(prisma, get(`/products/${slug}/booklet.pdf`), booklet, { https });
      const etag = full.headers.get("ETag")!;
      const notModified = await productBookletResponse(prisma, get(`/products/${slug}/booklet.pdf`, { "If-None-Match": etag }), booklet, { https });
      const missing = await productBookletResponse(prisma, get("/products/nothing/booklet.pdf"), null, { https });
      expect([full.status, notModified.status, missing.status]).toEqual([200, 304, 404]);
      return [full, notModified, missing];
    };
    for (const response of await withHttps(false)) {
      expect(response.headers.get("Content-Security-Policy")).toBe(DOCUMENT_POLICY);
      expect(response.headers.get("Strict-Transport-Security")).toBeNull();
    }
    for (const response of await withHttps(true)) {
      expect(response.headers.get("Content-Security-Policy")).toBe(DOCUMENT_POLICY);
      expect(response.headers.get("Strict-Transport-Security")).toBe(HSTS_VALUE);
    }
  });
});

describe("building a booklet at the same time", () => {
  const input = (label: string) => ({ doc: seedDoc(), footer: `concurrency test ${label} ${Date.now()} ${Math.random()}`, origin: "https://shop.example" });
  const seedDoc = () => ({ title: "Concurrency", guideTitle: "Test", versionLabel: "Test, version 1", sections: [] });

  it("in one process builds once, however many requests ask for it first", async () => {
    let builds = 0;
    const counting: BookletBuilder = async (i) => {
      builds++;
      return new Uint8Array(await renderBookletPdf(i.doc, i.footer));
    };
    const same = input("one process");
    const results = await Promise.all(Array.from({ length: 8 }, () => storedBooklet(prisma, same, counting)));
    expect(builds).toBe(1);
    for (const r of results) expect(r.pdf).toEqual(results[0]!.pdf);
    expect(new Set(results.map((r) => r.hash))).toEqual(new Set([bookletHash(same)]));
  });

  it("in two processes does not fail: the one that stores second serves the first one's bytes", async () => {
    const raced = input("two processes");
    const theirs = new Uint8Array(await renderBookletPdf(raced.doc, `${raced.footer} (the other process)`));
    // While this process draws, another one stores the same booklet first.
    const losing: BookletBuilder = async (i) => {
      const ours = new Uint8Array(await renderBookletPdf(i.doc, i.footer));
      await prisma.bookletPdf.create({ data: { hash: bookletHash(i), pdf: theirs } });
      return ours;
    };
    const stored = await storedBooklet(prisma, raced, losing);
    expect(stored.pdf).toEqual(theirs);
    forgetBookletsInMemory();
    expect((await storedBooklet(prisma, raced)).pdf).toEqual(theirs);
  });
});

describe("publishing a new guide version", () => {
  it("changes the public booklet's ETag; an order's booklet stays byte-identical and keeps its private policy", async () => {
    const oldPublic = await publicBooklet();
    const oldEtag = oldPublic.headers.get("ETag")!;
    const oldUrl = productBookletUrl(slug, (await currentBooklet()).doc);
    const ordered = await orderBooklet();
    expect(ordered.status).toBe(200);
    expect(ordered.headers.get("Cache-Control")).toBe("private, no-store");
    expect(ordered.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(ordered.headers.get("Content-Disposition")).toBe(`attachment; filename="${slug}-instructions-${order.number}.pdf"`);
    const orderEtag = ordered.headers.get("ETag")!;
    expect(orderEtag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(orderEtag).not.toBe(oldEtag);
    const orderPdf = await bytes(ordered);
    // pdf.js takes over (detaches) the buffer it is given: hand it a copy.
    expect((await pdfText(orderPdf.slice())).text).toContain("version 1");

    const v2 = await createDraft(prisma, guideSlug, "Where to take a full sharps container.", {
      DISPOSAL: {
        ...seedHome.content.DISPOSAL,
        disposal: [...seedHome.content.DISPOSAL.disposal, "Ask your pharmacy whether it takes full sharps containers back."],
      },
    });
    await publishVersion(prisma, v2);

    const newPublic = await publicBooklet(undefined, { "If-None-Match": oldEtag });
    expect(newPublic.status).toBe(200);
    const newEtag = newPublic.headers.get("ETag")!;
    expect(newEtag).not.toBe(oldEtag);
    expect(newPublic.headers.get("Content-Disposition")).toBe(`attachment; filename="${slug}-instructions-v2.pdf"`);
    const { text } = await pdfText(await bytes(newPublic));
    expect(text).toContain("version 2");
    expect(text).toContain("Ask your pharmacy whether it takes full sharps containers back.");
    // A page still linking the old version gets the new booklet, not kept as immutable.
    const old = await publicBooklet(oldUrl);
    expect(old.headers.get("ETag")).toBe(newEtag);
    expect(old.headers.get("Cache-Control")).toBe(REVALIDATE_EVERY_TIME);

    const builds = bookletStats.builds;
    const again = await orderBooklet();
    expect(again.headers.get("ETag")).toBe(orderEtag);
    expect(await bytes(again)).toEqual(orderPdf);
    forgetBookletsInMemory();
    const fromTable = await orderBooklet();
    expect(await bytes(fromTable)).toEqual(orderPdf);
    expect(bookletStats.builds).toBe(builds);
    const revalidated = await orderBooklet({ "If-None-Match": orderEtag });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("Cache-Control")).toBe("private, no-store");
    expect((await bytes(revalidated)).byteLength).toBe(0);
  });
});
