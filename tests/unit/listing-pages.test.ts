import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Listing } from "@/components/listing";
import { categoryBySlug } from "@/lib/catalog/categories";
import { seedCatalog } from "../support/seed-catalog";

const catalog = seedCatalog(400);
const cartridges = categoryBySlug("cartridges")!;
const total = catalog.products.filter((p) => p.kind === "CARTRIDGE").length;
const pages = Math.ceil(total / 24);

function render(params: Record<string, string>) {
  return renderToStaticMarkup(createElement(Listing, { catalog, category: cartridges, base: "/shop/cartridges", params, savedPen: null }));
}
const cards = (html: string) => html.match(/<article /g)?.length ?? 0;
const link = (html: string, rel: string) =>
  html
    .match(new RegExp(`<a [^>]*rel="${rel}"[^>]*>`))?.[0]
    .match(/href="([^"]*)"/)?.[1]
    ?.replace(/&amp;/g, "&");

describe("a long listing in pages", () => {
  it("shows 24 products a page, the count of all of them, and links to the next page only on the first", () => {
    const html = render({});
    expect(cards(html)).toBe(24);
    expect(html).toContain(`${total} products, page 1 of ${pages}`);
    expect(link(html, "next")).toBe("/shop/cartridges?page=2");
    expect(link(html, "prev")).toBeUndefined();
  });

  it("keeps the filters in the page links, and the first page has no page number", () => {
    const html = render({ sort: "price-asc", stock: "1", page: "2" });
    expect(link(html, "prev")).toBe("/shop/cartridges?stock=1&sort=price-asc");
    expect(link(html, "next")).toBe("/shop/cartridges?stock=1&sort=price-asc&page=3");
  });

  it("has no next link on the last page, and no page links when everything fits on one", () => {
    const last = render({ page: String(pages) });
    expect(link(last, "next")).toBeUndefined();
    expect(cards(last)).toBe(total - (pages - 1) * 24);
    const one = render({ q: "sampler" });
    expect(one).not.toContain('data-testid="pagination"');
  });
});
