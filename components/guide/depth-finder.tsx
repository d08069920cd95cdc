// "Choose area and concern, see the depth": a GET form answered on the
// server, so it works without JavaScript; the full table follows it.
import { formatDepth, recommendDepth, type DepthGuide } from "@/lib/guides";

export function DepthFinder(props: { guide: DepthGuide; action: string; hidden?: Record<string, string>; area: string | null; concern: string | null }) {
  const { guide, action, hidden = {}, area, concern } = props;
  const answer = area && concern ? recommendDepth(guide, area, concern) : null;
  const areaName = guide.areas.find((a) => a.slug === area)?.name;
  const concernName = guide.concerns.find((c) => c.slug === concern)?.name;
  return (
    <form method="get" action={`${action}#depth-guide`} className="rounded-lg border border-line bg-white p-4" aria-describedby="depth-answer">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <p className="font-semibold">Find your depth</p>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <div className="min-w-0 max-w-full">
          <label htmlFor="depth-area" className="block text-sm font-medium">
            Area
          </label>
          <select
            id="depth-area"
            name="area"
            defaultValue={area ?? ""}
            className="mt-1 w-full max-w-full rounded border border-line bg-white px-2 py-1.5 text-sm"
          >
            <option value="">Choose an area</option>
            {guide.areas.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 max-w-full">
          <label htmlFor="depth-concern" className="block text-sm font-medium">
            Concern
          </label>
          <select
            id="depth-concern"
            name="concern"
            defaultValue={concern ?? ""}
            className="mt-1 w-full max-w-full rounded border border-line bg-white px-2 py-1.5 text-sm"
          >
            <option value="">Choose a concern</option>
            {guide.concerns.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-dark">
          Show depth
        </button>
      </div>
      <div id="depth-answer" role="status" aria-live="polite" className="mt-3" data-testid="depth-answer">
        {answer && areaName && concernName && (
          <p className={`rounded p-3 text-sm ${answer.kind === "home" ? "bg-brand-soft" : "bg-warn-soft text-warn"}`}>
            <strong>
              {areaName}, {concernName.toLowerCase()}:
            </strong>{" "}
            {answer.kind === "home" && (
              <>
                {formatDepth(answer)} at home{answer.thinSkin ? " (thin skin: stay at the beginner depth)" : ""}. Start at the lowest depth in the range.
              </>
            )}
            {answer.kind === "professional-only" && <>professional only. This is not something to do at home.</>}
            {answer.kind === "not-covered" && <>this guide does not cover that combination, so it is not for home use.</>}
            {answer.kind !== "not-covered" && answer.note ? ` ${answer.note}` : ""}
          </p>
        )}
        {(area || concern) && !(areaName && concernName) && (
          <p className="rounded bg-warn-soft p-3 text-sm text-warn">Choose both an area and a concern from the lists.</p>
        )}
      </div>
    </form>
  );
}
