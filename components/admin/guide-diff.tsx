// One section of "published against draft": each line kept, added (<ins>, "+")
// or removed (<del>, "−"), so the change is clear without colour too.
import type { DiffLine } from "@/lib/admin/guides";

/** The changed lines with `context` unchanged lines around each change; longer unchanged runs become a count. */
function withContext(lines: DiffLine[], context: number): (DiffLine | { op: "gap"; count: number })[] {
  const near = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.op === "same") return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) near[k] = true;
  });
  const out: (DiffLine | { op: "gap"; count: number })[] = [];
  lines.forEach((line, i) => {
    if (near[i]) out.push(line);
    else {
      const last = out[out.length - 1];
      if (last?.op === "gap") last.count++;
      else out.push({ op: "gap", count: 1 });
    }
  });
  return out;
}

export function GuideDiffLines({ lines, context = 3 }: { lines: DiffLine[]; context?: number }) {
  return (
    <div className="overflow-hidden rounded-lg border border-line bg-white font-mono text-xs" data-testid="guide-diff-lines">
      {withContext(lines, context).map((line, i) => {
        if (line.op === "gap") {
          return (
            <p key={i} className="border-y border-line bg-paper px-3 py-0.5 font-sans text-muted">
              {`… ${line.count} unchanged line${line.count === 1 ? "" : "s"}`}
            </p>
          );
        }
        const text = line.text.trim() ? line.text : "\u00a0";
        if (line.op === "add") {
          return (
            <ins key={i} className="block whitespace-pre-wrap break-words bg-brand-soft px-3 py-0.5 no-underline" data-op="add">
              <span aria-hidden="true">+ </span>
              <span className="sr-only">Added: </span>
              {text}
            </ins>
          );
        }
        if (line.op === "del") {
          return (
            <del key={i} className="block whitespace-pre-wrap break-words bg-danger-soft px-3 py-0.5 line-through decoration-1" data-op="del">
              <span aria-hidden="true">− </span>
              <span className="sr-only">Removed: </span>
              {text}
            </del>
          );
        }
        return (
          <div key={i} className="whitespace-pre-wrap break-words px-3 py-0.5 text-muted">
            <span aria-hidden="true">{"  "}</span>
            {text}
          </div>
        );
      })}
    </div>
  );
}
