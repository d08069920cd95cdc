// Reads the catalog from the database into plain objects. The cached getters
// in ./index.ts wrap these; tests call them directly with a database handle.
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Catalog, CatalogProduct, PenModelSummary } from "./types";

const penSelect = { slug: true, name: true, connector: true, maxDepthMm: true, homeUse: true, summary: true } as const;

/**
 * The whole catalog, or with `slugs` only those products (checkout reads just
 * what it sells). Active products only: an inactive one (set in the back
 * office) is in no listing, search, sitemap or product page, and a kit's
 * contents name it without linking to it.
 */
export async function loadCatalog(prisma: Db, slugs?: string[]): Promise<Catalog> {
  const [rows, penModels, concerns, areas] = await Promise.all([
    prisma.product.findMany({
      where: slugs ? { active: true, slug: { in: slugs } } : { active: true },
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
          include: { variant: { include: { product: { select: { slug: true, name: true, imagePath: true, active: true } } } }, penModel: true },
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
      productSlug: item.variant?.product.active ? item.variant.product.slug : null,
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

/** What checkout snapshots of a product it sells: enough to build the instructions that travel with it. */
export type CheckoutProduct = Pick<CatalogProduct, "slug" | "name" | "kind" | "guideSlug" | "fits" | "areas"> & {
  variants: { maxDepthMm: number | null }[];
  /** Its guide's newest published version (null: no guide, or none published). */
  guideVersionId: string | null;
};

/**
 * The products being sold with what their instructions are built from, and
 * the current version of each one's guide, in one statement (loadCatalog
 * takes fifteen, for all the catalog's other fields and lists). Orders as
 * loadCatalog does where order shows: areas and fitting pens by name.
 */
export async function loadCheckoutProducts(prisma: Db, slugs: string[]): Promise<CheckoutProduct[]> {
  if (slugs.length === 0) return [];
  const rows = await prisma.$queryRaw<(Omit<CheckoutProduct, "variants"> & { depths: (number | null)[] })[]>`
    SELECT p."slug", p."name", p."kind"::text AS "kind", g."slug" AS "guideSlug",
      (SELECT gv."id" FROM "GuideVersion" gv WHERE gv."guideId" = p."guideId" AND gv."status" = 'PUBLISHED' ORDER BY gv."number" DESC LIMIT 1) AS "guideVersionId",
      ARRAY(SELECT v."maxDepthMm" FROM "Variant" v WHERE v."productId" = p."id" ORDER BY v."position", v."sku") AS "depths",
      COALESCE((
        SELECT json_agg(json_build_object('slug', a."slug", 'name', a."name") ORDER BY a."name")
        FROM "_ProductToTreatmentArea" pa JOIN "TreatmentArea" a ON a."id" = pa."B" WHERE pa."A" = p."id"), '[]'::json) AS "areas",
      COALESCE((
        SELECT json_agg(json_build_object(
                 'pen', json_build_object('slug', pm."slug", 'name', pm."name", 'connector', pm."connector", 'maxDepthMm', pm."maxDepthMm", 'homeUse', pm."homeUse", 'summary', pm."summary"),
                 'verifiedAt', to_char(f."verifiedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
               ORDER BY pm."name")
        FROM "CartridgeFit" f JOIN "PenModel" pm ON pm."id" = f."penModelId" WHERE f."productId" = p."id"), '[]'::json) AS "fits"
    FROM "Product" p
    LEFT JOIN "Guide" g ON g."id" = p."guideId"
    WHERE p."slug" IN (${Prisma.join(slugs)}) AND p."active"
    ORDER BY p."kind", p."name"`;
  return rows.map(({ depths, ...p }) => ({ ...p, variants: depths.map((maxDepthMm) => ({ maxDepthMm })) }));
}
