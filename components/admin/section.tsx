// Pieces the back office's detail pages share (an order, a professional
// application): a titled box that is its own landmark, and a time shown in
// the store's zone with its machine-readable value.
import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/catalog/format";

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded border border-line bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** `d` as a <time> in the store's zone, or `fallback` when there is none. */
export function when(d: Date | null, fallback: ReactNode = null): ReactNode {
  return d ? <time dateTime={d.toISOString()}>{formatDateTime(d.toISOString())}</time> : fallback;
}
