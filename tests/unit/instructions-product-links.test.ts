// The aftercare timeline of a kit's instructions names the products useful in
// each window; each one that is in the catalog is a link to its page (a run
// with its slug), one that is not is named plainly. Orders keep these
// documents, so old ones (plain text) and links to products removed since
// are handled too.
import { describe, expect, it } from "vitest";
import { buildInstructions, instructionsFor } from "@/lib/guides";
import { linkedProducts, productPath, withoutDeadLinks, type Block, type Instructions } from "@/lib/guides/instructions";
import { products as seedProducts } from "@/prisma/seed-data/catalog";
import { guides } from "@/prisma/seed-data/guides";
import { homeGuideVersion, products } from "../support/catalog-fixture";

const seed = guides.find((g) => g.slug === "home-microneedling-guide")!;
const guide = homeGuideVersion();
const kit = products.find((p) => p.slug === "kit")!;
const catalogNames = new Map(seedProducts.map((p) => [p.slug, p.name]));

const usefulNow = (doc: Instructions) =>
  doc.sections.find((s) => s.id === "aftercare")!.blocks.filter((b): b is Extract<Block, { type: "p" }> => b.type === "p" && b.text.startsWith("Useful now:"));

describe("product links in the instructions", () => {
  const doc = buildInstructions(kit, instructionsFor(kit, guide), (slug) => catalogNames.get(slug));

  it("links each product a timeline window names to its slug, under its catalog name", () => {
    const windows = seed.content.AFTERCARE.windows.filter((w) => w.productSlugs.length);
    const paragraphs = usefulNow(doc);
    expect(paragraphs).toHaveLength(windows.length);
    paragraphs.forEach((p, i) => {
      const links = p.runs!.filter((r) => r.slug !== undefined);
      expect(links.map((r) => r.slug)).toEqual(windows[i]!.productSlugs);
      for (const link of links) expect(link.text).toBe(catalogNames.get(link.slug!));
      // The runs are the text, word for word: renderers without links show the same.
      expect(p.runs!.map((r) => r.text).join("")).toBe(p.text);
      expect(p.text).toBe(`Useful now: ${windows[i]!.productSlugs.map((s) => catalogNames.get(s)).join(", ")}.`);
    });
    expect(linkedProducts(doc).sort()).toEqual([...new Set(windows.flatMap((w) => w.productSlugs))].sort());
    expect(productPath("gentle-cleanser")).toBe("/products/gentle-cleanser");
  });

  it("names a product that is not in the catalog plainly, with no link", () => {
    const without = buildInstructions(kit, instructionsFor(kit, guide), (slug) => (slug === "aftercare-trio" ? undefined : catalogNames.get(slug)));
    const first = usefulNow(without)[0]!;
    expect(first.runs!.some((r) => r.slug === "aftercare-trio")).toBe(false);
    expect(first.runs!.at(-1)).toEqual({ text: ", aftercare-trio." });
    expect(linkedProducts(without)).not.toContain("aftercare-trio");
  });

  it("drops links to products removed since the document was made, keeping their names as words", () => {
    const live = withoutDeadLinks(doc, (slug) => slug !== "gentle-barrier-moisturizer");
    expect(linkedProducts(live)).not.toContain("gentle-barrier-moisturizer");
    for (const [before, after] of usefulNow(doc).map((p, i) => [p, usefulNow(live)[i]!] as const)) {
      expect(after.text).toBe(before.text);
      expect(after.runs?.map((r) => r.text).join("") ?? after.text).toBe(before.text);
    }
    // Nothing linked any more: a plain paragraph, like an old snapshot.
    const none = withoutDeadLinks(doc, () => false);
    expect(linkedProducts(none)).toEqual([]);
    for (const p of usefulNow(none)) expect(p.runs).toBeUndefined();
    // All alive: the very same document.
    expect(withoutDeadLinks(doc, () => true)).toBe(doc);
  });

  it("gives an aftercare product's own instructions no list of other products", () => {
    const spf = { ...kit, kind: "AFTERCARE" as const, slug: "mineral-spf-30-sunscreen" };
    expect(linkedProducts(buildInstructions(spf, instructionsFor(spf, guide), (slug) => catalogNames.get(slug)))).toEqual([]);
  });
});
