// A small hand-made catalog for unit tests of the listing logic, and the
// seed's home guide as a published version.
import type { Catalog, CatalogProduct, CatalogVariant, PenModelSummary } from "@/lib/catalog/types";
import type { GuideVersionView } from "@/lib/guides";
import { guides } from "@/prisma/seed-data/guides";

export const pens: PenModelSummary[] = [
  { slug: "home-a", name: "Home A", connector: "A", maxDepthMm: 0.5, homeUse: true, summary: "" },
  { slug: "home-b", name: "Home B", connector: "B", maxDepthMm: 0.5, homeUse: true, summary: "" },
  { slug: "pro", name: "Pro", connector: "P", maxDepthMm: 2.5, homeUse: false, summary: "" },
];

export function variant(sku: string, over: Partial<CatalogVariant> = {}): CatalogVariant {
  return {
    id: sku,
    sku,
    label: sku,
    priceCents: 1000,
    currency: "USD",
    stock: 10,
    packSize: 10,
    packUnit: "cartridges",
    pinCount: null,
    needleGeometry: null,
    needleMaterial: null,
    sterilization: null,
    maxDepthMm: null,
    homeUse: true,
    ...over,
  };
}

export function product(slug: string, over: Partial<CatalogProduct>): CatalogProduct {
  return {
    id: slug,
    slug,
    kind: "CARTRIDGE",
    name: slug,
    tagline: "",
    description: "",
    imagePath: "",
    publishedAt: "2026-01-01T00:00:00Z",
    penModel: null,
    guideSlug: null,
    concerns: [],
    areas: [],
    fits: [],
    variants: [variant(`${slug}-v`)],
    kitContents: [],
    ...over,
  };
}

const fit = (...slugs: string[]) => slugs.map((s) => ({ pen: pens.find((p) => p.slug === s)!, verifiedAt: "2026-05-01T00:00:00Z" }));

export const products: CatalogProduct[] = [
  product("twelve", {
    name: "Twelve Pin",
    publishedAt: "2026-03-01T00:00:00Z",
    fits: fit("home-a", "home-b", "pro"),
    concerns: [{ slug: "pores", name: "Pores" }],
    variants: [
      variant("T-10", { pinCount: 12, needleGeometry: "ROUND", priceCents: 1999, packSize: 10 }),
      variant("T-25", { pinCount: 12, needleGeometry: "ROUND", priceCents: 4499, packSize: 25, stock: 0 }),
    ],
  }),
  product("thirtysix", {
    name: "Thirty-six Pin",
    publishedAt: "2026-06-01T00:00:00Z",
    fits: fit("home-a", "pro"),
    concerns: [{ slug: "texture", name: "Texture" }],
    variants: [variant("S-10", { pinCount: 36, needleGeometry: "ROUND", priceCents: 2199 })],
  }),
  product("nano", {
    name: "Nano Tips",
    description: "Fine silicon tips for surface work.",
    publishedAt: "2026-09-01T00:00:00Z",
    fits: fit("home-b"),
    variants: [variant("N-10", { needleGeometry: "NANO", priceCents: 2299 })],
  }),
  product("kit", {
    kind: "KIT",
    name: "Home Kit",
    penModel: pens[0]!,
    variants: [variant("K-1", { priceCents: 11900, packSize: 1, packUnit: "kit" })],
  }),
];

export const catalog: Catalog = {
  products,
  penModels: pens,
  concerns: [
    { slug: "pores", name: "Pores" },
    { slug: "texture", name: "Texture" },
  ],
  areas: [],
};

/** The seed's home microneedling guide as published version 3 (`over` changes what a test needs). */
export function homeGuideVersion(over: Partial<GuideVersionView> = {}): GuideVersionView {
  const seed = guides.find((g) => g.slug === "home-microneedling-guide")!;
  return {
    guideSlug: seed.slug,
    guideTitle: seed.title,
    audience: "HOME",
    versionId: "v1",
    number: 3,
    publishedAt: "2026-10-01T12:00:00.000Z",
    changeNote: "",
    content: seed.content,
    ...over,
  };
}
