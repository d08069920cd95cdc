import { adminMetadata } from "@/lib/admin/page";
// The open draft as the kit page shows its instructions: the same document
// (buildInstructions) and the same components (components/guide/*), under a
// banner that says it is a draft. Never indexed (and the back office is not
// reachable by anyone without the right).
import Link from "next/link";
import { notFound } from "next/navigation";
import { DepthFinder } from "@/components/guide/depth-finder";
import { InstructionsContents, InstructionsSections } from "@/components/guide/instructions-view";
import { guideDetail } from "@/lib/admin/guide-pages";
import { adminPage } from "@/lib/admin/page";
import { getCatalog, productNames } from "@/lib/catalog";
import { buildInstructions, sectionAnchors } from "@/lib/guides";

export const generateMetadata = adminMetadata("guides.draft", "Draft preview");

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" && /^[a-z0-9-]{1,64}$/.test(v) ? v : null);

export default async function GuidePreviewPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const path = `/admin/guides/${encodeURIComponent(slug)}/preview`;
  const actor = await adminPage("guides.draft", path);
  const query = await searchParams;
  const guide = /^[a-z0-9-]{1,64}$/.test(slug) ? await guideDetail(actor, slug) : null;
  if (!guide) notFound();
  const draft = guide.draftView;
  // The kit page when a kit uses this guide (its whole guide goes with it), else the guide's own page.
  const kit = guide.products.find((p) => p.kind === "KIT");
  const names = productNames(await getCatalog());
  const doc = draft
    ? {
        ...buildInstructions(kit ?? { slug: guide.slug, name: guide.title }, { kind: "full", guide: draft }, (s) => names.get(s)),
        versionLabel: `${guide.title}, draft of version ${draft.number}, not published`,
      }
    : null;

  return (
    <div className="space-y-6">
      <div role="note" aria-label="Draft preview" className="rounded-lg border-2 border-warn bg-warn-soft p-4 text-warn" data-testid="draft-banner">
        <p className="font-semibold">Draft preview, not published</p>
        <p className="mt-1 text-sm">
          {draft
            ? `This is version ${draft.number} as ${kit ? `the ${kit.name} page` : "the guide's page"} would show it. Customers still see ${guide.current ? `version ${guide.current.number}` : "nothing"}.`
            : "There is no open draft of this guide."}{" "}
          <Link href={`/admin/guides/${guide.slug}#draft`} className="underline">
            Back to the draft
          </Link>
          {draft && (
            <>
              {" · "}
              <Link href={`/admin/guides/${guide.slug}/diff`} className="underline">
                Compare with the published version
              </Link>
            </>
          )}
        </p>
      </div>
      <h1 className="text-2xl font-semibold">{kit ? kit.name : guide.title}</h1>

      {draft && doc && (
        <section aria-labelledby="instructions-heading" className="mt-12" id="instructions">
          <h2 id="instructions-heading" className="text-2xl font-semibold">
            Instructions
          </h2>
          <p className="mt-1 text-sm text-muted" data-testid="guide-version">
            {doc.versionLabel}
          </p>
          <div className="mt-4 grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
            <div className="min-w-0 lg:sticky lg:top-4 lg:self-start">
              <InstructionsContents doc={doc} />
            </div>
            <div className="min-w-0 space-y-8">
              <InstructionsSections
                doc={doc}
                before={{
                  [sectionAnchors.DEPTH_GUIDE]: (
                    <DepthFinder guide={draft.content.DEPTH_GUIDE} action={path} area={one(query.area)} concern={one(query.concern)} />
                  ),
                }}
              />
            </div>
          </div>
        </section>
      )}
    </div>
  );
}
