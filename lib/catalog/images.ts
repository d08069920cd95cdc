// Where product pictures live, shared by the seed (prisma/seed-data/generated.ts),
// the product gallery (gallery.ts) and the script that draws them
// (scripts/make-product-images.ts), so a generated cartridge always names a
// drawing that shows its own pin count and shape.

/** One drawing per pin count and shape: /images/products/cartridge-<pins>-<round|square>.svg. */
export function cartridgeImageName(pins: number, geometry: "ROUND" | "SQUARE"): string {
  return `cartridge-${pins}-${geometry.toLowerCase()}`;
}

/** The pin configurations generated cartridges come in (generated.ts picks from these). */
export const CARTRIDGE_CONFIGS: { pins: number; geometry: "ROUND" | "SQUARE" }[] = [
  { pins: 3, geometry: "ROUND" },
  { pins: 5, geometry: "ROUND" },
  { pins: 7, geometry: "ROUND" },
  { pins: 9, geometry: "ROUND" },
  { pins: 12, geometry: "ROUND" },
  { pins: 12, geometry: "SQUARE" },
  { pins: 16, geometry: "ROUND" },
  { pins: 16, geometry: "SQUARE" },
  { pins: 24, geometry: "ROUND" },
  { pins: 36, geometry: "ROUND" },
  { pins: 42, geometry: "ROUND" },
  { pins: 49, geometry: "SQUARE" },
];

/** A pen model's close-up, shown in a kit's gallery. */
export const penImagePath = (penSlug: string) => `/images/pens/${penSlug}.svg`;

/** Drawings of the kit parts that are not sold on their own, found by their label. */
export const KIT_PARTS: { match: RegExp; file: string }[] = [
  { match: /travel case/i, file: "travel-case" },
  { match: /case/i, file: "hard-case" },
  { match: /cable/i, file: "charging-cable" },
  { match: /booklet/i, file: "booklet" },
];

export function kitPartImagePath(label: string): string | null {
  const part = KIT_PARTS.find((p) => p.match.test(label));
  return part ? `/images/kit-parts/${part.file}.svg` : null;
}
