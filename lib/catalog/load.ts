// Reads the catalog from the database into plain objects. The cached getters
// in ./index.ts wrap these; tests call them directly with a database handle.
import type { Db } from "@/lib/db";
import type { Catalog, CatalogProduct, PenModelSummary } from "./types";

const penSelect = { slug: true, name: true, connector: true, maxDepthMm: true, homeUse: true, summary: true } as const;

/** The whole catalog, or with `slugs` only those products (checkout reads just what it sells). */
export async function loadCatalog(prisma: Db, slugs?: string[]): Promise<Catalog> {
  const [rows, penModels, concerns, areas] = await Promise.all([
    prisma.product.findMany({
      where: slugs ? { slug: { in: slugs } } : undefined,
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      include: {
        penModel: { select: penSelect },
        guide: { select: { slug: true } },
        concerns: { select: { slug: true, name: true }, orderBy: { name: "asc" } },
        areas: { select: { slug: true, name: true }, orderBy: { name: "asc" } },
        fits: { include: { penModel: { select: penSelect } }, orderBy: { penModel: { name: "asc" } } },
        variants: { orderBy: [{ position: "asc" }, { sku: "asc" }] },
        kitItems: {
          orderBy: { position: "asc" },
          include: { variant: { include: { product: { select: { slug: true, name: true, imagePath: true } } } }, penModel: true },
        },
      },
    }),
    prisma.penModel.findMany({ select: penSelect, orderBy: { name: "asc" } }),
    prisma.concern.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    prisma.treatmentArea.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
  ]);

  const products: CatalogProduct[] = rows.map((p) => ({
    id: p.id,
    slug: p.slug,
    kind: p.kind,
    name: p.name,
    tagline: p.tagline,
    description: p.description,
    imagePath: p.imagePath,
    publishedAt: p.publishedAt.toISOString(),
    penModel: p.penModel,
    guideSlug: p.guide?.slug ?? null,
    concerns: p.concerns,
    areas: p.areas,
    fits: p.fits.map((f) => ({ pen: f.penModel as PenModelSummary, verifiedAt: f.verifiedAt.toISOString() })),
    variants: p.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      label: v.label,
      priceCents: v.priceCents,
      currency: v.currency,
      stock: v.stock,
      packSize: v.packSize,
      packUnit: v.packUnit,
      pinCount: v.pinCount,
      needleGeometry: v.needleGeometry,
      needleMaterial: v.needleMaterial,
      sterilization: v.sterilization,
      maxDepthMm: v.maxDepthMm,
      homeUse: v.homeUse,
    })),
    kitContents: p.kitItems.map((item) => ({
      quantity: item.quantity,
      label: item.variant
        ? item.variant.product.name + (item.variant.label ? ` (${item.variant.label})` : "")
        : item.penModel
          ? item.penModel.name
          : (item.label ?? ""),
      productSlug: item.variant?.product.slug ?? null,
      sku: item.variant?.sku ?? null,
      imagePath: item.variant?.product.imagePath ?? null,
      penSlug: item.penModel?.slug ?? null,
    })),
  }));
  return { products, penModels, concerns, areas };
}

/** Stock straight from the database, for pages that show availability. */
export async function loadStock(prisma: Db, productSlug: string): Promise<Map<string, number>> {
  const rows = await prisma.variant.findMany({ where: { product: { slug: productSlug } }, select: { sku: true, stock: true } });
  return new Map(rows.map((r) => [r.sku, r.stock]));
}
