import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/lib/catalog/format";
import { listOutbox } from "@/lib/mail";
import { outboxOpenToThisRequest } from "@/lib/mail/outbox";

// The local outbox only exists in demo mode: with real payments or real mail
// configured, these pages are not there at all.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Outbox (demo)", robots: { index: false, follow: false } };

export default async function OutboxPage() {
  if (!(await outboxOpenToThisRequest())) notFound();
  const messages = await listOutbox();
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Outbox</h1>
      <p className="mt-3 max-w-2xl rounded border border-warn/30 bg-warn-soft p-3 text-sm text-warn" data-testid="outbox-demo-label">
        Demo mode: mail is not sent; it is kept here.
      </p>
      {messages.length === 0 ? (
        <p className="mt-8 text-muted">No mail yet. Messages the store sends, such as order confirmations, appear here.</p>
      ) : (
        <div className="mt-8 overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm" data-testid="outbox-list">
            <caption className="sr-only">Kept messages, newest first</caption>
            <thead className="bg-paper">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Sent
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  To
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Subject
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Attachments
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {messages.map((m) => (
                <tr key={m.id}>
                  <td className="whitespace-nowrap px-3 py-2 text-muted">
                    <time dateTime={m.sentAt}>{formatDateTime(m.sentAt)}</time>
                  </td>
                  <td className="px-3 py-2">{m.to}</td>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/outbox/${m.id}`} className="underline hover:text-brand">
                      {m.subject || "(no subject)"}
                    </Link>
                  </th>
                  <td className="px-3 py-2 text-right">{m.attachmentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
