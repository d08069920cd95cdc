// One section of a guide's draft as a form: each paragraph a text box, each
// list one item per line, each small table one row per line ("a | b"), and
// the depth guide's tables as JSON. Posts to guide.section; a message comes
// back next to the field that needs fixing. Server-rendered, no script.
import { ActionForm, Input, SubmitButton, TextArea, type FormState } from "@/components/admin/form";
import { fieldValue, sectionFields } from "@/lib/admin/guides";
import { sectionTitles, type SectionKind } from "@/lib/guides/content";

const EMPTY: FormState = { values: {}, errors: {} };

export function GuideSectionForm({
  slug,
  versionId,
  kind,
  content,
  state = EMPTY,
}: {
  slug: string;
  versionId: string;
  kind: SectionKind;
  content: unknown;
  /** The flash of guide.section, when it came from this section's form. */
  state?: FormState;
}) {
  const title = sectionTitles[kind];
  const flashed = Boolean(state.formError || Object.keys(state.errors).length);
  return (
    <section
      id={`section-${kind}`}
      aria-labelledby={`section-${kind}-heading`}
      className="scroll-mt-6 rounded-lg border border-line bg-white p-4"
      data-testid="guide-section"
    >
      <h3 id={`section-${kind}-heading`} className="font-semibold">
        {title}
      </h3>
      <details open={flashed} className="mt-2">
        <summary className="cursor-pointer text-sm underline">Edit this section</summary>
        <ActionForm action="guide.section" label={`Edit “${title}”`} state={state} className="mt-3 space-y-4">
          <input type="hidden" name="versionId" value={versionId} />
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="kind" value={kind} />
          {sectionFields(kind).map((field) => {
            const value = fieldValue(field, content);
            const common = { name: field.name, label: field.label, hint: field.hint, state, idPrefix: `${kind}-`, defaultValue: value };
            if (field.type === "number") return <Input key={field.name} {...common} inputMode="decimal" autoComplete="off" />;
            const lines = value.split("\n").length;
            return (
              <TextArea
                key={field.name}
                {...common}
                rows={field.type === "text" ? 3 : Math.min(field.type === "json" ? 14 : 12, Math.max(3, lines + 1))}
                spellCheck={field.type !== "json"}
                className={`mt-1 w-full rounded border border-line px-3 py-2 ${field.type === "json" ? "font-mono text-xs" : ""}`}
              />
            );
          })}
          <SubmitButton>Save this section</SubmitButton>
        </ActionForm>
      </details>
    </section>
  );
}
