// The local outbox pages (/outbox) show every mail the store kept, sign-in
// links included: whoever reads them can sign in as any customer. So they
// exist only in demo mode with no SMTP server configured, and answer only a
// request whose socket peer is this machine itself, as the store's own server
// saw it (lib/request-origin.ts); no header can claim that.
import { headers } from "next/headers";
import { config } from "@/lib/config";
import { requestIsFromThisMachine } from "@/lib/request-origin";

/** Mail is kept in the local outbox: demo mode, no SMTP_URL. */
export function outboxEnabled(): boolean {
  const c = config();
  return c.mode === "demo" && c.smtpUrl === null;
}

/** Whether this request may read the outbox. */
export async function outboxOpenToThisRequest(): Promise<boolean> {
  return outboxEnabled() && requestIsFromThisMachine(await headers());
}
