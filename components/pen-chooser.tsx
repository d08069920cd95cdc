import type { PenModelSummary } from "@/lib/catalog/types";

/** "Which pen do you have?": a plain form, remembered in a cookie. */
export function PenChooser({ pens, current, returnTo }: { pens: PenModelSummary[]; current: string | null; returnTo: string }) {
  return (
    <form method="post" action="/pen" className="flex flex-wrap items-end gap-2" id="pen">
      <input type="hidden" name="returnTo" value={returnTo} />
      <div>
        <label htmlFor="pen-choice" className="block text-sm font-medium">
          Which pen do you have?
        </label>
        <select
          id="pen-choice"
          name="pen"
          defaultValue={current ?? ""}
          className="mt-1 w-full max-w-xs rounded border border-line bg-white px-2 py-1.5 text-sm"
        >
          <option value="">I have not chosen a pen</option>
          {pens.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded border border-brand px-3 py-1.5 text-sm font-medium text-brand-dark hover:bg-brand-soft">
        Remember my pen
      </button>
    </form>
  );
}
