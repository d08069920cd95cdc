import { describe, expect, it } from "vitest";
import { depthCard, depthTable, recommendDepth, type DepthGuide } from "@/lib/guides";
import { guides } from "@/prisma/seed-data/guides";

const home = guides.find((g) => g.slug === "home-microneedling-guide")!.content.DEPTH_GUIDE;
const thin = new Set(home.areas.filter((a) => a.thinSkin).map((a) => a.slug));

describe("the depth guide's answers", () => {
  it.each([
    ["forehead", "fine-lines", 0.25, 0.5],
    ["forehead", "texture", 0.25, 0.5],
    ["nose", "pores", 0.25, 0.25],
    ["around-eyes", "fine-lines", 0.25, 0.25],
    ["upper-lip", "fine-lines", 0.25, 0.25],
    ["cheeks", "texture", 0.25, 0.5],
    ["cheeks", "pores", 0.25, 0.5],
    ["cheeks", "acne-scar-texture", 0.25, 0.5],
    ["chin-jaw", "texture", 0.25, 0.5],
    ["neck", "texture", 0.25, 0.25],
    ["decollete", "uneven-tone", 0.25, 0.25],
    ["hands", "texture", 0.25, 0.25],
  ])("%s × %s: %s–%s mm at home", (area, concern, min, max) => {
    expect(recommendDepth(home, area, concern)).toMatchObject({ kind: "home", minMm: min, maxMm: max });
  });

  it.each([
    ["body", "stretch-marks"],
    ["nose", "acne-scar-texture"],
    ["around-eyes", "acne-scar-texture"],
    ["neck", "acne-scar-texture"],
  ])("%s × %s is professional-only", (area, concern) => {
    expect(recommendDepth(home, area, concern).kind).toBe("professional-only");
  });

  it("shows the published professional range for stretch marks, for information", () => {
    expect(recommendDepth(home, "body", "stretch-marks")).toMatchObject({ professionalReferenceMm: "1.5–2.0" });
  });

  it("never answers beyond the home caps, for every area and concern", () => {
    for (const area of home.areas) {
      for (const concern of home.concerns) {
        const answer = recommendDepth(home, area.slug, concern.slug);
        if (answer.kind !== "home") continue;
        expect(answer.maxMm, `${area.slug} × ${concern.slug}`).toBeLessThanOrEqual(thin.has(area.slug) ? 0.25 : 0.5);
        expect(answer.minMm).toBeLessThanOrEqual(answer.maxMm);
      }
    }
  });

  it("enforces the caps even when a table row asks for more", () => {
    const careless: DepthGuide = {
      ...home,
      entries: [
        ...home.entries.filter((e) => !(e.area === "forehead" && e.concern === "texture") && !(e.area === "neck" && e.concern === "texture")),
        { area: "forehead", concern: "texture", homeMinMm: 0.5, homeMaxMm: 1.5, professionalReferenceMm: null, note: null },
        { area: "neck", concern: "texture", homeMinMm: 0.5, homeMaxMm: 1.0, professionalReferenceMm: null, note: null },
      ],
    };
    expect(recommendDepth(careless, "forehead", "texture")).toMatchObject({ kind: "home", minMm: 0.5, maxMm: 0.5 });
    expect(recommendDepth(careless, "neck", "texture")).toMatchObject({ kind: "home", minMm: 0.25, maxMm: 0.25 });
  });

  it("says a combination it does not cover is not covered, and an unknown area too", () => {
    expect(recommendDepth(home, "nose", "stretch-marks").kind).toBe("not-covered");
    expect(recommendDepth(home, "elbow", "texture").kind).toBe("not-covered");
  });

  it("lists every covered combination in its table", () => {
    expect(depthTable(home)).toHaveLength(home.entries.length);
  });

  it("gives a nano cartridge a depth card capped at its 0.25 mm, for its areas only", () => {
    const card = depthCard(home, { maxDepthMm: 0.25, areaSlugs: ["cheeks", "forehead"] });
    expect(new Set(card.map((r) => r.area))).toEqual(new Set(["cheeks", "forehead"]));
    for (const row of card) if (row.answer.kind === "home") expect(row.answer.maxMm).toBe(0.25);
  });
});
