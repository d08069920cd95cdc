import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/lib/catalog/format";
import { readOutbox } from "@/lib/mail";
import { outboxOpenToThisRequest } from "@/lib/mail/outbox";
import { messageLinks, PREVIEW_SANDBOX, previewHtml } from "@/lib/mail/outbox-preview";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Outbox message (demo)", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

export default async function OutboxMessagePage({ params }: Props) {
  if (!(await outboxOpenToThisRequest())) notFound();
  const { id } = await params;
  const message = await readOutbox(id);
  if (!message) notFound();

  const headers: [string, string][] = [
    ["From", message.from],
    ["To", message.to],
    ["Subject", message.subject],
    ["Sent", formatDateTime(message.sentAt)],
    ["Message-ID", message.messageId],
  ];
  const links = messageLinks(message.html);

  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm text-muted">
          <Link href="/outbox" className="underline">
            Outbox
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">{message.subject || "(no subject)"}</h1>
        <p className="mt-3 max-w-2xl rounded border border-warn/30 bg-warn-soft p-3 text-sm text-warn" data-testid="outbox-demo-label">
          Demo mode: mail is not sent; it is kept here.
        </p>
      </header>

      <section aria-labelledby="headers-heading" className="rounded-lg border border-line bg-white p-5">
        <h2 id="headers-heading" className="text-xl font-semibold">
          Headers
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
          {headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-medium text-muted">{name}</dt>
              <dd className="break-all">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 text-sm">
          <a href={`/outbox/${message.id}/raw`} className="underline hover:text-brand" download={`${message.id}.eml`}>
            Download the raw message (.eml)
          </a>
        </p>
      </section>

      <section aria-labelledby="attachments-heading" className="rounded-lg border border-line bg-white p-5">
        <h2 id="attachments-heading" className="text-xl font-semibold">
          Attachments
        </h2>
        {message.attachments.length === 0 ? (
          <p className="mt-2 text-sm text-muted">None.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6 text-sm" data-testid="outbox-attachments">
            {message.attachments.map((a, i) => (
              <li key={i}>
                {/* Messages kept before downloads existed have only the raw .eml. */}
                {a.stored ? (
                  <a href={`/outbox/${message.id}/attachments/${i}`} className="underline hover:text-brand" download={a.filename}>
                    {a.filename}
                  </a>
                ) : (
                  a.filename
                )}{" "}
                <span className="text-muted">
                  ({a.contentType}, {size(a.size)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="links-heading" className="rounded-lg border border-line bg-white p-5">
        <h2 id="links-heading" className="text-xl font-semibold">
          Links in this message
        </h2>
        {links.length === 0 ? (
          <p className="mt-2 text-sm text-muted">None.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm" data-testid="outbox-links">
            {links.map((l) => (
              <li key={l.href}>
                <a href={l.href} className="underline hover:text-brand" rel="noreferrer">
                  {l.text}
                </a>
                {l.text !== l.href && <span className="block break-all text-muted">{l.href}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="html-heading">
        <h2 id="html-heading" className="text-xl font-semibold">
          HTML body
        </h2>
        <p className="mt-1 text-sm text-muted">Links in the message open in a new tab, as they would from a mail program.</p>
        {/* The mail's HTML gets no scripts, no forms and an opaque origin, so
            it can never act as the store; its links open in a tab of their
            own (lib/mail/outbox-preview.ts), so a sign-in link is not spent
            inside the frame. */}
        <iframe
          sandbox={PREVIEW_SANDBOX}
          srcDoc={previewHtml(message.html)}
          title="Email body"
          className="mt-3 h-[70vh] w-full rounded-lg border border-line bg-white"
        />
      </section>

      <section aria-labelledby="text-heading">
        <h2 id="text-heading" className="text-xl font-semibold">
          Plain text body
        </h2>
        <pre className="mt-3 overflow-x-auto whitespace-pre-wrap rounded-lg border border-line bg-white p-4 text-sm">{message.text}</pre>
      </section>
    </article>
  );
}
