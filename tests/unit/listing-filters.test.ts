import { describe, expect, it } from "vitest";
import { categoryBySlug } from "@/lib/catalog/categories";
import { applyListingQuery, filterOptions, fitsPen, parseListingQuery, type SearchParams } from "@/lib/catalog/filters";
import { catalogSearch } from "@/lib/catalog/search";
import { catalog, products } from "../support/catalog-fixture";

const cartridges = products.filter((p) => p.kind === "CARTRIDGE");
const cartridgeCategory = categoryBySlug("cartridges")!;
const options = filterOptions(catalog, cartridges);

function list(params: SearchParams, savedPen: string | null = null) {
  const { query, notes } = parseListingQuery(params, options, cartridgeCategory, savedPen);
  const hits = query.q ? catalogSearch(catalog).find(query.q) : null;
  return { slugs: applyListingQuery(cartridges, query, hits).map((i) => i.product.slug), query, notes };
}

describe("listing filters read from the URL", () => {
  it("offers the needle configurations and pack sizes that exist, in a sensible order", () => {
    expect(options.config.map((o) => o.value)).toEqual(["nano", "12-pin", "36-pin"]);
    expect(options.pack.map((o) => o.value)).toEqual(["10", "25"]);
  });

  it("narrows cartridges to those that fit the chosen pen", () => {
    expect(list({ pen: "home-b" }).slugs).toEqual(["twelve", "nano"]);
    expect(list({ pen: "home-a" }).slugs).toEqual(["twelve", "thirtysix"]);
  });

  it("combines pen and needle configuration", () => {
    expect(list({ pen: "home-a", config: "36-pin" }).slugs).toEqual(["thirtysix"]);
    expect(list({ pen: "home-b", config: "36-pin" }).slugs).toEqual([]);
  });

  it("applies the saved pen when the URL names none, and pen=all turns it off", () => {
    const saved = list({}, "home-b");
    expect(saved.slugs).toEqual(["twelve", "nano"]);
    expect(saved.query.penFromPreference).toBe(true);
    expect(list({ pen: "all" }, "home-b").slugs).toEqual(["twelve", "thirtysix", "nano"]);
  });

  it("filters by pack size and stock at the variant level", () => {
    expect(list({ pack: "25" }).slugs).toEqual(["twelve"]);
    // The only 25-pack is sold out.
    expect(list({ pack: "25", stock: "1" }).slugs).toEqual([]);
  });

  it("filters by concern", () => {
    expect(list({ concern: "texture" }).slugs).toEqual(["thirtysix"]);
  });

  it("searches name, description and SKU, every word must match", () => {
    expect(list({ q: "silicon" }).slugs).toEqual(["nano"]);
    expect(list({ q: "s-10" }).slugs).toEqual(["thirtysix"]);
    expect(list({ q: "pin twelve" }).slugs).toEqual(["twelve"]);
    expect(list({ q: "pin nano" }).slugs).toEqual([]);
  });

  it("sorts by price using the cheapest matching variant, by name and by newest", () => {
    expect(list({ sort: "price-asc" }).slugs).toEqual(["twelve", "thirtysix", "nano"]);
    expect(list({ sort: "price-desc" }).slugs).toEqual(["nano", "thirtysix", "twelve"]);
    // With only 25-packs considered, Twelve's price is 44.99.
    expect(applyListingQuery(cartridges, parseListingQuery({ pack: "25" }, options, cartridgeCategory).query)[0]!.fromCents).toBe(4499);
    expect(list({ sort: "name" }).slugs).toEqual(["nano", "thirtysix", "twelve"]);
    expect(list({ sort: "newest" }).slugs).toEqual(["nano", "thirtysix", "twelve"]);
  });

  it("ignores nonsense values with a note instead of failing", () => {
    const { slugs, notes, query } = list({ pen: "no-such-pen", config: "<script>", pack: "-1", sort: "DROP TABLE", concern: ["x", "y"] });
    expect(slugs).toEqual(["twelve", "thirtysix", "nano"]);
    expect(query.sort).toBe("featured");
    expect(notes).toHaveLength(5);
    expect(notes.join(" ")).toContain("no-such-pen");
  });

  it("drops filters the category does not offer", () => {
    const aftercare = categoryBySlug("aftercare")!;
    const { query, notes } = parseListingQuery({ pen: "home-a", config: "12-pin" }, options, aftercare);
    expect(query.pen).toBeNull();
    expect(query.config).toBeNull();
    expect(notes).toEqual([]);
  });

  it("matches a kit to the pen in its box", () => {
    const kit = products.find((p) => p.kind === "KIT")!;
    expect(fitsPen(kit, "home-a")).toBe(true);
    expect(fitsPen(kit, "home-b")).toBe(false);
  });
});
