// The instructions for one product (see the README's glossary): the part of
// its guide the attachment rules give it (attachment.ts), as sections of
// headings, paragraphs, lists, tables and notes. The product page, the
// booklet (print page and PDF), the order and its confirmation mail all
// render this one model, so they always say the same thing.
import { formatDate } from "@/lib/catalog/format";
import { sectionAnchors, sectionTitles, type GuideContent } from "./content";
import { depthTable, formatDepth } from "./depth";
import { depthDiagram, type DepthDiagram } from "./depth-diagram";
import type { ProductInstructions } from "./attachment";

export type Block =
  | { type: "h3"; text: string }
  | { type: "p"; text: string }
  | { type: "list"; ordered: boolean; items: string[] }
  | { type: "table"; caption: string; head: string[]; rows: string[][] }
  | { type: "note"; tone: "info" | "warn"; text: string };

export type DocSection = {
  id: string;
  title: string;
  blocks: Block[];
  /** The needle-depth diagram, drawn above the depth table (full instructions only). */
  diagram?: DepthDiagram;
};

export type Instructions = {
  title: string;
  guideTitle: string;
  versionLabel: string;
  sections: DocSection[];
};

type ProductNames = (slug: string) => string;

/** The id of a cartridge's "Pens it fits" section. */
export const compatiblePensAnchor = "compatible-pens";

const ul = (items: string[]): Block => ({ type: "list", ordered: false, items });
const ol = (items: string[]): Block => ({ type: "list", ordered: true, items });

export function versionLabel(attached: ProductInstructions): string {
  return `${attached.guide.guideTitle}, version ${attached.guide.number}, published ${formatDate(attached.guide.publishedAt)}`;
}

function howToUse(c: GuideContent): DocSection {
  return {
    id: sectionAnchors.TECHNIQUE,
    title: "How to use it, step by step",
    blocks: [
      { type: "note", tone: "warn", text: "Before your first session, read “Who must not use it” below. If any of it applies to you, do not use the pen." },
      { type: "p", text: c.PREPARATION.intro },
      { type: "h3", text: "You will need" },
      ul(c.PREPARATION.youWillNeed),
      { type: "h3", text: "1. Prepare your skin" },
      ol(c.PREPARATION.steps),
      { type: "h3", text: "2. Numbing (optional)" },
      ...c.NUMBING.paragraphs.map((text): Block => ({ type: "p", text })),
      ul(c.NUMBING.cautions),
      { type: "h3", text: "3. Sanitize the pen and fit a new cartridge" },
      ol(c.PEN_SETUP.steps),
      ...c.PEN_SETUP.warnings.map((text): Block => ({ type: "note", tone: "warn", text })),
      { type: "h3", text: "4. Use the pen" },
      ol(c.TECHNIQUE.steps),
      { type: "h3", text: "Areas to avoid" },
      ul(c.TECHNIQUE.avoidAreas),
      ...(c.TECHNIQUE.speedLevels.length
        ? [{ type: "table", caption: "Speed levels", head: ["Area", "Speed level"], rows: c.TECHNIQUE.speedLevels.map((s) => [s.area, s.level]) } as Block]
        : []),
    ],
  };
}

function depthGuideSection(c: GuideContent, rows = depthTable(c.DEPTH_GUIDE), title = sectionTitles.DEPTH_GUIDE): DocSection {
  const d = c.DEPTH_GUIDE;
  return {
    id: sectionAnchors.DEPTH_GUIDE,
    title,
    blocks: [
      { type: "p", text: d.intro },
      {
        type: "note",
        tone: "info",
        text: `Home limits: never deeper than ${d.homeFaceMaxMm} mm on the face, and no more than ${d.beginnerMaxMm} mm for your first sessions and on thin skin (around the eyes, neck, décolleté and hands).`,
      },
      {
        type: "table",
        caption: "Recommended depth by area and concern",
        head: ["Area", "Concern", "Home depth", "Professional reference"],
        rows: rows.map((r) => [
          r.areaName,
          r.concernName,
          formatDepth(r.answer),
          r.answer.kind === "not-covered" || !r.answer.professionalReferenceMm ? "–" : `${r.answer.professionalReferenceMm} mm`,
        ]),
      },
    ],
  };
}

