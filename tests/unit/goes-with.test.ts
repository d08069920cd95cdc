import { describe, expect, it } from "vitest";
import { goesWith } from "@/lib/catalog/goes-with";
import type { Catalog, CatalogProduct, PenModelSummary } from "@/lib/catalog/types";
import { product as fixtureProduct, variant as fixtureVariant } from "../support/catalog-fixture";

// A small catalog with the relations goes-with reads: pen fits and kit contents.
const pen = (slug: string, homeUse: boolean): PenModelSummary => ({ slug, name: `Pen ${slug}`, connector: "X", maxDepthMm: 0.5, homeUse, summary: "" });
const home = pen("home", true);
const pro = pen("pro", false);
const other = pen("other", true);

// Goes-with reads kinds, fits, kit contents and whether a variant is for home use; the rest is the fixture's.
const variant = (sku: string, homeUse = true) => fixtureVariant(sku, { homeUse });
const product = (slug: string, kind: CatalogProduct["kind"], over: Partial<CatalogProduct> = {}) => fixtureProduct(slug, { kind, ...over });

const fits = (...pens: PenModelSummary[]) => pens.map((p) => ({ pen: p, verifiedAt: "2026-01-01T00:00:00Z" }));
const box = (...slugs: string[]) => slugs.map((s) => ({ quantity: 1, label: s, productSlug: s, sku: `${s}-v` }));

const cartridges = [
  product("c-all", "CARTRIDGE", { fits: fits(home, pro, other) }),
  product("c-home", "CARTRIDGE", { fits: fits(home) }),
  product("c-pro-only", "CARTRIDGE", { fits: fits(home, pro), variants: [variant("c-pro-only-v", false)] }),
  product("c-other", "CARTRIDGE", { fits: fits(other) }),
  product("c-mix", "CARTRIDGE", { fits: fits(home, pro) }),
];
const serum = product("serum", "AFTERCARE");
const cream = product("cream", "AFTERCARE");
const spf = product("spf", "AFTERCARE");
const cleanser = product("cleanser", "AFTERCARE");
const trio = product("trio", "AFTERCARE", { kitContents: box("serum", "cream", "spf") });
const sharps = product("sharps", "ACCESSORY");
const sleeves = product("sleeves", "ACCESSORY");
const homeKit = product("home-kit", "KIT", {
  penModel: home,
  kitContents: [{ quantity: 1, label: "Pen home", productSlug: null, sku: null }, ...box("c-mix", "serum", "cream", "spf", "sharps")],
});
const proKit = product("pro-kit", "KIT", { penModel: pro, kitContents: box("c-pro-only", "sleeves") });
const bareKit = product("bare-kit", "KIT", { penModel: null });

const catalog: Catalog = {
  products: [...cartridges, serum, cream, spf, cleanser, trio, sharps, sleeves, homeKit, proKit, bareKit],
  penModels: [home, pro, other],
  concerns: [],
  areas: [],
};
const slugs = (g: { products: CatalogProduct[] }) => g.products.map((p) => p.slug);

describe("goes with: a kit", () => {
  it("suggests the cartridges that fit its pen, the refill of the one in the box first", () => {
    const g = goesWith(catalog, homeKit);
    expect(slugs(g)).toEqual(["c-mix", "c-all", "c-home"]);
    expect(g.heading).toBe("Cartridges that fit the Pen home");
    expect(g.pen).toEqual({ slug: "home", name: "Pen home" });
  });

  it("leaves out cartridges sold only to professionals when the kit's pen is a home pen", () => {
    expect(slugs(goesWith(catalog, homeKit))).not.toContain("c-pro-only");
    expect(slugs(goesWith(catalog, proKit))).toEqual(["c-pro-only", "c-all", "c-mix"]);
  });

  it("never suggests a cartridge that does not fit, and caps the cards while counting them all", () => {
    const g = goesWith(catalog, proKit, 2);
    expect(slugs(g)).toEqual(["c-pro-only", "c-all"]);
    expect(g.total).toBe(3);
    expect(slugs(goesWith(catalog, homeKit))).not.toContain("c-other");
  });

  it("suggests nothing for a kit without a pen", () => {
    expect(goesWith(catalog, bareKit).products).toEqual([]);
  });
});

describe("goes with: a cartridge", () => {
  it("suggests the aftercare and the sharps container packed in the kits of the pens it fits", () => {
    const g = goesWith(catalog, cartridges[1]!); // c-home fits only the home pen
    expect(slugs(g)).toEqual(["serum", "cream", "spf", "sharps"]);
    expect(g.heading).toBe("Aftercare and disposal");
  });

  it("keeps room for a safety item however much aftercare there is", () => {
    const g = goesWith(catalog, cartridges[0]!, 2); // fits home and pro: their kits hold aftercare, sharps and sleeves
    expect(slugs(g)).toEqual(["serum", "sharps"]);
  });

  it("suggests nothing it cannot tie to the cartridge's pens", () => {
    expect(goesWith(catalog, cartridges[3]!).products).toEqual([]); // fits only a pen no kit comes with
  });
});

describe("goes with: aftercare and safety items", () => {
  it("suggests the kits that include the product", () => {
    expect(slugs(goesWith(catalog, serum))).toEqual(["home-kit"]);
    expect(slugs(goesWith(catalog, sleeves))).toEqual(["pro-kit"]);
    expect(goesWith(catalog, serum).heading).toBe("Kits that include it");
  });

  it("suggests the kits that include what a bundle holds, and none for a product no kit has", () => {
    expect(slugs(goesWith(catalog, trio))).toEqual(["home-kit"]);
    expect(goesWith(catalog, cleanser).products).toEqual([]);
  });

  it("never suggests the product itself", () => {
    for (const p of catalog.products) expect(slugs(goesWith(catalog, p))).not.toContain(p.slug);
  });
});
