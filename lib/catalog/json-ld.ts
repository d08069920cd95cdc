import type { CatalogProduct } from "./types";

/** schema.org Product with one Offer per variant, for search engines. */
export function productJsonLd(product: CatalogProduct, siteUrl: string, stock: Map<string, number>) {
  const url = `${siteUrl}/products/${product.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.tagline,
    image: `${siteUrl}${product.imagePath}`,
    sku: product.variants[0]?.sku,
    brand: { "@type": "Brand", name: "Stillpoint" },
    url,
    offers: product.variants.map((v) => ({
      "@type": "Offer",
      sku: v.sku,
      name: `${product.name}, ${v.label}`,
      url: `${url}?variant=${encodeURIComponent(v.sku)}`,
      price: (v.priceCents / 100).toFixed(2),
      priceCurrency: v.currency,
      availability: (stock.get(v.sku) ?? v.stock) > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      itemCondition: "https://schema.org/NewCondition",
    })),
  };
}

/** JSON for a <script> tag: "<" is escaped so no string can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
