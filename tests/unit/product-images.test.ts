// Every product has a picture of its own kind, the files are small and sized,
// a cartridge's drawing shows its own pins, and a kit's gallery shows the kit,
// what is in its box and its pen.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { productGallery } from "@/lib/catalog/gallery";
import { penModels, products as handWritten } from "@/prisma/seed-data/catalog";
import { generatedProducts } from "@/prisma/seed-data/generated";
import { seedCatalog } from "../support/seed-catalog";

const publicDir = path.resolve(import.meta.dirname, "../../public");
const file = (src: string) => path.join(publicDir, src);
const svg = (src: string) => readFileSync(file(src), "utf8");
const seeded = [...handWritten, ...generatedProducts(2000)];
const imageOf = (p: (typeof seeded)[number]) => p.imagePath ?? `/images/products/${p.slug}.svg`;

/** The pins drawn on a cartridge face: one <circle> or <rect> each inside <g class="pins">. */
function drawnPins(text: string): { round: number; square: number }[] {
  return [...text.matchAll(/<g class="pins"[^>]*>(.*?)<\/g>/g)].map(([, inner]) => ({
    round: (inner!.match(/<circle /g) ?? []).length,
    square: (inner!.match(/<rect /g) ?? []).length,
  }));
}

describe("product pictures", () => {
  it("exist for every seeded product, hand-written and generated, as small SVGs with a fixed size", () => {
    const paths = new Set(seeded.map(imageOf));
    for (const src of paths) {
      expect(existsSync(file(src)), src).toBe(true);
      const text = svg(src);
      expect(text, src).toMatch(/^<svg [^>]*width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
      expect(text, src).toMatch(/<title>[^<]+<\/title>/);
      expect(statSync(file(src)).size, src).toBeLessThan(6_000);
    }
  });

  it("differ between the three kits, each drawn with its own pen", () => {
    const kits = handWritten.filter((p) => p.kind === "KIT");
    expect(kits).toHaveLength(3);
    const drawings = kits.map((k) => svg(imageOf(k)));
    expect(new Set(drawings).size).toBe(3);
    // The professional pen's dark body appears only in the professional kit.
    expect(kits.filter((k, i) => drawings[i]!.includes("#2B3A4A")).map((k) => k.slug)).toEqual(["professional-kit"]);
    // The complete kit adds a box of 16-pin cartridges: one more cartridge box with pins than the starter kit.
    const boxes = (slug: string) => drawnPins(svg(`/images/products/${slug}.svg`)).length;
    expect(boxes("home-complete-kit")).toBe(boxes("home-starter-kit") + 1);
  });

  it("show each cartridge's own pin count and pin shape, hand-written and generated", () => {
    const cartridges = seeded.filter((p) => p.kind === "CARTRIDGE");
    let checked = 0;
    for (const c of cartridges) {
      const v = c.variants[0]!;
      const pins = drawnPins(svg(imageOf(c)));
      if (v.needleGeometry === "NANO") expect(pins, c.slug).toEqual([]);
      else if (v.needleGeometry === "MIXED")
        expect(pins, c.slug).toEqual([
          { round: 12, square: 0 },
          { round: 16, square: 0 },
        ]);
      else {
        const expected = v.needleGeometry === "SQUARE" ? { round: 0, square: v.pinCount } : { round: v.pinCount, square: 0 };
        expect(pins, `${c.slug} (${v.pinCount} ${v.needleGeometry})`).toEqual([expected]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // Different counts, different drawings: the 3-pin and the 42-pin do not share a file.
    const byCount = new Map(
      cartridges.filter((c) => c.variants[0]!.pinCount).map((c) => [`${c.variants[0]!.pinCount}-${c.variants[0]!.needleGeometry}`, imageOf(c)]),
    );
    expect(new Set(byCount.values()).size).toBe(byCount.size);
  });

  it("have a close-up for every pen model, marked with its own depth limit", () => {
    for (const pen of penModels) expect(svg(`/images/pens/${pen.slug}.svg`), pen.slug).toContain(`0–${pen.maxDepthMm} mm`);
  });
});

describe("a kit's gallery", () => {
  const catalog = seedCatalog(400);
  const kits = catalog.products.filter((p) => p.kind === "KIT");

  it("has the kit, what is in the box and the pen, every picture a file that exists", () => {
    expect(kits.length).toBeGreaterThan(10);
    for (const kit of kits) {
      const views = productGallery(kit);
      expect(
        views.map((v) => v.name),
        kit.slug,
      ).toEqual(["The kit", "In the box", "The pen"]);
      const sources = views.flatMap((v) => (v.kind === "picture" ? [v.picture.src] : [v.thumb, ...v.items.map((i) => i.src)]));
      for (const src of sources) expect(existsSync(file(src)), `${kit.slug}: ${src}`).toBe(true);
    }
  });

  it("shows every item of the box with its name, and words for each picture from the product data", () => {
    const kit = kits.find((k) => k.slug === "home-complete-kit")!;
    const [main, box, pen] = productGallery(kit);
    expect(box!.kind === "contents" && box!.items.map((i) => i.label)).toEqual(kit.kitContents.map((c) => c.label));
    expect(main!.kind === "picture" && main!.picture.alt).toContain("Travel case");
    expect(main!.kind === "picture" && main!.picture.alt).toContain("Stillpoint H1 Home Pen");
    expect(pen!.kind === "picture" && pen!.picture).toEqual({
      src: "/images/pens/stillpoint-h1.svg",
      alt: "Stillpoint H1 Home Pen, close up, with its depth dial from 0 to 0.5 mm",
    });
  });

  it("is one picture for anything else, described by what it shows", () => {
    const cartridge = catalog.products.find((p) => p.slug === "balance-24-cartridge")!;
    const views = productGallery(cartridge);
    expect(views).toHaveLength(1);
    expect(views[0]!.kind === "picture" && views[0]!.picture.alt).toBe("Balance 24 Cartridge: cartridge face with 24 round pins");
  });
});
