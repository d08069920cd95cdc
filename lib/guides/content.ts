// The typed sections of an instruction guide. Each section is stored as its
// own row (kind + JSON content) and validated against these schemas on the
// way in and on the way out, so a page never renders a malformed section.
import { z } from "zod";

const text = z.string().trim().min(1).max(2000);
const list = z.array(text).min(1).max(40);
const mm = z.number().min(0).max(3);

export const sectionKinds = [
  "PREPARATION",
  "NUMBING",
  "PEN_SETUP",
  "TECHNIQUE",
  "DEPTH_GUIDE",
  "AFTERCARE",
  "INTERVALS",
  "CONTRAINDICATIONS",
  "DISPOSAL",
] as const;
export type SectionKind = (typeof sectionKinds)[number];

export const aftercareWindowKeys = ["0-24h", "24-72h", "3-7d", "1-2w"] as const;
export type AftercareWindowKey = (typeof aftercareWindowKeys)[number];

export const sectionSchemas = {
  /** Preparation and cleansing. */
  PREPARATION: z.object({ intro: text, youWillNeed: list, steps: list }),
  /** Optional numbing: conservative wording, never above 4% lidocaine. */
  NUMBING: z.object({ paragraphs: list, cautions: list }),
  /** Sanitizing the pen and fitting a new sealed cartridge. */
  PEN_SETUP: z.object({ steps: list, warnings: list }),
  /** How to move the pen, and where not to. */
  TECHNIQUE: z.object({
    steps: list,
    avoidAreas: list,
    speedLevels: z.array(z.object({ area: text, level: text })).max(20),
  }),
  /** Treatment area × concern → recommended depth. */
  DEPTH_GUIDE: z.object({
    intro: text,
    /** The home caps this guide enforces. */
    homeFaceMaxMm: mm,
    beginnerMaxMm: mm,
    areas: z.array(z.object({ slug: z.string().min(1), name: text, thinSkin: z.boolean() })).min(1),
    concerns: z.array(z.object({ slug: z.string().min(1), name: text })).min(1),
    entries: z
      .array(
        z.object({
          area: z.string().min(1),
          concern: z.string().min(1),
          /** Null when this combination is professional-only. */
          homeMinMm: mm.nullable(),
          homeMaxMm: mm.nullable(),
          /** Published professional range, shown for information only, e.g. "0.5–1.0". */
          professionalReferenceMm: z.string().max(40).nullable(),
          note: z.string().max(500).nullable(),
        }),
      )
      .min(1),
  }),
  /** What to do, and not do, in each window after a session. */
  AFTERCARE: z.object({
    windows: z
      .array(
        z.object({
          key: z.enum(aftercareWindowKeys),
          title: text,
          guidance: list,
          avoid: z.array(text).max(40),
          /** Slugs of aftercare products that belong in this window. */
          productSlugs: z.array(z.string()).max(20),
        }),
      )
      .length(4),
    redFlags: list,
  }),
  /** How long to wait between sessions, by depth. */
  INTERVALS: z.object({
    rows: z.array(z.object({ depth: text, minDaysBetween: z.number().int().min(1).max(365), text })).min(1),
    note: text,
  }),
  /** Who must not use it. */
  CONTRAINDICATIONS: z.object({ intro: text, doNotUse: list, askFirst: list }),
  /** Single-use rules and sharps disposal. */
  DISPOSAL: z.object({ singleUse: list, disposal: list }),
} satisfies Record<SectionKind, z.ZodType>;

export type SectionContent<K extends SectionKind> = z.infer<(typeof sectionSchemas)[K]>;
export type GuideContent = { [K in SectionKind]: SectionContent<K> };

export type DepthGuide = SectionContent<"DEPTH_GUIDE">;

export const sectionTitles: Record<SectionKind, string> = {
  PREPARATION: "Before you start: preparation and cleansing",
  NUMBING: "Numbing (optional)",
  PEN_SETUP: "Sanitizing the pen and fitting a new cartridge",
  TECHNIQUE: "How to use the pen, step by step",
  DEPTH_GUIDE: "Needle depth guide",
  AFTERCARE: "Aftercare timeline",
  INTERVALS: "Time between sessions",
  CONTRAINDICATIONS: "Who must not use it",
  DISPOSAL: "Single use and safe disposal",
};

export const sectionAnchors: Record<SectionKind, string> = {
  PREPARATION: "preparation",
  NUMBING: "numbing",
  PEN_SETUP: "pen-setup",
  TECHNIQUE: "how-to-use",
  DEPTH_GUIDE: "depth-guide",
  AFTERCARE: "aftercare",
  INTERVALS: "intervals",
  CONTRAINDICATIONS: "who-must-not-use",
  DISPOSAL: "safety-and-disposal",
};

/** Validates a whole guide's content; throws with the section and path on error. */
export function parseGuideContent(raw: Record<string, unknown>): GuideContent {
  const out: Partial<GuideContent> = {};
  for (const kind of sectionKinds) {
    const result = sectionSchemas[kind].safeParse(raw[kind]);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`Guide section ${kind} is invalid at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
    }
    (out as Record<string, unknown>)[kind] = result.data;
  }
  return out as GuideContent;
}