function aftercareSection(c: GuideContent, names: ProductNames, highlight?: string): DocSection {
  const blocks: Block[] = [];
  for (const w of c.AFTERCARE.windows) {
    const mine = highlight ? w.productSlugs.includes(highlight) : false;
    blocks.push({ type: "h3", text: mine ? `${w.title} (use this product)` : w.title });
    blocks.push(ul(w.guidance));
    if (w.avoid.length) blocks.push({ type: "p", text: "Avoid:" }, ul(w.avoid));
    if (w.productSlugs.length && !highlight) blocks.push({ type: "p", text: `Useful now: ${w.productSlugs.map(names).join(", ")}.` });
  }
  blocks.push({ type: "h3", text: "When to stop and see a clinician" });
  blocks.push(ul(c.AFTERCARE.redFlags));
  return { id: sectionAnchors.AFTERCARE, title: sectionTitles.AFTERCARE, blocks };
}

function intervalsSection(c: GuideContent): DocSection {
  return {
    id: sectionAnchors.INTERVALS,
    title: sectionTitles.INTERVALS,
    blocks: [
      {
        type: "table",
        caption: "Minimum time between sessions",
        head: ["Depth", "Wait at least", "Notes"],
        rows: c.INTERVALS.rows.map((r) => [r.depth, `${r.minDaysBetween} days`, r.text]),
      },
      { type: "p", text: c.INTERVALS.note },
    ],
  };
}

function contraindicationsSection(c: GuideContent): DocSection {
  return {
    id: sectionAnchors.CONTRAINDICATIONS,
    title: sectionTitles.CONTRAINDICATIONS,
    blocks: [
      { type: "p", text: c.CONTRAINDICATIONS.intro },
      { type: "h3", text: "Do not use it if" },
      ul(c.CONTRAINDICATIONS.doNotUse),
      { type: "h3", text: "Ask a clinician first if" },
      ul(c.CONTRAINDICATIONS.askFirst),
    ],
  };
}

function disposalSection(c: GuideContent): DocSection {
  return {
    id: sectionAnchors.DISPOSAL,
    title: sectionTitles.DISPOSAL,
    blocks: [{ type: "h3", text: "Single use" }, ul(c.DISPOSAL.singleUse), { type: "h3", text: "Disposal" }, ul(c.DISPOSAL.disposal)],
  };
}

export function buildInstructions(product: { slug: string; name: string }, attached: ProductInstructions, names: ProductNames): Instructions {
  const c = attached.guide.content;
  const head = { title: product.name, guideTitle: attached.guide.guideTitle, versionLabel: versionLabel(attached) };
  switch (attached.kind) {
    case "full":
      return {
        ...head,
        sections: [
          howToUse(c),
          { ...depthGuideSection(c), diagram: depthDiagram(c.DEPTH_GUIDE) },
          aftercareSection(c, names),
          intervalsSection(c),
          contraindicationsSection(c),
          disposalSection(c),
        ],
      };
    case "cartridge": {
      const card = depthGuideSection(c, attached.depthCard, "Depth card");
      card.blocks.unshift({
        type: "p",
        text:
          attached.maxDepthMm === null
            ? "Depths this cartridge is meant for, by area and concern."
            : `This cartridge is made for depths up to ${attached.maxDepthMm} mm. The table shows the home depths for the areas it suits.`,
      });
      const fits: DocSection = {
        id: compatiblePensAnchor,
        title: "Pens it fits",
        blocks: [
          attached.fits.length
            ? ul(attached.fits.map((f) => `${f.pen.name} (${f.pen.connector} connector), fit verified ${formatDate(f.verifiedAt)}`))
            : { type: "p", text: "No pen has been fit-tested with this cartridge yet." },
          { type: "p", text: "A cartridge that does not click firmly into your pen must not be used." },
        ],
      };
      return { ...head, sections: [card, fits, disposalSection(c)] };
    }
    case "aftercare": {
      const section = aftercareSection(c, names, product.slug);
      return {
        ...head,
        sections: [
          {
            id: "where-it-fits",
            title: "Where it fits in your aftercare",
            blocks: [
              {
                type: "p",
                text: attached.windows.length
                  ? `Use it in these windows after a session: ${attached.windows.map((k) => c.AFTERCARE.windows.find((w) => w.key === k)!.title).join("; ")}.`
                  : "This product is not part of the aftercare timeline.",
              },
            ],
          },
          section,
        ],
      };
    }
    case "accessory":
      return {
        ...head,
        sections: [
          {
            id: sectionAnchors.PEN_SETUP,
            title: sectionTitles.PEN_SETUP,
            blocks: [ol(c.PEN_SETUP.steps), ...c.PEN_SETUP.warnings.map((text): Block => ({ type: "note", tone: "warn", text }))],
          },
          disposalSection(c),
        ],
      };
  }
}
