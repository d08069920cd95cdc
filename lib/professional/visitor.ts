// The professional parts of a static catalog page, for the visitor's browser
// only (never in cached HTML): whether the signed-in account holds a valid
// licence, which sizes of the product on screen it may buy (the one rule,
// mayBuy), and, on a kit page, the professional guide's sections.
import type { Db } from "@/lib/db";
import { getProduct } from "@/lib/catalog";
import { getProfessionalSections } from "@/lib/guides";
import type { Instructions } from "@/lib/guides/instructions";
import { licenceValid, loadBuyer, mayBuy, type Buyer } from "./eligibility";

export type ProfessionalVisitor = { professional: boolean; buyable?: Record<string, boolean> };

/** For the buyer whose cart the visitor view has just read (its `licence`): no second read of the licence. */
export async function professionalVisitor(buyer: Buyer, productSlug: string | null, now = new Date()): Promise<ProfessionalVisitor> {
  if (!licenceValid(buyer.licence, now)) return { professional: false };
  const product = productSlug ? await getProduct(productSlug) : undefined;
  if (!product) return { professional: true };
  return { professional: true, buyable: Object.fromEntries(product.variants.map((v) => [v.sku, mayBuy(v, buyer, now)])) };
}

/**
 * The professional guide's sections for a kit page: "refused" for anyone
 * without a valid licence; for a professional, the sections, or null where
 * there are none to add (not a kit, or a kit that carries that guide already).
 */
export async function professionalSectionsFor(db: Db, userId: string | null, productSlug: string, now = new Date()): Promise<Instructions | null | "refused"> {
  if (!userId) return "refused";
  const buyer = await loadBuyer(db, userId, now);
  if (!licenceValid(buyer.licence, now)) return "refused";
  const product = await getProduct(productSlug);
  return product ? getProfessionalSections(product) : null;
}
