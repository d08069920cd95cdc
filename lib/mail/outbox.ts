// Whether the local outbox pages exist: only in demo mode (no Stripe) with no
// SMTP server configured. Kept apart from lib/mail/index.ts so that sending
// mail does not depend on the payments module.
import { demoPaymentsEnabled } from "@/lib/payments";
import { mailMode } from "./index";

export function outboxEnabled(): boolean {
  return demoPaymentsEnabled() && mailMode() === "outbox";
}
