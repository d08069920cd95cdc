import { afterAll, describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import { describeFindings } from "@/lib/copy/claims";
import { scanStoreCopy } from "@/lib/copy/scan";
import { buildInstructions, instructionsFor } from "@/lib/guides";
import { renderBookletPdf } from "@/lib/guides/booklet-pdf";
import { createDraft, listGuides, loadCurrentGuide, loadGuideVersion, publishGuide, publishVersion } from "@/lib/guides/store";
import { guides as seedGuides } from "@/prisma/seed-data/guides";
import { testDb } from "../support/db";
import { pdfText } from "../support/pdf-text";

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const seedHome = seedGuides.find((g) => g.slug === "home-microneedling-guide")!;

/** A guide of its own per test, so tests never disturb the seeded ones. */
async function scratchGuide(name: string) {
  const slug = `test-${name}-${Date.now().toString(36)}`;
  const versionId = await publishGuide(
    prisma,
    { slug, title: `Test guide ${name}`, summary: "For tests.", audience: "HOME" },
    seedHome.content,
    "First edition.",
  );
  return { slug, versionId };
}

describe("guide versions", () => {
  it("editing a guide publishes a new version and leaves the old one intact and readable", async () => {
    const { slug, versionId: v1 } = await scratchGuide("edit");
    const before = await loadGuideVersion(prisma, v1);

    const changed = { ...seedHome.content.NUMBING, paragraphs: ["Numbing is rarely needed at 0.25 mm; ask a pharmacist first."] };
    const v2 = await createDraft(prisma, slug, "Shorter numbing advice.", { NUMBING: changed });
    // A draft is not what customers see.
    expect((await loadCurrentGuide(prisma, slug))!.versionId).toBe(v1);
    await publishVersion(prisma, v2);

    const current = await loadCurrentGuide(prisma, slug);
    expect(current).toMatchObject({ versionId: v2, number: 2, changeNote: "Shorter numbing advice." });
    expect(current!.content.NUMBING.paragraphs).toEqual(changed.paragraphs);
    // Every other section carried over unchanged.
    expect(current!.content.DEPTH_GUIDE).toEqual(seedHome.content.DEPTH_GUIDE);

    const old = await loadGuideVersion(prisma, v1);
    expect(old).toEqual(before);
    expect(old!.content.NUMBING).toEqual(seedHome.content.NUMBING);
    const listed = (await listGuides(prisma)).find((g) => g.slug === slug)!;
    expect(listed.versions.map((v) => v.number)).toEqual([2, 1]);
  });

  it("the database refuses to change or delete a published version or its sections", async () => {
    const { versionId } = await scratchGuide("immutable");
    const section = await prisma.guideSection.findFirstOrThrow({ where: { versionId, kind: "NUMBING" } });
    await expect(prisma.guideSection.update({ where: { id: section.id }, data: { content: { paragraphs: ["x"], cautions: ["y"] } } })).rejects.toThrow(
      /published/,
    );
    await expect(prisma.guideSection.delete({ where: { id: section.id } })).rejects.toThrow(/published/);
    await expect(prisma.guideSection.create({ data: { versionId, kind: "NUMBING", position: 99, content: {} } })).rejects.toThrow();
    await expect(prisma.guideVersion.update({ where: { id: versionId }, data: { changeNote: "rewritten" } })).rejects.toThrow(/published/);
    await expect(prisma.guideVersion.delete({ where: { id: versionId } })).rejects.toThrow(/published/);
    await expect(publishVersion(prisma, versionId)).rejects.toThrow(/already published/);
    expect((await prisma.guideSection.findUniqueOrThrow({ where: { id: section.id } })).content).toEqual(section.content);
  });

  it("refuses to draft a section that does not validate", async () => {
    const { slug } = await scratchGuide("invalid");
    await expect(createDraft(prisma, slug, "bad", { NUMBING: { paragraphs: [], cautions: [] } })).rejects.toThrow();
    expect((await listGuides(prisma)).find((g) => g.slug === slug)!.versions).toHaveLength(1);
  });

  it("a product shows the version currently published for its guide", async () => {
    const { slug, versionId: v1 } = await scratchGuide("product");
    const guide = await prisma.guide.findUniqueOrThrow({ where: { slug } });
    const product = await prisma.product.create({
      data: { slug: `${slug}-kit`, kind: "KIT", name: "Versioning Test Kit", tagline: "t", description: "d", imagePath: "/x.svg", guideId: guide.id },
    });
    try {
      const first = await loadCurrentGuide(prisma, slug);
      expect(first!.versionId).toBe(v1);
      const v2 = await createDraft(prisma, slug, "Update", { INTERVALS: { ...seedHome.content.INTERVALS, note: "Wait until your skin has fully settled." } });
      await publishVersion(prisma, v2);
      const catalogProduct = (await loadCatalog(prisma)).products.find((p) => p.slug === product.slug)!;
      expect(catalogProduct.guideSlug).toBe(slug);
      const now = await loadCurrentGuide(prisma, catalogProduct.guideSlug!);
      const doc = buildInstructions(catalogProduct, instructionsFor(catalogProduct, now!), (s) => s);
      expect(doc.versionLabel).toContain("version 2");
      expect(JSON.stringify(doc)).toContain("Wait until your skin has fully settled.");
    } finally {
      await prisma.product.delete({ where: { id: product.id } });
    }
  });
});

describe("attachment in the seeded store", () => {
  it("every product has a guide with a published version, kits and home cartridges the home guide", async () => {
    const catalog = await loadCatalog(prisma);
    for (const p of catalog.products) {
      expect(p.guideSlug, p.slug).not.toBeNull();
      expect(await loadCurrentGuide(prisma, p.guideSlug!), p.slug).not.toBeNull();
    }
    const bySlug = new Map(catalog.products.map((p) => [p.slug, p.guideSlug]));
    expect(bySlug.get("home-starter-kit")).toBe("home-microneedling-guide");
    expect(bySlug.get("precision-12-cartridge")).toBe("home-microneedling-guide");
    expect(bySlug.get("wide-42-cartridge")).toBe("professional-pen-guide");
  });
});

describe("the booklet PDF", () => {
  it("contains every section of the kit's instructions, the version and the date", async () => {
    const catalog = await loadCatalog(prisma);
    const kit = catalog.products.find((p) => p.slug === "home-starter-kit")!;
    const guide = (await loadCurrentGuide(prisma, kit.guideSlug!))!;
    const doc = buildInstructions(kit, instructionsFor(kit, guide), (s) => s);
    const pdf = await renderBookletPdf(doc, doc.versionLabel);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const { pages, text, pageTexts } = await pdfText(new Uint8Array(pdf));
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain("Home Starter Kit");
    // A cover page first, and the depth diagram drawn from the guide's caps.
    expect(pageTexts[0]).toContain("In this booklet");
    expect(pageTexts[0]).toContain(guide.guideTitle);
    expect(text).toContain(`${guide.content.DEPTH_GUIDE.homeFaceMaxMm} mm home limit`);
    expect(text).toContain(`version ${guide.number}`);
    for (const title of [
      "How to use it, step by step",
      "Needle depth guide",
      "Aftercare timeline",
      "Time between sessions",
      "Who must not use it",
      "Single use and safe disposal",
    ]) {
      expect(text, title).toContain(title);
    }
    // A sample of the content itself, not just headings.
    expect(text).toContain(guide.content.CONTRAINDICATIONS.doNotUse[0]!.slice(0, 30));
    expect(text).toContain("Around the eyes (outside the orbital rim)");
    expect(text).toContain("Professional only");
    expect(text).toContain(guide.content.AFTERCARE.windows[0]!.title);
  });

  it("a cartridge's PDF carries its depth card, pens and disposal rules", async () => {
    const catalog = await loadCatalog(prisma);
    const cartridge = catalog.products.find((p) => p.slug === "nano-surface-cartridge")!;
    const guide = (await loadCurrentGuide(prisma, cartridge.guideSlug!))!;
    const doc = buildInstructions(cartridge, instructionsFor(cartridge, guide), (s) => s);
    const { text } = await pdfText(new Uint8Array(await renderBookletPdf(doc, doc.versionLabel)));
    expect(text).toContain("Depth card");
    expect(text).toContain("made for depths up to 0.25 mm");
    expect(text).toContain("Stillpoint H0 Home Pen");
    expect(text).toContain("Single use and safe disposal");
    expect(text).not.toContain("Aftercare timeline");
  });
});

describe("the claims check over the database", () => {
  it("passes on the seeded store", async () => {
    expect(describeFindings(await scanStoreCopy(prisma))).toBe("");
  });

  it("fails naming the product and phrase when a forbidden claim is added", async () => {
    const product = await prisma.product.create({
      data: {
        slug: "claims-probe",
        kind: "AFTERCARE",
        name: "Claims Probe Serum",
        tagline: "A serum.",
        description: "Stimulates collagen overnight.",
        imagePath: "/x.svg",
      },
    });
    try {
      const report = describeFindings(await scanStoreCopy(prisma));
      expect(report).toContain("Claims Probe Serum");
      expect(report).toContain("“collagen”");
    } finally {
      await prisma.product.delete({ where: { id: product.id } });
    }
  });
});
