// Shapes of the seed catalog. prisma/seed.ts loads these into the database.
import type { NeedleGeometry, ProductKind, Sterilization } from "../../lib/generated/prisma/enums";

export type SeedTag = { slug: string; name: string };

export type SeedPenModel = {
  slug: string;
  name: string;
  /** Connector family, e.g. "HX-CLICK-HOME". */
  connector: string;
  maxDepthMm: number;
  homeUse: boolean;
  summary: string;
};

export type SeedVariant = {
  sku: string;
  /** What tells this variant apart on the page, e.g. "10 cartridges". */
  label: string;
  priceCents: number;
  stock: number;
  packSize: number;
  /** "cartridges", "ml", "pads", "sleeves", "kit", "container". */
  packUnit: string;
  pinCount?: number;
  needleGeometry?: NeedleGeometry;
  needleMaterial?: string;
  sterilization?: Sterilization;
  maxDepthMm?: number;
  /** false = sold for professional use only. */
  homeUse: boolean;
};

export type SeedKitItem = { sku: string; quantity: number } | { pen: string; quantity: number } | { label: string; quantity: number };

export type SeedProduct = {
  slug: string;
  kind: ProductKind;
  name: string;
  tagline: string;
  /** Plain paragraphs separated by a blank line. */
  description: string;
  /** ISO date; drives the "newest" sort. */
  publishedAt: string;
  /** For kits: the pen model that comes in the box. */
  penModel?: string;
  concerns: string[];
  areas: string[];
  /** For cartridges: pen models they fit and when the fit was verified (ISO date). */
  fits?: { pen: string; verifiedAt: string }[];
  variants: SeedVariant[];
  kitItems?: SeedKitItem[];
  /**
   * The guide whose instructions travel with it. The hand-written catalog
   * lists its products in each guide's productSlugs (./guides.ts) instead;
   * generated products (./generated.ts) name theirs here.
   */
  guide?: string;
  /** Defaults to /images/products/<slug>.svg; generated products share the picture of a similar seeded one. */
  imagePath?: string;
};
