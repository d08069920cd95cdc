import { describe, expect, it } from "vitest";
import { needleConfig } from "@/lib/catalog/format";
import { catalogSearch, editDistance, searchWords } from "@/lib/catalog/search";
import type { Catalog, CatalogProduct } from "@/lib/catalog/types";
import { seedCatalog } from "../support/seed-catalog";

// The hand-written catalog (18 products), and the same with about 400 generated products,
// where many products share each word and ranking decides what a shopper sees first.
const small = seedCatalog(0);
const large = seedCatalog(400);

function found(catalog: Catalog, q: string): CatalogProduct[] {
  const byId = new Map(catalog.products.map((p) => [p.id, p]));
  return catalogSearch(catalog)
    .find(q)
    .ids.map((id) => byId.get(id)!);
}
const slugs = (products: CatalogProduct[]) => products.map((p) => p.slug);
const hasPins = (p: CatalogProduct, pins: number) => p.kind === "CARTRIDGE" && p.variants.some((v) => needleConfig(v) === `${pins}-pin`);

describe("product search", () => {
  it("reads 16pin, 16-pin and 16 pin as the same words, and plurals as their singular", () => {
    expect(searchWords("16pin")).toEqual(["16", "pin"]);
    expect(searchWords("16-pin")).toEqual(["16", "pin"]);
    expect(searchWords("Cartridges for the H1")).toEqual(["cartridge", "h", "1"]);
    expect(searchWords("Décolleté")).toEqual(["decollete"]);
  });

  it("finds cartridges for the typo “catridge”, every cartridge of the catalog, cartridges first", () => {
    const results = found(small, "catridge");
    const cartridges = small.products.filter((p) => p.kind === "CARTRIDGE");
    expect(results.length).toBeGreaterThanOrEqual(cartridges.length);
    expect(slugs(results.slice(0, cartridges.length)).sort()).toEqual(slugs(cartridges).sort());
  });

  it("finds the sunscreen for the typo “sunscren” and for “sunscreen spf”, sunscreen first", () => {
    expect(found(small, "sunscren")[0]!.slug).toBe("mineral-spf-30-sunscreen");
    expect(found(small, "sunscreen spf")[0]!.slug).toBe("mineral-spf-30-sunscreen");
    // At scale: every product named a sunscreen comes before any product that only mentions one.
    const results = found(large, "sunscreen spf");
    const named = results.filter((p) => /sunscreen/i.test(p.name));
    expect(named.length).toBeGreaterThan(5);
    expect(results.slice(0, named.length).every((p) => /sunscreen/i.test(p.name))).toBe(true);
  });

  it("ranks the 16-pin cartridges above the kits for “16 pin”, “16pin” and “16-pin”", () => {
    for (const q of ["16 pin", "16pin", "16-pin", "16 PIN"]) {
      expect(found(small, q)[0]!.slug, q).toBe("balance-16-cartridge");
      const results = found(large, q);
      const sixteens = results.filter((p) => hasPins(p, 16));
      expect(sixteens.length, q).toBeGreaterThan(5);
      // The 16-pin cartridges lead, all of them; then whatever merely mentions 16 pins (a kit holding some).
      expect(
        results.slice(0, sixteens.length).every((p) => hasPins(p, 16)),
        q,
      ).toBe(true);
      expect(
        results.some((p) => p.kind === "KIT"),
        q,
      ).toBe(true);
    }
    // Numbers are not typo-tolerant: 16 pins never finds a 12-pin-only cartridge.
    expect(
      found(large, "16 pin").some((p) => p.kind === "CARTRIDGE" && !p.variants.some((v) => needleConfig(v) === "16-pin") && !/16/.test(p.description)),
    ).toBe(false);
  });

  it("ranks products named a serum first for “serum”", () => {
    expect(found(small, "serum")[0]!.slug).toBe("soothing-hydrating-serum");
    const results = found(large, "serum");
    const named = results.filter((p) => /serum/i.test(p.name));
    expect(named.length).toBeGreaterThan(3);
    expect(results.slice(0, named.length).every((p) => /serum/i.test(p.name))).toBe(true);
  });

  it("finds a product by its SKU however it is typed, that product first", () => {
    for (const q of ["CRT-36-25", "crt-36-25", "crt 36 25", "CRT3625"]) {
      expect(found(large, q)[0]!.slug, q).toBe("coverage-36-cartridge");
    }
    expect(found(small, "SPF-MIN-50")[0]!.slug).toBe("mineral-spf-30-sunscreen");
  });

  it("finds words by their start, and requires every word", () => {
    expect(found(small, "sunscr")[0]!.slug).toBe("mineral-spf-30-sunscreen");
    expect(slugs(found(small, "shar"))).toContain("home-sharps-container");
    expect(found(small, "serum sharps").every((p) => p.kind === "KIT")).toBe(true);
    expect(found(small, "xyzzy")).toEqual([]);
    expect(found(small, "")).toEqual([]);
  });

  it("does not read a short word as a typo of another: “pen” is not “pin”", () => {
    const results = found(small, "pen");
    expect(
      results.every((p) => /\bpens?\b/i.test([p.name, p.tagline, p.description, p.penModel?.name ?? "", ...p.fits.map((f) => f.pen.name)].join(" "))),
    ).toBe(true);
  });

  it("suggests a corrected query and the closest products when nothing is found", () => {
    expect(found(small, "sunscrn")).toEqual([]);
    const suggestions = catalogSearch(small).suggest("sunscrn");
    expect(suggestions.didYouMean).toBe("sunscreen");
    expect(suggestions.closest[0]!.slug).toBe("mineral-spf-30-sunscreen");
    // In one category: only that category's products.
    const inCartridges = catalogSearch(large).suggest("cartrdgs sleve", "CARTRIDGE");
    expect(inCartridges.closest.length).toBeGreaterThan(0);
    expect(inCartridges.closest.every((p) => p.kind === "CARTRIDGE")).toBe(true);
    // Nothing near: nothing suggested.
    expect(catalogSearch(small).suggest("xyzzy")).toEqual({ didYouMean: null, closest: [] });
    // A single letter is not corrected into some other letter.
    expect(catalogSearch(large).suggest("é").didYouMean).toBeNull();
  });

  it("is built once per catalog object and remembers each query's answer", () => {
    const search = catalogSearch(large);
    expect(catalogSearch(large)).toBe(search);
    expect(search.find("cartridge")).toBe(search.find(" Cartridge "));
    // Another catalog object (a new catalog version) has its own search with the same answers.
    const copy = seedCatalog(400);
    expect(catalogSearch(copy)).not.toBe(search);
    expect(catalogSearch(copy).find("16 pin").ids).toEqual(search.find("16 pin").ids);
  });

  it("counts edit distance with swapped letters as one edit", () => {
    expect(editDistance("catridge", "cartridge")).toBe(1);
    expect(editDistance("sunscrn", "sunscreen")).toBe(2);
    expect(editDistance("serun", "serum")).toBe(1);
    expect(editDistance("sreum", "serum")).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });
});
