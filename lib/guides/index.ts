// Guides as pages read them. A version's content is cached by its id with no
// expiry, which is always correct because a published version never changes.
// Which version is current, and the list of guides, are cached under the
// catalog tag: publishing records a "catalog" invalidation (lib/guides/store.ts),
// which also drops every cached page that showed the old version.
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { CATALOG_TAG, databaseKey, getCatalog, productNames } from "@/lib/catalog";
import type { CatalogProduct } from "@/lib/catalog/types";
import { db } from "@/lib/db";
import { buildInstructions, type Instructions } from "./instructions";
import { sectionAnchors } from "./content";
import { instructionsFor, type GuideVersionView, type ProductInstructions } from "./attachment";
import { currentVersionIds, listGuides, readPublishedVersion } from "./store";

export function getGuideVersion(versionId: string): Promise<GuideVersionView | null> {
  return readPublishedVersion(db(), versionId);
}

const getCurrentVersionIds = cache(async (): Promise<Map<string, string>> => {
  const entries = await unstable_cache(async () => [...(await currentVersionIds(db()))], ["guide-current-versions", databaseKey()], {
    tags: [CATALOG_TAG],
    revalidate: 300,
  })();
  return new Map(entries);
});

async function getCurrentGuide(guideSlug: string): Promise<GuideVersionView | null> {
  const id = (await getCurrentVersionIds()).get(guideSlug);
  return id ? getGuideVersion(id) : null;
}

async function getProductInstructions(product: CatalogProduct): Promise<ProductInstructions | null> {
  if (!product.guideSlug) return null;
  const guide = await getCurrentGuide(product.guideSlug);
  return guide ? instructionsFor(product, guide) : null;
}

/** Once per request: a guide page reads it for its metadata and again for the page. */
export const getGuides = cache(() => unstable_cache(() => listGuides(db()), ["guide-list", databaseKey()], { tags: [CATALOG_TAG], revalidate: 300 })());

export * from "./content";
export * from "./depth";
export * from "./attachment";

/** The instructions for a product, as it stands now, or null if it has no guide. */
export async function getInstructionsForProduct(product: CatalogProduct) {
  const attached = await getProductInstructions(product);
  if (!attached) return null;
  const names = productNames(await getCatalog());
  // A catalog product is one frozen object for as long as the catalog is
  // unchanged, and a guide version never changes: build each pair once.
  let byVersion = builtInstructions.get(product);
  if (!byVersion) builtInstructions.set(product, (byVersion = new Map()));
  let built = byVersion.get(attached.guide.versionId);
  if (!built) {
    built = { attached, doc: buildInstructions(product, attached, (slug) => names.get(slug)) };
    byVersion.set(attached.guide.versionId, built);
  }
  return built;
}

/** Instructions built per catalog product and guide version. Shared by every request: do not change what it holds. */
const builtInstructions = new WeakMap<CatalogProduct, Map<string, { attached: ProductInstructions; doc: Instructions }>>();
export * from "./instructions";

/**
 * For a verified professional on a kit page: the professional guide's depth
 * guide (depths beyond the home limits) and its client screening, as they
 * apply to this kit. Null for a product that is not a kit or already carries
 * the professional guide. Never part of a cached page: /api/professional/sections
 * answers it, to a valid licence only (lib/professional/sections.ts).
 */
export async function getProfessionalSections(product: CatalogProduct): Promise<Instructions | null> {
  if (product.kind !== "KIT") return null;
  const professional = (await getGuides()).find((g) => g.audience === "PROFESSIONAL" && g.versions.length > 0);
  if (!professional || professional.slug === product.guideSlug) return null;
  const guide = await getCurrentGuide(professional.slug);
  if (!guide) return null;
  const names = productNames(await getCatalog());
  const doc = buildInstructions(product, { kind: "full", guide }, (slug) => names.get(slug));
  const titles: Record<string, string> = {
    [sectionAnchors.DEPTH_GUIDE]: "Professional depth guide",
    [sectionAnchors.CONTRAINDICATIONS]: "Client consultation and screening",
  };
  return { ...doc, sections: doc.sections.filter((s) => s.id in titles).map((s) => ({ ...s, title: titles[s.id]! })) };
}
