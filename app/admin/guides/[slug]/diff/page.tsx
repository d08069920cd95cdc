import { adminMetadata } from "@/lib/admin/page";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GuideDiffLines } from "@/components/admin/guide-diff";
import { draftDiff } from "@/lib/admin/guide-pages";
import { adminPage } from "@/lib/admin/page";

export const generateMetadata = adminMetadata("guides.draft", "Draft against published");

type Props = { params: Promise<{ slug: string }> };

export default async function GuideDiffPage({ params }: Props) {
  const { slug } = await params;
  const actor = await adminPage("guides.draft", `/admin/guides/${encodeURIComponent(slug)}/diff`);
  const diff = /^[a-z0-9-]{1,64}$/.test(slug) ? await draftDiff(actor, slug) : null;
  if (!diff) notFound();
  const { guide, sections } = diff;
  const changed = sections.filter((s) => s.changed);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/admin/guides/${guide.slug}#draft`} className="underline">
            Back to the draft
          </Link>
          {" · "}
          <Link href={`/admin/guides/${guide.slug}/preview`} className="underline">
            Preview
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{`${guide.title}: draft of version ${guide.draft!.number} against version ${guide.current?.number ?? "none"}`}</h1>
        <p className="text-sm">
          Lines marked <ins className="bg-brand-soft px-1 no-underline">+ added</ins> are new in the draft; lines marked{" "}
          <del className="bg-danger-soft px-1">− removed</del> are in the published version only.{" "}
          {changed.length === 0 ? "The draft is the same as the published version." : `${changed.length} of ${sections.length} sections changed.`}
        </p>
      </header>
      {sections.map((s) => (
        <section key={s.kind} aria-labelledby={`diff-${s.kind}`} className="space-y-2" data-testid={`diff-${s.kind}`}>
          <h2 id={`diff-${s.kind}`} className="text-lg font-semibold">
            {s.title}
          </h2>
          {s.changed ? <GuideDiffLines lines={s.lines} /> : <p className="text-sm text-muted">No changes.</p>}
        </section>
      ))}
    </div>
  );
}
