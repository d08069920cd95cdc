import { adminMetadata } from "@/lib/admin/page";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, FlashNotice, SubmitButton, TextArea, type FormState } from "@/components/admin/form";
import { GuideSectionForm } from "@/components/admin/guide-section-form";
import { CHANGE_NOTE_MAX } from "@/lib/admin/guides";
import { guideDetail } from "@/lib/admin/guide-pages";
import { adminPage, formState, pageFlash } from "@/lib/admin/page";
import { can } from "@/lib/admin/roles";
import { formatDate, formatDateTime } from "@/lib/catalog/format";
import { sectionKinds } from "@/lib/guides/content";

export const generateMetadata = adminMetadata("guides.draft", "Guide");

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const EMPTY: FormState = { values: {}, errors: {} };

export default async function GuideAdminPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await adminPage("guides.draft", `/admin/guides/${encodeURIComponent(slug)}`);
  const flash = await pageFlash(await searchParams);
  const guide = /^[a-z0-9-]{1,64}$/.test(slug) ? await guideDetail(actor, slug) : null;
  if (!guide) notFound();
  const draft = guide.draft;
  const view = guide.draftView;
  const sectionState = formState(flash, "guide.section");
  const mayPublish = can(actor.role, "guides.publish");

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/guides" className="underline">
            All guides
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{guide.title}</h1>
        <p className="max-w-2xl text-sm text-muted">{guide.summary}</p>
        <p className="text-sm">
          {guide.current ? `Customers see version ${guide.current.number}, published ${formatDate(guide.current.publishedAt)}. ` : "Not published yet. "}
          <Link href={`/instructions/${guide.slug}`} className="underline">
            Open it on the store
          </Link>
        </p>
        <p className="break-words text-sm text-muted">
          {guide.products.length ? `Used by: ${guide.products.map((p) => p.name).join(", ")}.` : "No product uses this guide."}
        </p>
      </header>
      <FlashNotice flash={flash} />

      <section id="draft" aria-labelledby="draft-heading" className="scroll-mt-6 space-y-4">
        <h2 id="draft-heading" className="text-xl font-semibold">
          {draft ? `Draft of version ${draft.number}` : "Draft"}
        </h2>
        {!draft || !view ? (
          <ActionForm action="guide.draft" label="Start a draft" state={formState(flash, "guide.draft")} className="space-y-3">
            <p className="text-sm">No draft is open. A draft starts as a copy of the published version; nothing changes for customers until it is published.</p>
            <input type="hidden" name="slug" value={guide.slug} />
            <SubmitButton>{`Start a draft of version ${(guide.versions[0]?.number ?? 0) + 1}`}</SubmitButton>
          </ActionForm>
        ) : (
          <>
            <p className="text-sm">
              {`Started ${formatDateTime(draft.createdAt)}. Customers do not see it until it is published. `}
              <Link href={`/admin/guides/${guide.slug}/preview`} className="underline">
                Preview on the kit page
              </Link>
              {" · "}
              <Link href={`/admin/guides/${guide.slug}/diff`} className="underline">
                Compare with the published version
              </Link>
            </p>
            <ActionForm action="guide.note" label="The draft's change note" state={formState(flash, "guide.note")} className="max-w-2xl space-y-3">
              <input type="hidden" name="versionId" value={draft.id} />
              <input type="hidden" name="slug" value={guide.slug} />
              <TextArea
                name="changeNote"
                label="Change note (draft)"
                hint={`What changed, in a sentence customers will read. At most ${CHANGE_NOTE_MAX} characters.`}
                idPrefix="draft-"
                rows={2}
                state={formState(flash, "guide.note")}
                defaultValue={draft.changeNote}
              />
              <SubmitButton tone="plain">Save the note</SubmitButton>
            </ActionForm>
            <div className="space-y-3">
              {sectionKinds.map((kind) => (
                <GuideSectionForm
                  key={kind}
                  slug={guide.slug}
                  versionId={draft.id}
                  kind={kind}
                  content={view.content[kind]}
                  state={sectionState.values.kind === kind ? sectionState : EMPTY}
                />
              ))}
            </div>
            <ActionForm action="guide.discard" label="Discard the draft" state={formState(flash, "guide.discard")}>
              <input type="hidden" name="versionId" value={draft.id} />
              <input type="hidden" name="slug" value={guide.slug} />
              <SubmitButton tone="danger">Discard this draft</SubmitButton>
            </ActionForm>

            <section id="publish" aria-labelledby="publish-heading" className="scroll-mt-6 max-w-2xl space-y-3 rounded-lg border border-line bg-white p-4">
              <h3 id="publish-heading" className="font-semibold">{`Publish version ${draft.number}`}</h3>
              {mayPublish ? (
                <ActionForm action="guide.publish" label={`Publish version ${draft.number}`} state={formState(flash, "guide.publish")} className="space-y-3">
                  <p className="text-sm">
                    Product pages and new orders get this version at once. Published versions never change; orders already placed keep the version they were
                    sold with.
                  </p>
                  <input type="hidden" name="versionId" value={draft.id} />
                  <input type="hidden" name="slug" value={guide.slug} />
                  <TextArea
                    name="changeNote"
                    label="Change note"
                    hint="Required. Shown with the guide's versions and in the email to customers."
                    idPrefix="publish-"
                    rows={2}
                    required
                    state={formState(flash, "guide.publish")}
                    defaultValue={draft.changeNote}
                  />
                  <SubmitButton>{`Publish version ${draft.number}`}</SubmitButton>
                </ActionForm>
              ) : (
                <p className="text-sm">Only the owner can publish. The draft stays here, ready for them.</p>
              )}
            </section>
          </>
        )}
      </section>

      <section aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" className="text-xl font-semibold">
          Published versions
        </h2>
        {guide.versions.length === 0 ? (
          <p className="text-sm text-muted">None yet.</p>
        ) : (
          <ol className="divide-y divide-line rounded-lg border border-line bg-white" data-testid="guide-versions">
            {guide.versions.map((v, i) => (
              <li key={v.id} className="space-y-1 px-4 py-3 text-sm">
                <p>
                  <span className="font-semibold">{`Version ${v.number}`}</span>
                  {i === 0 && <span className="ml-2 rounded bg-brand-soft px-1.5 py-0.5 text-xs">Current</span>}
                  <span className="text-muted">{` · published ${formatDateTime(v.publishedAt)}`}</span>
                </p>
                <p className="break-words">{v.changeNote}</p>
                <p>
                  <Link href={`/admin/guides/versions/${v.id}/orders`} className="underline">
                    {`Orders sold with version ${v.number} (${v.orders})`}
                  </Link>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
