// Plain, serialisable shapes of the catalog as pages see it. Dates are ISO
// strings so the whole catalog can sit in the data cache.
import type { NeedleGeometry, ProductKind, Sterilization } from "@/lib/generated/prisma/enums";

export type { ProductKind };

export type Tag = { slug: string; name: string };

export type PenModelSummary = {
  slug: string;
  name: string;
  connector: string;
  maxDepthMm: number;
  homeUse: boolean;
  summary: string;
};

export type CatalogVariant = {
  id: string;
  sku: string;
  label: string;
  priceCents: number;
  currency: string;
  /** Stock when the catalog was cached; pages that show availability read it live. */
  stock: number;
  packSize: number;
  packUnit: string;
  pinCount: number | null;
  needleGeometry: NeedleGeometry | null;
  needleMaterial: string | null;
  sterilization: Sterilization | null;
  maxDepthMm: number | null;
  homeUse: boolean;
};

export type KitContent = {
  quantity: number;
  label: string;
  /** Link target when the item is sold on its own too. */
  productSlug: string | null;
  sku: string | null;
  /** The picture of the product it is, for the kit's "in the box" view. */
  imagePath?: string | null;
  /** Set when the item is the kit's pen. */
  penSlug?: string | null;
};

export type CatalogProduct = {
  id: string;
  slug: string;
  kind: ProductKind;
  name: string;
  tagline: string;
  description: string;
  imagePath: string;
  publishedAt: string;
  penModel: PenModelSummary | null;
  /** The guide whose current version travels with this product. */
  guideSlug: string | null;
  concerns: Tag[];
  areas: Tag[];
  fits: { pen: PenModelSummary; verifiedAt: string }[];
  variants: CatalogVariant[];
  kitContents: KitContent[];
};

export type Catalog = {
  products: CatalogProduct[];
  penModels: PenModelSummary[];
  concerns: Tag[];
  areas: Tag[];
};
