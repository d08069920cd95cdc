// Which part of a guide travels with which product (the attachment rules):
//   kits        the whole guide;
//   cartridges  their depth card, single-use and disposal rules, and the pens they fit;
//   aftercare   where they belong in the aftercare timeline (and its red flags);
//   accessories the set-up and disposal rules they are used for.
import type { CatalogProduct } from "@/lib/catalog/types";
import type { GuideAudience } from "@/lib/generated/prisma/enums";
import type { AftercareWindowKey, GuideContent } from "./content";
import { depthCard } from "./depth";

export type GuideVersionView = {
  guideSlug: string;
  guideTitle: string;
  audience: GuideAudience;
  versionId: string;
  number: number;
  publishedAt: string;
  changeNote: string;
  content: GuideContent;
};

export type ProductInstructions =
  | { kind: "full"; guide: GuideVersionView }
  | {
      kind: "cartridge";
      guide: GuideVersionView;
      maxDepthMm: number | null;
      depthCard: ReturnType<typeof depthCard>;
      fits: CatalogProduct["fits"];
    }
  | {
      kind: "aftercare";
      guide: GuideVersionView;
      /** The windows this product belongs in. */
      windows: AftercareWindowKey[];
    }
  | { kind: "accessory"; guide: GuideVersionView };

/** What the rules read of a product: a whole catalog product, or checkout's snapshot of one. */
export type AttachableProduct = Pick<CatalogProduct, "kind" | "slug" | "fits" | "areas"> & { variants: { maxDepthMm: number | null }[] };

export function instructionsFor(product: AttachableProduct, guide: GuideVersionView): ProductInstructions {
  switch (product.kind) {
    case "KIT":
      return { kind: "full", guide };
    case "CARTRIDGE": {
      const depths = product.variants.map((v) => v.maxDepthMm).filter((d): d is number => d !== null);
      const maxDepthMm = depths.length ? Math.max(...depths) : null;
      return {
        kind: "cartridge",
        guide,
        maxDepthMm,
        depthCard: depthCard(guide.content.DEPTH_GUIDE, { maxDepthMm, areaSlugs: product.areas.map((a) => a.slug) }),
        fits: product.fits,
      };
    }
    case "AFTERCARE":
      return {
        kind: "aftercare",
        guide,
        windows: guide.content.AFTERCARE.windows.filter((w) => w.productSlugs.includes(product.slug)).map((w) => w.key),
      };
    case "ACCESSORY":
      return { kind: "accessory", guide };
  }
}
