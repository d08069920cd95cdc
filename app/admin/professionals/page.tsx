// Professional applications (staff with "professionals.review"): those
// waiting for a decision, oldest first, and links to see the ones asked for
// more, approved or not approved (newest first). Each row opens the
// application, where staff read the document and decide. A table from the
// small-tablet width up, stacked cards on a phone.
import Link from "next/link";
import { adminMetadata, adminPage, withAdminDb } from "@/lib/admin/page";
import { QUEUE_STATUSES, queueStatus, queueStatusLabel, type QueueStatus } from "@/lib/admin/professionals";
import { reviewQueue, type QueueRow } from "@/lib/professional/applications";
import { when } from "@/components/admin/section";

export const generateMetadata = adminMetadata("professionals.review", "Professionals");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const tabLabel: Record<QueueStatus, string> = {
  SUBMITTED: "Waiting",
  NEEDS_INFO: "Asked for more",
  APPROVED: "Approved",
  REJECTED: "Not approved",
};

const whenOrDash = (d: Date | null) => when(d, "—");

/** The date that matters for the list shown: when it was sent (waiting) or decided (the rest). */
const dateOf = (row: QueueRow, status: QueueStatus) => (status === "SUBMITTED" ? row.submittedAt : (row.decidedAt ?? row.submittedAt));

export default async function ProfessionalsPage({ searchParams }: Props) {
  const actor = await adminPage("professionals.review", "/admin/professionals");
  const params = await searchParams;
  const status = queueStatus(params.status);
  const rows = await withAdminDb(reviewQueue)(actor, status);
  const dateHeading = status === "SUBMITTED" ? "Sent" : "Decided";

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold">Professional applications</h1>
      <p className="text-sm text-muted">
        Open an application to see the licence copy and approve it, say why it is not approved, or ask the applicant for more. They are emailed either way.
      </p>

      <nav aria-label="Applications by status">
        <ul className="flex flex-wrap gap-2 text-sm">
          {QUEUE_STATUSES.map((s) => (
            <li key={s}>
              <Link
                href={s === "SUBMITTED" ? "/admin/professionals" : `/admin/professionals?status=${s}`}
                prefetch={false}
                aria-current={s === status ? "page" : undefined}
                className={`inline-block rounded border px-3 py-1 ${s === status ? "border-brand bg-brand-soft font-medium" : "border-line bg-white underline-offset-4 hover:underline"}`}
              >
                {tabLabel[s]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <h2 className="text-lg font-semibold" data-testid="queue-heading">
        {queueStatusLabel[status]} ({rows.length}
        {rows.length === 200 ? "+" : ""})
      </h2>

      {rows.length === 0 ? (
        <p className="text-sm text-muted" data-testid="queue-empty">
          {status === "SUBMITTED" ? "Nothing is waiting. New applications appear here as soon as they are sent." : "None yet."}
        </p>
      ) : (
        <>
          <table className="hidden w-full text-sm md:table" data-testid="queue-table">
            <caption className="sr-only">
              {queueStatusLabel[status]}, {status === "SUBMITTED" ? "oldest first" : "newest first"}
            </caption>
            <thead>
              <tr className="border-b border-line text-left text-muted">
                <th scope="col" className="py-2 pr-3">
                  Applicant
                </th>
                <th scope="col" className="py-2 pr-3">
                  Profession
                </th>
                <th scope="col" className="py-2 pr-3">
                  Country and state
                </th>
                <th scope="col" className="py-2">
                  {dateHeading}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((r) => (
                <tr key={r.id} data-testid="queue-row">
                  <th scope="row" className="py-2 pr-3 text-left font-medium break-all">
                    <Link href={`/admin/professionals/${r.id}`} prefetch={false} className="underline">
                      {r.email}
                    </Link>
                    {r.name && <span className="block text-xs font-normal text-muted">{r.name}</span>}
                  </th>
                  <td className="py-2 pr-3 break-words">{r.profession || "—"}</td>
                  <td className="py-2 pr-3 break-words">{r.region || "—"}</td>
                  <td className="py-2 whitespace-nowrap">{whenOrDash(dateOf(r, status))}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <ul className="space-y-3 md:hidden" data-testid="queue-cards">
            {rows.map((r) => (
              <li key={r.id} className="rounded border border-line bg-white p-3 text-sm" data-testid="queue-card">
                <p className="font-medium break-all">
                  <Link href={`/admin/professionals/${r.id}`} prefetch={false} className="underline">
                    {r.email}
                  </Link>
                </p>
                {r.name && <p className="break-words text-muted">{r.name}</p>}
                <p className="mt-1 break-words">
                  {r.profession || "—"} · {r.region || "—"}
                </p>
                <p className="mt-1 text-muted">
                  {dateHeading} {whenOrDash(dateOf(r, status))}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
