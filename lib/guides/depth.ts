// Depth guide answers: treatment area × concern → what depth, if any, the
// store's home instructions allow. Pure functions over a guide version's
// DEPTH_GUIDE section.
import type { DepthGuide } from "./content";

export type DepthAnswer =
  | { kind: "home"; minMm: number; maxMm: number; professionalReferenceMm: string | null; note: string | null; thinSkin: boolean }
  | { kind: "professional-only"; professionalReferenceMm: string | null; note: string | null }
  | { kind: "not-covered" };

export function recommendDepth(guide: DepthGuide, areaSlug: string, concernSlug: string): DepthAnswer {
  const area = guide.areas.find((a) => a.slug === areaSlug);
  const entry = guide.entries.find((e) => e.area === areaSlug && e.concern === concernSlug);
  if (!area || !entry) return { kind: "not-covered" };
  if (entry.homeMinMm === null || entry.homeMaxMm === null) {
    return { kind: "professional-only", professionalReferenceMm: entry.professionalReferenceMm, note: entry.note };
  }
  // The caps hold whatever a guide's table says: thin skin never above the
  // beginner cap, anywhere else never above the face cap.
  const cap = area.thinSkin ? guide.beginnerMaxMm : guide.homeFaceMaxMm;
  const maxMm = Math.min(entry.homeMaxMm, cap);
  const minMm = Math.min(entry.homeMinMm, maxMm);
  return { kind: "home", minMm, maxMm, professionalReferenceMm: entry.professionalReferenceMm, note: entry.note, thinSkin: area.thinSkin };
}

export function formatDepth(answer: DepthAnswer): string {
  if (answer.kind === "professional-only") return "Professional only: not for home use";
  if (answer.kind === "not-covered") return "Not covered by this guide";
  return answer.minMm === answer.maxMm ? `${answer.minMm} mm` : `${answer.minMm}–${answer.maxMm} mm`;
}

/** Every row of the table, in the guide's area and concern order. */
export function depthTable(guide: DepthGuide) {
  const rows: { area: string; areaName: string; concern: string; concernName: string; answer: DepthAnswer }[] = [];
  for (const area of guide.areas) {
    for (const concern of guide.concerns) {
      const answer = recommendDepth(guide, area.slug, concern.slug);
      if (answer.kind !== "not-covered") rows.push({ area: area.slug, areaName: area.name, concern: concern.slug, concernName: concern.name, answer });
    }
  }
  return rows;
}

/**
 * A cartridge's depth card: the rows of the table it is meant for, i.e. the
 * areas it suits, at home depths it can reach (its maximum depth caps each).
 */
export function depthCard(guide: DepthGuide, cartridge: { maxDepthMm: number | null; areaSlugs: string[] }) {
  const limit = cartridge.maxDepthMm ?? guide.homeFaceMaxMm;
  const areas = new Set(cartridge.areaSlugs);
  return depthTable(guide)
    .filter((row) => areas.has(row.area))
    .map((row) =>
      row.answer.kind === "home"
        ? { ...row, answer: { ...row.answer, maxMm: Math.min(row.answer.maxMm, limit), minMm: Math.min(row.answer.minMm, limit) } }
        : row,
    );
}
