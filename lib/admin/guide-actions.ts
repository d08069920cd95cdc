// The guides' forms (see lib/admin/guides.ts for what each does). A guide's
// page is /admin/guides/<slug>; every form carries the slug only to come
// back to it: what is changed is found by the version id, and the page gone
// to afterwards is the guide that version belongs to.
import { z } from "zod";
import { sectionKinds } from "@/lib/guides/content";
import { id, text } from "@/lib/validation";
import { defineAction, type AdminAction } from "./actions";
import { CHANGE_NOTE_MAX, discardDraft, notifyRevised, publishDraft, setDraftChangeNote, startDraft, updateDraftSection } from "./guides";

const slugOf = (fields: Record<string, string>) => (/^[a-z0-9-]{1,64}$/.test(fields.slug ?? "") ? fields.slug! : "");
const guidePage = (fields: Record<string, string>, hash = "") => (slugOf(fields) ? `/admin/guides/${slugOf(fields)}${hash}` : "/admin/guides");
const slug = z.string().regex(/^[a-z0-9-]{1,64}$/, "We could not find that guide.");
const note = (required: boolean) =>
  text({ max: CHANGE_NOTE_MAX * 2, multiline: true }).refine(
    (v) => !required || v.trim().length > 0,
    "Say in a sentence what changed: customers see this note with the guide.",
  );

export const guideActions: AdminAction[] = [
  defineAction({
    name: "guide.draft",
    capability: "guides.draft",
    input: z.object({ slug }),
    back: (fields) => guidePage(fields),
    run: async ({ db, actor }, input) => {
      const draft = await startDraft(db, actor, input.slug);
      return {
        redirect: `/admin/guides/${input.slug}#draft`,
        notice: draft.created
          ? `Draft of version ${draft.number} started from the published guide.`
          : `Version ${draft.number} is already being drafted: here it is.`,
      };
    },
  }),
  defineAction({
    name: "guide.section",
    capability: "guides.draft",
    // The section's own fields ("steps", "windows.0.title", …) come as the rest of the form.
    input: z
      .object({ versionId: id(), slug: z.string().max(64).optional(), kind: z.enum(sectionKinds, { error: "We could not find that section." }) })
      .catchall(text({ max: 60_000, multiline: true })),
    back: (fields) => guidePage(fields, `#section-${/^[A-Z_]{1,40}$/.test(fields.kind ?? "") ? fields.kind : "draft"}`),
    run: async ({ db, actor }, input) => {
      const { versionId, kind, slug: _slug, ...rest } = input;
      const fields = rest as Record<string, string>;
      const done = await updateDraftSection(db, actor, { versionId, kind, fields });
      return {
        redirect: `/admin/guides/${done.guideSlug}#section-${kind}`,
        notice: done.changed ? "Section saved in the draft." : "Nothing had changed in that section.",
      };
    },
  }),
  defineAction({
    name: "guide.note",
    capability: "guides.draft",
    input: z.object({ versionId: id(), slug: z.string().max(64).optional(), changeNote: note(false) }),
    back: (fields) => guidePage(fields, "#draft"),
    run: async ({ db, actor }, input) => {
      const done = await setDraftChangeNote(db, actor, input);
      return { redirect: `/admin/guides/${done.guideSlug}#draft`, notice: "Change note saved." };
    },
  }),
  defineAction({
    name: "guide.discard",
    capability: "guides.draft",
    input: z.object({ versionId: id(), slug: z.string().max(64).optional() }),
    back: (fields) => guidePage(fields, "#draft"),
    run: async ({ db, actor }, input) => {
      const done = await discardDraft(db, actor, input);
      return { redirect: `/admin/guides/${done.guideSlug}`, notice: `The draft of version ${done.number} was discarded. The published guide is unchanged.` };
    },
  }),
  defineAction({
    name: "guide.publish",
    capability: "guides.publish",
    input: z.object({ versionId: id(), slug: z.string().max(64).optional(), changeNote: note(true) }),
    back: (fields) => guidePage(fields, "#publish"),
    run: async ({ db, actor }, input) => {
      const published = await publishDraft(db, actor, input);
      return {
        redirect: `/admin/guides/${published.guideSlug}`,
        notice: `Version ${published.number} is published: product pages show it now, and past orders keep the version they were sold with.`,
      };
    },
  }),
  defineAction({
    name: "guide.notify",
    capability: "guides.notify",
    input: z.object({ fromVersionId: id() }),
    back: (fields) => (/^[A-Za-z0-9_-]{1,64}$/.test(fields.fromVersionId ?? "") ? `/admin/guides/versions/${fields.fromVersionId}/orders` : "/admin/guides"),
    run: async ({ db, actor }, input) => {
      const done = await notifyRevised(db, actor, input);
      const notice =
        done.enqueued === 0
          ? `Every customer of these orders has already been sent version ${done.newVersionNumber}; nobody was emailed twice.`
          : `Emailing ${done.enqueued} customer${done.enqueued === 1 ? "" : "s"} a link to version ${done.newVersionNumber}${done.alreadyMailed ? ` (${done.alreadyMailed} already had it)` : ""}.`;
      return { redirect: `/admin/guides/versions/${input.fromVersionId}/orders`, notice };
    },
  }),
];
