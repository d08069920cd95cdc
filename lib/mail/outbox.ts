// The local outbox pages (/outbox) show every mail the store kept, sign-in
// links included: whoever reads them can sign in as any customer. So they
// exist only in demo mode with no SMTP server configured, and answer only a
// request whose socket peer is this machine itself, as the store's own server
// saw it (lib/request-origin.ts); no header can claim that.
import { headers } from "next/headers";
import { config } from "@/lib/config";
import { requestIsFromThisMachine } from "@/lib/request-origin";
import { readOutboxAttachment } from "@/lib/mail";
import { attachmentDisposition, safeContentType } from "@/lib/mail/outbox-preview";

/** Mail is kept in the local outbox: demo mode, no SMTP_URL. */
export function outboxEnabled(): boolean {
  const c = config();
  return c.mode === "demo" && c.smtpUrl === null;
}

/** Whether this request may read the outbox. */
export async function outboxOpenToThisRequest(): Promise<boolean> {
  return outboxEnabled() && requestIsFromThisMachine(await headers());
}

const notFound = () =>
  new Response("Not found.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

/**
 * GET /outbox/<id>/attachments/<index>: one attachment of a kept message, as a
 * download. The same 404 for a request the outbox is not open to, an unknown
 * message and an index that is not one of its attachments.
 */
export async function outboxAttachmentResponse(id: string, index: string): Promise<Response> {
  if (!(await outboxOpenToThisRequest())) return notFound();
  if (!/^\d{1,4}$/.test(index)) return notFound();
  const file = await readOutboxAttachment(id, Number(index));
  if (!file) return notFound();
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": safeContentType(file.contentType),
      "Content-Disposition": attachmentDisposition(file.filename),
      "Content-Length": String(file.content.length),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
