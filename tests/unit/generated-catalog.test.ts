import { describe, expect, it } from "vitest";
import { copyItems, describeFindings, findClaims } from "@/lib/copy/claims";
import { areas, concerns, penModels, products as handWritten } from "@/prisma/seed-data/catalog";
import { GENERATED_SLUG, generatedProduct, generatedProducts } from "@/prisma/seed-data/generated";
import { guides } from "@/prisma/seed-data/guides";

const many = generatedProducts(2000);

describe("the generated catalog (npm run db:seed -- --products N)", () => {
  it("is the same on every run, and a smaller catalog is the start of a larger one", () => {
    expect(generatedProducts(300)).toEqual(generatedProducts(300));
    expect(generatedProducts(150)).toEqual(many.slice(0, 150));
    expect(generatedProduct(1234)).toEqual(many[1234]);
    // Pinned, so a change to the generator is a choice, not an accident.
    expect(many[0]!.slug).toBe("discovery-mixed-cartridge-slim-housing-s0001");
    expect(many[1999]!.slug).toMatch(/-s2000$/);
  });

  it("spans every kind, with unique slugs and SKUs that never collide with the hand-written catalog", () => {
    const kinds = new Map<string, number>();
    for (const p of many) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    expect([...kinds.keys()].sort()).toEqual(["ACCESSORY", "AFTERCARE", "CARTRIDGE", "KIT"]);
    for (const count of kinds.values()) expect(count).toBeGreaterThan(100);
    const all = [...handWritten, ...many];
    expect(new Set(all.map((p) => p.slug)).size).toBe(all.length);
    const skus = all.flatMap((p) => p.variants.map((v) => v.sku));
    expect(new Set(skus).size).toBe(skus.length);
    for (const p of many) expect(p.slug, p.slug).toMatch(GENERATED_SLUG);
    for (const p of handWritten) expect(p.slug).not.toMatch(GENERATED_SLUG);
  });

  it("has many needle configurations, pack sizes and pen fits among its cartridges", () => {
    const cartridges = many.filter((p) => p.kind === "CARTRIDGE");
    const configs = new Set(cartridges.flatMap((p) => p.variants.map((v) => `${v.needleGeometry}:${v.pinCount ?? ""}`)));
    const packs = new Set(cartridges.flatMap((p) => p.variants.map((v) => v.packSize)));
    const fitSets = new Set(cartridges.map((p) => (p.fits ?? []).map((f) => f.pen).join("+")));
    expect(configs.size).toBeGreaterThanOrEqual(12);
    expect(packs.size).toBeGreaterThanOrEqual(6);
    expect(fitSets.size).toBeGreaterThanOrEqual(4);
  });

  it("uses only seeded pens, tags, guides and kit contents, prices in whole cents and sensible stock", () => {
    const pens = new Set(penModels.map((m) => m.slug));
    const concernSlugs = new Set(concerns.map((t) => t.slug));
    const areaSlugs = new Set(areas.map((t) => t.slug));
    const guideSlugs = new Set(guides.map((g) => g.slug));
    const seedSkus = new Set(handWritten.flatMap((p) => p.variants.map((v) => v.sku)));
    for (const p of many) {
      expect(p.concerns.length, p.slug).toBeGreaterThan(0);
      for (const c of p.concerns) expect(concernSlugs.has(c), `${p.slug} ${c}`).toBe(true);
      for (const a of p.areas) expect(areaSlugs.has(a), `${p.slug} ${a}`).toBe(true);
      for (const f of p.fits ?? []) expect(pens.has(f.pen), p.slug).toBe(true);
      if (p.penModel) expect(pens.has(p.penModel)).toBe(true);
      expect(guideSlugs.has(p.guide!), p.slug).toBe(true);
      expect(p.variants.length).toBeGreaterThan(0);
      for (const v of p.variants) {
        expect(Number.isInteger(v.priceCents) && v.priceCents > 0, v.sku).toBe(true);
        expect(Number.isInteger(v.stock) && v.stock >= 0, v.sku).toBe(true);
      }
      for (const item of p.kitItems ?? []) {
        if ("sku" in item) expect(seedSkus.has(item.sku), `${p.slug} holds ${item.sku}`).toBe(true);
      }
    }
  });

  it("attaches instructions by the seeded rules: kits carry their pen, professional-only goods the professional guide", () => {
    for (const p of many) {
      const proOnly = p.variants.some((v) => !v.homeUse);
      if (proOnly) expect(p.guide, p.slug).toBe("professional-pen-guide");
      if (p.kind === "KIT") {
        expect(p.penModel, p.slug).toBeDefined();
        expect(
          p.kitItems?.some((i) => "pen" in i && i.pen === p.penModel),
          p.slug,
        ).toBe(true);
        expect(p.guide, p.slug).toBe(proOnly ? "professional-pen-guide" : "home-microneedling-guide");
      }
      if (p.kind === "CARTRIDGE") {
        expect(p.fits?.length, p.slug).toBeGreaterThan(0);
        // A home cartridge never goes deeper than the home range; the first-edition pen only takes small heads.
        if (!proOnly) for (const v of p.variants) expect(v.maxDepthMm, v.sku).toBeLessThanOrEqual(0.5);
        if (p.fits!.some((f) => f.pen === "stillpoint-h0")) for (const v of p.variants) expect(v.pinCount ?? 0, v.sku).toBeLessThanOrEqual(16);
        if (proOnly) expect(p.fits!.map((f) => f.pen)).toEqual(["stillpoint-p2"]);
      }
    }
  });

  it("makes no claim the store must not make, in any of 2,000 products", () => {
    const items = many.flatMap((p) => copyItems(`product ${p.slug}`, { name: p.name, tagline: p.tagline, description: p.description, variants: p.variants }));
    expect(describeFindings(findClaims(items))).toBe("");
  });
});
