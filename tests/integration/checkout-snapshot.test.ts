// Checkout snapshots what it sells (the guide version and the instructions
// built from it) from one narrow query instead of loading the catalog. The
// order must keep exactly what the catalog path would have written: this
// compares the two for every seeded product, together and one by one. The
// products an instruction mentions (a kit's aftercare timeline) are named
// from the whole catalog, sold or not, and linked.
import { afterAll, describe, expect, it } from "vitest";
import { productNames } from "@/lib/catalog";
import { loadCatalog } from "@/lib/catalog/load";
import { instructionsSnapshot } from "@/lib/checkout/start";
import { buildInstructions, instructionsFor } from "@/lib/guides";
import { currentVersionIds, loadGuideVersion } from "@/lib/guides/store";
import { testDb } from "../support/db";

const prisma = testDb();
afterAll(() => prisma.$disconnect());

/** What checkout wrote before: the catalog of the products sold, their guides' current versions. */
async function fromCatalog(slugs: string[]) {
  const catalog = await loadCatalog(prisma, slugs);
  const names = productNames(await loadCatalog(prisma));
  const current = await currentVersionIds(prisma);
  const out = new Map<string, { guideVersionId: string | null; guide: unknown; instructions: unknown }>();
  for (const product of catalog.products) {
    const id = product.guideSlug ? current.get(product.guideSlug) : undefined;
    const guide = id ? await loadGuideVersion(prisma, id) : null;
    out.set(product.slug, {
      guideVersionId: guide?.versionId ?? null,
      // Which guide version, by name, for the order's acknowledgement.
      guide: guide ? { versionId: guide.versionId, guideSlug: guide.guideSlug, guideTitle: guide.guideTitle, number: guide.number } : null,
      instructions: guide ? buildInstructions(product, instructionsFor(product, guide), (s) => names.get(s)) : null,
    });
  }
  return out;
}

describe("checkout's snapshot of what it sells", () => {
  it("is what the catalog path builds, for every product sold together and alone", async () => {
    const slugs = (await prisma.product.findMany({ select: { slug: true } })).map((p) => p.slug);
    expect(slugs.length).toBeGreaterThan(5);
    const kinds = new Set((await prisma.product.findMany({ select: { kind: true } })).map((p) => p.kind));
    expect([...kinds].sort()).toEqual(["ACCESSORY", "AFTERCARE", "CARTRIDGE", "KIT"]);

    const together = await instructionsSnapshot(prisma, slugs);
    expect(together).toEqual(await fromCatalog(slugs));
    // Products with fitting pens and instructions are among them (the comparison is not of empties).
    expect([...together.values()].filter((s) => s.instructions !== null).length).toBeGreaterThan(5);
    for (const slug of slugs) expect(await instructionsSnapshot(prisma, [slug])).toEqual(await fromCatalog([slug]));
  });

  it("names and links the aftercare products a kit's instructions mention, though the kit is sold alone", async () => {
    const kit = await prisma.product.findFirstOrThrow({ where: { kind: "KIT", guideId: { not: null } }, select: { slug: true } });
    const doc = (await instructionsSnapshot(prisma, [kit.slug])).get(kit.slug)!.instructions!;
    const useful = doc.sections.flatMap((s) => s.blocks).filter((b) => b.type === "p" && b.text.startsWith("Useful now:"));
    expect(useful.length).toBeGreaterThan(0);
    const names = new Map((await prisma.product.findMany({ select: { slug: true, name: true } })).map((p) => [p.slug, p.name]));
    for (const block of useful) {
      if (block.type !== "p") continue;
      const links = (block.runs ?? []).filter((r) => r.slug !== undefined);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(link.text).toBe(names.get(link.slug!));
      // Names, not slugs.
      for (const slug of links.map((l) => l.slug!)) expect(block.text).not.toContain(slug);
    }
  });

  it("sells nothing for no products and skips slugs that do not exist", async () => {
    expect(await instructionsSnapshot(prisma, [])).toEqual(new Map());
    expect(await instructionsSnapshot(prisma, ["no-such-product"])).toEqual(new Map());
  });
});
