// The audit log (owner only): every back-office write, newest first, 50 a
// page. The filters are a plain GET form, so a filtered view is a URL that
// can be kept or shared with another owner.
import Link from "next/link";
import { Input, Select } from "@/components/admin/form";
import { readAudit, parseAuditFilters, type AuditFilters } from "@/lib/admin/audit-log";
import { adminMetadata, adminPage, withAdminDb } from "@/lib/admin/page";
import { formatDateTime } from "@/lib/catalog/format";

export const generateMetadata = adminMetadata("audit.read", "Audit log");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageHref(filters: AuditFilters, page: number): string {
  const q = new URLSearchParams();
  for (const key of ["actor", "action", "subjectType", "subject", "from", "to"] as const) {
    const v = filters[key];
    if (v) q.set(key, v);
  }
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return `/admin/audit${s ? `?${s}` : ""}`;
}

function json(value: unknown): string {
  return value === null || value === undefined ? "(nothing)" : JSON.stringify(value, null, 2);
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await adminPage("audit.read", "/admin/audit");
  const { filters, ignored } = parseAuditFilters(await searchParams);
  const log = await withAdminDb(readAudit)(actor, filters, ignored);
  const f = log.filters;
  const filtered = ["actor", "action", "subjectType", "subject", "from", "to"].some((k) => f[k as keyof AuditFilters]);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="text-sm text-muted">
        Every change made in the back office: who, when, what, and the record before and after. Nobody can edit or delete these entries.
      </p>

      <form
        method="get"
        action="/admin/audit"
        aria-label="Filter the audit log"
        className="grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-2 lg:grid-cols-3"
      >
        <Input name="actor" label="Who (email)" defaultValue={f.actor} maxLength={254} autoComplete="off" idPrefix="audit-" />
        <Select
          name="action"
          label="What"
          defaultValue={f.action ?? ""}
          options={[{ value: "", label: "Any action" }, ...log.actions.map((a) => ({ value: a, label: a }))]}
          idPrefix="audit-"
        />
        <Select
          name="subjectType"
          label="Kind of record"
          defaultValue={f.subjectType ?? ""}
          options={[{ value: "", label: "Any kind" }, ...log.subjectTypes.map((t) => ({ value: t, label: t }))]}
          idPrefix="audit-"
        />
        <Input name="subject" label="Record (id, or part of its name)" defaultValue={f.subject} maxLength={200} autoComplete="off" idPrefix="audit-" />
        <Input name="from" label="From (day)" type="date" defaultValue={f.from} idPrefix="audit-" />
        <Input name="to" label="To (day, included)" type="date" defaultValue={f.to} idPrefix="audit-" />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
            Show entries
          </button>
          {filtered && (
            <Link href="/admin/audit" prefetch={false} className="text-sm underline">
              Clear the filters
            </Link>
          )}
        </div>
      </form>

      {log.ignored.length > 0 && (
        <ul role="alert" className="rounded border border-warn bg-warn-soft px-3 py-2 text-sm text-warn">
          {log.ignored.map((i) => (
            <li key={i.field}>
              Filter “{i.field}” was left out: {i.message}
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="entries-heading" className="space-y-3">
        <h2 id="entries-heading" className="text-lg font-semibold">
          {log.total === 0 ? "No entries" : `${log.total} ${log.total === 1 ? "entry" : "entries"}`}
          {log.pages > 1 ? `, page ${log.page} of ${log.pages}` : ""}
        </h2>
        {log.total === 0 ? (
          <p className="text-muted">{filtered ? "Nothing matches these filters." : "Nothing has been changed in the back office yet."}</p>
        ) : (
          <ol className="divide-y divide-line rounded-lg border border-line bg-white" data-testid="audit-entries">
            {log.entries.map((e) => (
              <li key={e.id} className="space-y-1 p-4 text-sm" data-testid="audit-entry">
                <p className="flex flex-wrap gap-x-2">
                  <span className="font-mono font-medium" data-testid="audit-action">
                    {e.action}
                  </span>
                  <span className="text-muted">{formatDateTime(e.at.toISOString())}</span>
                </p>
                <p className="break-words">
                  By{" "}
                  <span className="break-all font-medium" data-testid="audit-actor">
                    {e.actorEmail}
                  </span>{" "}
                  ({e.actorRole === "OWNER" ? "Owner" : e.actorRole === "STAFF" ? "Staff" : "command line"})
                </p>
                <p className="break-words">
                  {e.subjectType}: <span className="break-all">{e.subjectLabel}</span> <span className="break-all text-muted">({e.subjectId})</span>
                </p>
                <details>
                  <summary className="cursor-pointer text-brand underline-offset-4 hover:underline">Before and after</summary>
                  <div className="mt-2 grid gap-2 md:grid-cols-2">
                    <div>
                      <h3 className="text-xs font-semibold uppercase text-muted">Before</h3>
                      <pre className="whitespace-pre-wrap break-all rounded bg-paper p-2 text-xs">{json(e.before)}</pre>
                    </div>
                    <div>
                      <h3 className="text-xs font-semibold uppercase text-muted">After</h3>
                      <pre className="whitespace-pre-wrap break-all rounded bg-paper p-2 text-xs">{json(e.after)}</pre>
                    </div>
                  </div>
                </details>
              </li>
            ))}
          </ol>
        )}
        {log.pages > 1 && (
          <nav aria-label="Audit log pages" className="flex flex-wrap justify-between gap-3 text-sm">
            {log.page > 1 ? (
              <Link href={pageHref(f, log.page - 1)} prefetch={false} className="underline" rel="prev">
                Newer entries
              </Link>
            ) : (
              <span />
            )}
            {log.page < log.pages ? (
              <Link href={pageHref(f, log.page + 1)} prefetch={false} className="underline" rel="next">
                Older entries
              </Link>
            ) : null}
          </nav>
        )}
      </section>
    </div>
  );
}
