import type { ProductKind } from "./types";

export type Category = {
  slug: string;
  kind: ProductKind;
  title: string;
  intro: string;
  /** Filters that make sense for this kind of product, in display order. */
  filters: ("config" | "pack" | "pen" | "concern" | "area" | "stock")[];
};

export const categories: Category[] = [
  {
    slug: "kits",
    kind: "KIT",
    title: "Pen kits",
    intro: "A microneedling pen with cartridges, aftercare and a sharps container, plus the full instructions for using them.",
    filters: ["pen", "concern", "area", "stock"],
  },
  {
    slug: "cartridges",
    kind: "CARTRIDGE",
    title: "Needle cartridges",
    intro: "Single-use, sterile-sealed cartridges. Choose your pen first: cartridges only fit the pens listed on them.",
    filters: ["pen", "config", "pack", "concern", "area", "stock"],
  },
  {
    slug: "aftercare",
    kind: "AFTERCARE",
    title: "Aftercare",
    intro: "Gentle, fragrance-free products for the days after a session, and broad-spectrum sun protection.",
    filters: ["concern", "stock"],
  },
  {
    slug: "accessories",
    kind: "ACCESSORY",
    title: "Safety and accessories",
    intro: "Sharps containers, prep pads and barrier sleeves for clean set-up and safe disposal.",
    filters: ["stock"],
  },
];

export function categoryBySlug(slug: string): Category | undefined {
  return categories.find((c) => c.slug === slug);
}

export function categoryForKind(kind: ProductKind): Category {
  return categories.find((c) => c.kind === kind)!;
}
