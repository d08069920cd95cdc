// Catalog URLs and the one path segment each becomes (lib/catalog/page-keys.ts).
import { describe, expect, it } from "vitest";
import { canonicalCatalogSearch, catalogRewrite, readPageKey } from "@/lib/catalog/page-keys";

const q = (s: string) => new URLSearchParams(s);

describe("page keys", () => {
  it("give two spellings of one page one key, and drop what the page does not read", () => {
    const a = catalogRewrite("/shop/cartridges", q("sort=price-asc&config=12-pin"), undefined);
    const b = catalogRewrite("/shop/cartridges", q("config=12-pin&sort=price-asc&_rsc=abc"), undefined);
    expect(a).toBe(b);
    expect(readPageKey(a!.split("/").pop()!)).toEqual({ config: "12-pin", sort: "price-asc" });
  });

  it("keep the remembered pen in listings, not in product pages", () => {
    expect(catalogRewrite("/shop/cartridges", q(""), "stillpoint-h1")).not.toBe(catalogRewrite("/shop/cartridges", q(""), undefined));
    expect(catalogRewrite("/products/kit", q(""), "stillpoint-h1")).toBe(catalogRewrite("/products/kit", q(""), undefined));
  });

  it("send a URL with unread or repeated parameters to its canonical form, and leave a canonical one alone", () => {
    expect(canonicalCatalogSearch("/products/kit", q("variant=A&utm_source=x"))).toBe("?variant=A");
    expect(canonicalCatalogSearch("/products/kit", q("variant=A&variant=B"))).toBe("?variant=A");
    expect(canonicalCatalogSearch("/", q("email=someone%40example.com"))).toBe("");
    expect(canonicalCatalogSearch("/products/kit", q("variant=A"))).toBeNull();
    expect(canonicalCatalogSearch("/products/kit", q("variant=A&_rsc=1a2b"))).toBeNull();
    expect(canonicalCatalogSearch("/cart", q("utm_source=x"))).toBeNull();
  });
});
