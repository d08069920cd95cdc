import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DepthFinder } from "@/components/guide/depth-finder";
import { InstructionsContents, InstructionsSections } from "@/components/guide/instructions-view";
import { formatDate } from "@/lib/catalog/format";
import { getCatalog, productNames } from "@/lib/catalog";
import { getGuides, getGuideVersion, buildInstructions, sectionAnchors } from "@/lib/guides";

export async function guideMetadata(slug: string): Promise<Metadata> {
  const guide = (await getGuides()).find((g) => g.slug === slug);
  return guide ? { title: guide.title, description: guide.summary, alternates: { canonical: `/instructions/${guide.slug}` } } : { title: "Not found" };
}

/** A whole guide: the current version, or an earlier published one with ?version=N. */
export async function GuidePage({ slug, query }: { slug: string; query: Record<string, string> }) {
  const guide = (await getGuides()).find((g) => g.slug === slug);
  const current = guide?.versions[0];
  if (!guide || !current) notFound();
  const wanted = query.version !== undefined ? Number(query.version) : null;
  const listed = wanted === null ? current : guide.versions.find((v) => v.number === wanted);
  if (!listed) notFound();
  const version = await getGuideVersion(listed.id);
  if (!version) notFound();
  const names = productNames(await getCatalog());
  const doc = buildInstructions({ slug: guide.slug, name: guide.title }, { kind: "full", guide: version }, (s) => names.get(s));
  const isCurrent = listed.id === current.id;
  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm text-muted">
          <Link href="/instructions" className="underline">
            All instructions
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">{guide.title}</h1>
        <p className="mt-2 max-w-2xl">{guide.summary}</p>
        <p className="mt-2 text-sm text-muted" data-testid="guide-version">
          {doc.versionLabel}
        </p>
        {!isCurrent && (
          <p className="mt-3 rounded bg-warn-soft p-3 text-sm text-warn">
            This is an earlier version kept for reference.{" "}
            <Link href={`/instructions/${guide.slug}`} className="underline">
              Read the current version
            </Link>
            .
          </p>
        )}
      </header>
      {/* minmax(0, 1fr): a wide table scrolls in its own box instead of widening the page on a phone. */}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <div className="min-w-0 space-y-4 lg:sticky lg:top-4 lg:self-start">
          <InstructionsContents doc={doc} />
          {guide.versions.length > 1 && (
            <nav aria-label="Versions" className="rounded-lg border border-line bg-white p-4 text-sm">
              <p className="font-semibold">Versions</p>
              <ul className="mt-2 space-y-1">
                {guide.versions.map((v) => (
                  <li key={v.id}>
                    <Link href={`/instructions/${guide.slug}?version=${v.number}`} aria-current={v.id === listed.id ? "page" : undefined} className="underline">
                      Version {v.number}
                    </Link>{" "}
                    <span className="text-muted">
                      · {formatDate(v.publishedAt)} · {v.changeNote}
                    </span>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
        <div className="space-y-8">
          <InstructionsSections
            doc={doc}
            before={{
              [sectionAnchors.DEPTH_GUIDE]: (
                <DepthFinder
                  guide={version.content.DEPTH_GUIDE}
                  action={`/instructions/${guide.slug}`}
                  hidden={wanted !== null ? { version: String(wanted) } : {}}
                  area={query.area ?? null}
                  concern={query.concern ?? null}
                />
              ),
            }}
          />
        </div>
      </div>
    </article>
  );
}
