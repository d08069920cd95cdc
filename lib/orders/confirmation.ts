// Delivers the order confirmation, run by the job worker (lib/jobs) for the
// job that payment enqueued in the same transaction as marking the order
// paid. The job's dedupe key makes it one job per order; a failed send
// throws, and the worker retries it with backoff.
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail";
import { siteUrl } from "@/lib/site";
import { confirmationAttachments, confirmationEmail } from "@/lib/mail/templates/confirmation";
import { paidStatuses } from "./status";
import { orderAccessToken } from "./tokens";
import { loadOrderView } from "./view";

/** Sends the confirmation for a paid order. False when there is nothing to send (gone, or no longer paid). */
export async function deliverOrderConfirmation(prisma: Db, orderId: string): Promise<boolean> {
  const order = await loadOrderView(prisma, orderId);
  if (!order || !paidStatuses.includes(order.status)) {
    // Refunded (or deleted) before the mail went: confirming it now would mislead.
    log.warn({ orderId, status: order?.status ?? null }, "order confirmation not sent: the order is no longer paid");
    return false;
  }
  const email = await confirmationEmail(order, { siteUrl: siteUrl(), accessToken: orderAccessToken(order.id) });
  await sendMail({ to: order.email, subject: email.subject, text: email.text, html: email.html, attachments: await confirmationAttachments(order, siteUrl()) });
  await prisma.order.update({ where: { id: orderId }, data: { confirmationSentAt: new Date() } });
  return true;
}
