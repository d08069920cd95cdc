import { describe, expect, it } from "vitest";
import { formatMoney, needleConfig, stockStatus } from "@/lib/catalog/format";
import { jsonForScript, productJsonLd } from "@/lib/catalog/json-ld";
import { products } from "../support/catalog-fixture";

describe("product page data", () => {
  it("states stock as in stock, low, or out", () => {
    expect(stockStatus(40)).toMatchObject({ inStock: true, label: "In stock" });
    expect(stockStatus(3)).toMatchObject({ inStock: true, label: "Only 3 left" });
    expect(stockStatus(0)).toMatchObject({ inStock: false, label: "Out of stock" });
  });

  it("formats integer cents as money", () => {
    expect(formatMoney(11900)).toBe("$119.00");
    expect(formatMoney(1999)).toBe("$19.99");
  });

  it("names needle configurations the way shoppers filter them", () => {
    expect(needleConfig({ needleGeometry: "NANO", pinCount: null })).toBe("nano");
    expect(needleConfig({ needleGeometry: "ROUND", pinCount: 12 })).toBe("12-pin");
    expect(needleConfig({ needleGeometry: "MIXED", pinCount: null })).toBe("mixed");
    expect(needleConfig({ needleGeometry: null, pinCount: null })).toBeNull();
  });

  it("gives search engines one offer per variant with live availability", () => {
    const twelve = products.find((p) => p.slug === "twelve")!;
    const ld = productJsonLd(
      twelve,
      "https://shop.example",
      new Map([
        ["T-10", 4],
        ["T-25", 0],
      ]),
    );
    expect(ld["@type"]).toBe("Product");
    expect(ld.offers).toHaveLength(2);
    expect(ld.offers[0]).toMatchObject({ sku: "T-10", price: "19.99", priceCurrency: "USD", availability: "https://schema.org/InStock" });
    expect(ld.offers[1]).toMatchObject({ sku: "T-25", price: "44.99", availability: "https://schema.org/OutOfStock" });
  });

  it("cannot close the JSON-LD script tag from product text", () => {
    const out = jsonForScript({ name: "</script><script>alert(1)</script>" });
    expect(out).not.toContain("</script>");
    expect(JSON.parse(out).name).toBe("</script><script>alert(1)</script>");
  });
});
