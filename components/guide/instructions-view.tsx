// Renders a product's instructions (lib/guides/instructions.ts) as accessible HTML:
// a section per heading with an anchor, real lists and tables with headers.
import Link from "next/link";
import { Fragment } from "react";
import { ContentsSpy } from "@/components/guide/contents-spy";
import { productPath, type Block, type DocSection, type Instructions, type Run } from "@/lib/guides/instructions";
import { DepthDiagramFigure } from "./depth-diagram";

/**
 * `idPrefix` keeps section ids unique where several products' instructions
 * share a page (an order): each copy's contents link to its own sections.
 */
export function InstructionsContents({ doc, label = "Instructions contents", idPrefix = "" }: { doc: Instructions; label?: string; idPrefix?: string }) {
  return (
    <nav aria-label={label} className="rounded-lg border border-line bg-white p-4 text-sm no-print">
      <p className="font-semibold">On this page</p>
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        {doc.sections.map((s) => (
          <li key={s.id}>
            <a
              href={`#${idPrefix}${s.id}`}
              className="underline hover:text-brand aria-[current=location]:font-semibold aria-[current=location]:text-brand-dark"
            >
              {s.title}
            </a>
          </li>
        ))}
      </ol>
      <ContentsSpy ids={doc.sections.map((s) => `${idPrefix}${s.id}`)} />
    </nav>
  );
}

export function InstructionsSections({
  doc,
  before,
  idPrefix = "",
}: {
  doc: Instructions;
  before?: Partial<Record<string, React.ReactNode>>;
  idPrefix?: string;
}) {
  return (
    <>
      {doc.sections.map((section) => (
        <InstructionsSection key={section.id} id={`${idPrefix}${section.id}`} section={section} before={before?.[section.id]} />
      ))}
    </>
  );
}

function InstructionsSection({ id, section, before }: { id: string; section: DocSection; before?: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="render-when-near scroll-mt-6 break-inside-avoid-page border-t border-line pt-6">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {section.title}
      </h2>
      <div className="mt-3 space-y-3">
        {before}
        {section.diagram && <DepthDiagramFigure diagram={section.diagram} />}
        {section.blocks.map((block, i) => (
          <GuideBlock key={i} block={block} />
        ))}
      </div>
    </section>
  );
}

/**
 * A paragraph's words with the products it names linked to their pages.
 * Product pages are static catalog pages, so they are prefetched like every
 * other link to a product.
 */
function Runs({ runs }: { runs: Run[] }) {
  return runs.map((run, i) =>
    run.slug === undefined ? (
      <Fragment key={i}>{run.text}</Fragment>
    ) : (
      <Link key={i} href={productPath(run.slug)} className="underline hover:text-brand" data-testid="instructions-product-link">
        {run.text}
      </Link>
    ),
  );
}

function GuideBlock({ block }: { block: Block }) {
  switch (block.type) {
    case "h3":
      return <h3 className="pt-2 font-semibold">{block.text}</h3>;
    case "p":
      return <p>{block.runs ? <Runs runs={block.runs} /> : block.text}</p>;
    case "note":
      return (
        <p className={`rounded border p-3 text-sm ${block.tone === "warn" ? "border-warn/30 bg-warn-soft text-warn" : "border-brand/20 bg-brand-soft"}`}>
          {block.text}
        </p>
      );
    case "list": {
      const List = block.ordered ? "ol" : "ul";
      return (
        // Room for a two-digit number inside the list: each section is painted within its own box (render-when-near).
        <List className={`space-y-1 ${block.ordered ? "list-decimal pl-8" : "list-disc pl-6"}`}>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </List>
      );
    }
    case "table":
      return (
        <div className="overflow-x-auto rounded-lg border border-line bg-white" tabIndex={0} role="region" aria-label={block.caption}>
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left text-muted">{block.caption}</caption>
            <thead className="bg-paper">
              <tr>
                {block.head.map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {block.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row" className="px-3 py-2 font-medium">
                        {cell}
                      </th>
                    ) : (
                      <td key={j} className="px-3 py-2">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}
