// A catalog built in memory from seed data, shaped as loadCatalog returns it
// (lib/catalog/load.ts), for unit tests that want many realistic products
// without a database: the hand-written seed plus generated products.
import type { Catalog, CatalogProduct, PenModelSummary } from "@/lib/catalog/types";
import { areas, concerns, penModels, products as handWritten } from "@/prisma/seed-data/catalog";
import { generatedProducts } from "@/prisma/seed-data/generated";
import { guides } from "@/prisma/seed-data/guides";
import type { SeedProduct } from "@/prisma/seed-data/types";

const kindOrder = ["KIT", "CARTRIDGE", "AFTERCARE", "ACCESSORY"];

/** The hand-written catalog plus `generated` generated products, in loadCatalog's order (kind, then name). */
export function seedCatalog(generated: number): Catalog {
  const seed = [...handWritten, ...generatedProducts(generated)];
  const pens = new Map<string, PenModelSummary>(penModels.map((m) => [m.slug, m]));
  const bySku = new Map(seed.flatMap((p) => p.variants.map((v) => [v.sku, { product: p, variant: v }] as const)));
  const tag = (list: { slug: string; name: string }[], slugs: string[]) =>
    list.filter((t) => slugs.includes(t.slug)).sort((a, b) => a.name.localeCompare(b.name));
  const guideOf = (p: SeedProduct) => p.guide ?? guides.find((g) => g.productSlugs.includes(p.slug))?.slug ?? null;
  const products: CatalogProduct[] = seed.map((p) => ({
    id: `id-${p.slug}`,
    slug: p.slug,
    kind: p.kind,
    name: p.name,
    tagline: p.tagline,
    description: p.description,
    imagePath: p.imagePath ?? `/images/products/${p.slug}.svg`,
    publishedAt: new Date(p.publishedAt).toISOString(),
    penModel: p.penModel ? pens.get(p.penModel)! : null,
    guideSlug: guideOf(p),
    concerns: tag(concerns, p.concerns),
    areas: tag(areas, p.areas),
    fits: (p.fits ?? [])
      .map((f) => ({ pen: pens.get(f.pen)!, verifiedAt: new Date(f.verifiedAt).toISOString() }))
      .sort((a, b) => a.pen.name.localeCompare(b.pen.name)),
    variants: p.variants.map((v) => ({
      id: `id-${v.sku}`,
      sku: v.sku,
      label: v.label,
      priceCents: v.priceCents,
      currency: "USD",
      stock: v.stock,
      packSize: v.packSize,
      packUnit: v.packUnit,
      pinCount: v.pinCount ?? null,
      needleGeometry: v.needleGeometry ?? null,
      needleMaterial: v.needleMaterial ?? null,
      sterilization: v.sterilization ?? null,
      maxDepthMm: v.maxDepthMm ?? null,
      homeUse: v.homeUse,
    })),
    kitContents: (p.kitItems ?? []).map((item) => {
      if ("sku" in item) {
        const { product, variant } = bySku.get(item.sku)!;
        const imagePath = product.imagePath ?? `/images/products/${product.slug}.svg`;
        return { quantity: item.quantity, label: `${product.name} (${variant.label})`, productSlug: product.slug, sku: variant.sku, imagePath, penSlug: null };
      }
      const penSlug = "pen" in item ? item.pen : null;
      return {
        quantity: item.quantity,
        label: penSlug ? pens.get(penSlug)!.name : (item as { label: string }).label,
        productSlug: null,
        sku: null,
        imagePath: null,
        penSlug,
      };
    }),
  }));
  products.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return { products, penModels: [...penModels].sort(byName), concerns: [...concerns].sort(byName), areas: [...areas].sort(byName) };
}
