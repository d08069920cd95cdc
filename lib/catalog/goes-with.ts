// "Goes with": the few products a product page suggests beside it, worked out
// from the catalog's own data (pen fits and kit contents), never from a list
// of slugs, so a new cartridge or kit appears where it belongs by itself.
//
//   kit        the cartridges that fit the kit's pen (for a home pen, those
//              sold for home use), the ones already in the box first
//   cartridge  what the store packs with the pens it fits: the aftercare and
//              the safety items (sharps container) in those pens' kits
//   aftercare, accessory
//              the kits that include it (or include what a bundle holds)
//
// The result is part of the static product page, so it depends on nothing
// but the catalog: no visitor's pen, cart or stock.
import type { Catalog, CatalogProduct } from "./types";

export const GOES_WITH_LIMIT = 4;

export type GoesWith = {
  /** The section's heading, in the shop's words. */
  heading: string;
  products: CatalogProduct[];
  /** For a kit: its pen, so the page can link to every cartridge that fits it. */
  pen: { slug: string; name: string } | null;
  /** How many products qualified before the limit. */
  total: number;
};

function contentSlugs(product: CatalogProduct): string[] {
  return product.kitContents.map((c) => c.productSlug).filter((s): s is string => s !== null);
}

function unique(products: CatalogProduct[], except: CatalogProduct): CatalogProduct[] {
  const seen = new Set<string>([except.slug]);
  return products.filter((p) => !seen.has(p.slug) && p.variants.length > 0 && seen.add(p.slug));
}

export function goesWith(catalog: Catalog, product: CatalogProduct, limit = GOES_WITH_LIMIT): GoesWith {
  const bySlug = new Map(catalog.products.map((p) => [p.slug, p]));
  const kits = catalog.products.filter((p) => p.kind === "KIT");

  if (product.kind === "KIT") {
    const pen = product.penModel;
    if (!pen) return { heading: "Goes with this kit", products: [], pen: null, total: 0 };
    const inTheBox = new Set(contentSlugs(product));
    const fitting = catalog.products.filter(
      (p) => p.kind === "CARTRIDGE" && p.fits.some((f) => f.pen.slug === pen.slug) && (!pen.homeUse || p.variants.some((v) => v.homeUse)),
    );
    // Refills of what came in the box first; the rest in catalog order (sort is stable).
    const ordered = unique(
      [...fitting].sort((a, b) => Number(inTheBox.has(b.slug)) - Number(inTheBox.has(a.slug))),
      product,
    );
    return {
      heading: `Cartridges that fit the ${pen.name}`,
      products: ordered.slice(0, limit),
      pen: { slug: pen.slug, name: pen.name },
      total: ordered.length,
    };
  }

  if (product.kind === "CARTRIDGE") {
    const pens = new Set(product.fits.map((f) => f.pen.slug));
    const packedWith = kits.filter((k) => k.penModel && pens.has(k.penModel.slug)).flatMap(contentSlugs);
    const packed = unique(
      packedWith.map((s) => bySlug.get(s)).filter((p): p is CatalogProduct => p !== undefined),
      product,
    );
    const aftercare = packed.filter((p) => p.kind === "AFTERCARE");
    const safety = packed.filter((p) => p.kind === "ACCESSORY");
    // Always room for one safety item: a used cartridge goes into a sharps container.
    const chosen = [...aftercare.slice(0, limit - Math.min(safety.length, 1)), ...safety].slice(0, limit);
    return { heading: "Aftercare and disposal", products: chosen, pen: null, total: aftercare.length + safety.length };
  }

  const holds = new Set([product.slug, ...contentSlugs(product)]);
  const including = unique(
    kits.filter((k) => contentSlugs(k).some((s) => holds.has(s))),
    product,
  );
  return { heading: "Kits that include it", products: including.slice(0, limit), pen: null, total: including.length };
}
