import { describe, expect, it } from "vitest";
import { buildInstructions, instructionsFor, parseGuideContent } from "@/lib/guides";
import { guides } from "@/prisma/seed-data/guides";
import { homeGuideVersion, products } from "../support/catalog-fixture";

const seed = guides.find((g) => g.slug === "home-microneedling-guide")!;
const guide = homeGuideVersion();
const names = (slug: string) => `<${slug}>`;
const product = (slug: string) => products.find((p) => p.slug === slug)!;
const sectionIds = (slug: string, over = {}) =>
  buildInstructions({ slug, name: slug }, instructionsFor({ ...product(slug), ...over }, guide), names).sections.map((s) => s.id);

describe("which instructions travel with which product", () => {
  it("gives a kit the whole guide", () => {
    expect(instructionsFor(product("kit"), guide).kind).toBe("full");
    expect(sectionIds("kit")).toEqual(["how-to-use", "depth-guide", "aftercare", "intervals", "who-must-not-use", "safety-and-disposal"]);
  });

  it("gives a cartridge its depth card, the pens it fits and the disposal rules, nothing else", () => {
    expect(sectionIds("nano")).toEqual(["depth-guide", "compatible-pens", "safety-and-disposal"]);
    const g = instructionsFor({ ...product("nano"), areas: [{ slug: "cheeks", name: "Cheeks" }] }, guide);
    expect(g.kind).toBe("cartridge");
    if (g.kind !== "cartridge") return;
    expect(g.fits.map((f) => f.pen.slug)).toEqual(["home-b"]);
    expect(g.depthCard.every((r) => r.area === "cheeks")).toBe(true);
  });

  it("places an aftercare product in the timeline windows that name it", () => {
    const serum = { ...product("kit"), kind: "AFTERCARE" as const, slug: "mineral-spf-30-sunscreen" };
    const g = instructionsFor(serum, guide);
    expect(g.kind).toBe("aftercare");
    if (g.kind !== "aftercare") return;
    expect(g.windows).toEqual(["24-72h", "3-7d", "1-2w"]);
    const doc = buildInstructions(serum, g, names);
    expect(doc.sections.map((s) => s.id)).toEqual(["where-it-fits", "aftercare"]);
    const headings = doc.sections[1]!.blocks.filter((b) => b.type === "h3").map((b) => (b as { text: string }).text);
    expect(headings.filter((h) => h.endsWith("(use this product)"))).toHaveLength(3);
  });

  it("gives an accessory the set-up and disposal rules", () => {
    const pads = { ...product("kit"), kind: "ACCESSORY" as const, slug: "alcohol-prep-pads" };
    expect(buildInstructions(pads, instructionsFor(pads, guide), names).sections.map((s) => s.id)).toEqual(["pen-setup", "safety-and-disposal"]);
  });

  it("labels every document with the guide version and its date", () => {
    const doc = buildInstructions({ slug: "kit", name: "Kit" }, instructionsFor(product("kit"), guide), names);
    expect(doc.versionLabel).toBe(`${seed.title}, version 3, published Oct 1, 2026`);
  });

  it("keeps the numbing advice conservative: pharmacist or clinician, never above 4% lidocaine", () => {
    const text = JSON.stringify(seed.content.NUMBING).toLowerCase();
    expect(text).toMatch(/pharmacist|clinician/);
    expect(text).toContain("4%");
  });
});

describe("guide content validation", () => {
  it("accepts the seed guides", () => {
    for (const g of guides) expect(() => parseGuideContent(g.content)).not.toThrow();
  });

  it("refuses a guide missing a section or with an impossible depth", () => {
    const { NUMBING: _, ...missing } = seed.content;
    expect(() => parseGuideContent(missing)).toThrow(/NUMBING/);
    const deep = structuredClone(seed.content);
    deep.DEPTH_GUIDE.entries[0]!.homeMaxMm = 9;
    expect(() => parseGuideContent(deep)).toThrow(/DEPTH_GUIDE/);
  });
});
