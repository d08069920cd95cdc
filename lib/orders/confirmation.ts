// Sends the order confirmation once an order is paid: claimed with a
// conditional update so two deliveries of the payment never send two
// emails, and released again if sending fails so a later event can retry.
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail";
import { siteUrl } from "@/lib/site";
import { confirmationAttachments, renderConfirmationEmail } from "./confirmation-email";
import { paidStatuses } from "./status";
import { orderAccessToken } from "./tokens";
import { loadOrderView } from "./view";

export async function sendOrderConfirmation(prisma: Db, orderId: string): Promise<boolean> {
  let claimed: { count: number };
  try {
    claimed = await prisma.order.updateMany({
      where: { id: orderId, confirmationSentAt: null, status: { in: [...paidStatuses] } },
      data: { confirmationSentAt: new Date() },
    });
  } catch (error) {
    log.error({ err: error, orderId }, "order confirmation mail not claimed");
    return false;
  }
  if (claimed.count === 0) return false;
  try {
    const order = (await loadOrderView(prisma, orderId))!;
    const email = renderConfirmationEmail(order, { siteUrl: siteUrl(), accessToken: orderAccessToken(order.id) });
    await sendMail({ to: order.email, subject: email.subject, text: email.text, html: email.html, attachments: await confirmationAttachments(order) });
    return true;
  } catch (error) {
    await prisma.order.update({ where: { id: orderId }, data: { confirmationSentAt: null } });
    log.error({ err: error, orderId }, "order confirmation mail not sent");
    return false;
  }
}
