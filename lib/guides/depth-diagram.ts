// The needle-depth diagram: skin layers with, for each treatment area, the
// home depth range and the published professional range (for information
// only). Every depth figure comes from a guide version's DEPTH_GUIDE section
// through recommendDepth, so the picture can never say more than the table
// beside it. The page (components/guide/depth-diagram.tsx) and the booklet PDF
// (booklet-pdf.ts) both draw this one model.
import type { DepthGuide } from "./content";
import { recommendDepth } from "./depth";

export type DepthDiagramArea = {
  slug: string;
  /** The area's name without its parenthesis, short enough for a label. */
  label: string;
  thinSkin: boolean;
  /** The home range over every concern of the area; null when the area is professional only. */
  home: { minMm: number; maxMm: number } | null;
  /** The widest published professional range over the area's concerns, for information only. */
  professional: { minMm: number; maxMm: number } | null;
};

export type DepthDiagram = {
  beginnerMaxMm: number;
  homeFaceMaxMm: number;
  /** The depth at the right-hand edge of the drawing. */
  scaleMaxMm: number;
  areas: DepthDiagramArea[];
};

/**
 * The layers drawn behind the bars. Not store data but anatomy, approximate
 * and the same for every area: facial epidermis is about 0.17–0.22 mm thick and
 * the dermis below it about 0.6 mm (eyelid) to 2 mm (lower nose) (domain
 * research §2.1). The dermis is drawn fading out over that span.
 */
export const SKIN_LAYERS = {
  epidermisMm: 0.2,
  dermisFromMm: 0.6,
  dermisToMm: 2.0,
} as const;

const numbersIn = (text: string) => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

export function depthDiagram(guide: DepthGuide): DepthDiagram {
  const areas: DepthDiagramArea[] = [];
  for (const area of guide.areas) {
    let home: DepthDiagramArea["home"] = null;
    let professional: DepthDiagramArea["professional"] = null;
    let covered = false;
    for (const concern of guide.concerns) {
      const answer = recommendDepth(guide, area.slug, concern.slug);
      if (answer.kind === "not-covered") continue;
      covered = true;
      if (answer.kind === "home") {
        home = home ? { minMm: Math.min(home.minMm, answer.minMm), maxMm: Math.max(home.maxMm, answer.maxMm) } : { minMm: answer.minMm, maxMm: answer.maxMm };
      }
      const figures = answer.professionalReferenceMm ? numbersIn(answer.professionalReferenceMm) : [];
      if (figures.length) {
        const [lo, hi] = [Math.min(...figures), Math.max(...figures)];
        professional = professional ? { minMm: Math.min(professional.minMm, lo), maxMm: Math.max(professional.maxMm, hi) } : { minMm: lo, maxMm: hi };
      }
    }
    if (covered) areas.push({ slug: area.slug, label: area.name.replace(/\s*\(.*\)\s*$/, ""), thinSkin: area.thinSkin, home, professional });
  }
  const deepest = Math.max(guide.homeFaceMaxMm, ...areas.map((a) => Math.max(a.home?.maxMm ?? 0, a.professional?.maxMm ?? 0)));
  return { beginnerMaxMm: guide.beginnerMaxMm, homeFaceMaxMm: guide.homeFaceMaxMm, scaleMaxMm: Math.ceil(deepest * 2) / 2, areas };
}

/** The diagram in words, for its text alternative (the table beside it has every figure). */
export function describeDepthDiagram(d: DepthDiagram): string {
  const homeAreas = d.areas.filter((a) => a.home);
  const proOnly = d.areas.filter((a) => !a.home).map((a) => a.label.toLowerCase());
  const thin = homeAreas.filter((a) => a.home!.maxMm <= d.beginnerMaxMm).map((a) => a.label.toLowerCase());
  return [
    `The layers of the skin, from the surface on the left to deeper on the right (epidermis, then dermis), with a bar for each area showing how deep the needles go at home.`,
    `At home no area goes deeper than ${d.homeFaceMaxMm} mm${thin.length ? `, and ${listWords(thin)} stay at ${d.beginnerMaxMm} mm` : ""}.`,
    `Outlined bars show published professional ranges up to ${d.scaleMaxMm} mm, for information only${proOnly.length ? `; ${listWords(proOnly)} ${proOnly.length === 1 ? "is" : "are"} professional only` : ""}.`,
  ].join(" ");
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Tick marks along the depth axis: every quarter millimetre up to 1 mm, every half after. */
export function depthTicks(d: DepthDiagram): number[] {
  const ticks: number[] = [];
  for (let mm = 0; mm <= d.scaleMaxMm + 1e-9; mm += mm < 1 ? 0.25 : 0.5) ticks.push(Math.round(mm * 100) / 100);
  return ticks;
}
