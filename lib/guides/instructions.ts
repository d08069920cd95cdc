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

/**
 * A stretch of a paragraph: plain words, or a product's name that links to
 * the product (`slug`). A paragraph's runs, joined, are exactly its text.
 */
export type Run = { text: string; slug?: string };

export type Block =
  | { type: "h3"; text: string }
  /**
   * `runs` is there when the paragraph names products that link to their
   * pages. Renderers that draw links use the runs; `text` is the same words
   * without links. Snapshots kept on orders before links existed have only
   * `text`, and render as before.
   */
  | { type: "p"; text: string; runs?: Run[] }
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

/** A product's name by slug; undefined when no such product is in the catalog (then it is named by its slug, unlinked). */
type ProductNames = (slug: string) => string | undefined;

/** The id of a cartridge's "Pens it fits" section. */
export const compatiblePensAnchor = "compatible-pens";

/** The path of a product's page, on this site; mails and PDFs put the configured origin in front. */
export const productPath = (slug: string) => `/products/${encodeURIComponent(slug)}`;

/** "Lead A, B and C." with each product that exists linked to its page, and one that does not named plainly. */
function productsParagraph(lead: string, slugs: string[], names: ProductNames): Block {
  const runs: Run[] = [];
  const plain = (text: string) => {
    const last = runs[runs.length - 1];
    if (last && last.slug === undefined) last.text += text;
    else runs.push({ text });
  };
  plain(`${lead} `);
  slugs.forEach((slug, i) => {
    if (i > 0) plain(", ");
    const name = names(slug);
    if (name === undefined) plain(slug);
    else runs.push({ text: name, slug });
  });
  plain(".");
  return { type: "p", text: runs.map((r) => r.text).join(""), runs };
}

/** The slugs of the products a document links to, each once. */
export function linkedProducts(doc: Instructions): string[] {
  const slugs = new Set<string>();
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      if (block.type === "p") for (const run of block.runs ?? []) if (run.slug !== undefined) slugs.add(run.slug);
    }
  }
  return [...slugs];
}

/**
 * The document with links only to products that still exist: a name whose
 * product is gone stays, as plain words. The same object when nothing changes.
 */
export function withoutDeadLinks(doc: Instructions, exists: (slug: string) => boolean): Instructions {
  if (linkedProducts(doc).every(exists)) return doc;
  return {
    ...doc,
    sections: doc.sections.map((section) => ({
      ...section,
      blocks: section.blocks.map((block): Block => {
        if (block.type !== "p" || !block.runs) return block;
        const runs: Run[] = [];
        for (const run of block.runs) {
          const keep = run.slug !== undefined && exists(run.slug);
          const last = runs[runs.length - 1];
          if (!keep && last && last.slug === undefined) last.text += run.text;
          else runs.push(keep ? { ...run } : { text: run.text });
        }
        return runs.some((r) => r.slug !== undefined) ? { ...block, runs } : { type: "p", text: block.text };
      }),
    })),
  };
}

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
    if (w.productSlugs.length && !highlight) blocks.push(productsParagraph("Useful now:", w.productSlugs, names));
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
