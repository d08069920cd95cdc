// What each kind of job does. Handlers are idempotent where the outside world
// allows: Stripe calls carry idempotency keys, and each reads the current
// state before acting. A handler throws to have the worker retry it.
import type { Db } from "@/lib/db";
import { deliverOrderConfirmation } from "@/lib/orders/confirmation";
import { refundLatePayment, type RefundPayload } from "@/lib/orders/late-payment";
import { deliverFulfilmentMail, deliverRefundNotice, deliverTrackingLink } from "@/lib/orders/order-mails";
import { deliverCancelledMail } from "@/lib/orders/cancel-mail";
import { deliverRefundIssuedMail, sendRefundToProvider } from "@/lib/orders/refund-jobs";
import { deliverGuideRevisedMail } from "@/lib/guides/revision-mail";
import { deliverStaffInvite } from "@/lib/admin/staff-mail";
import { deliverProfessionalDecision, deliverRenewalReminder } from "@/lib/professional/mail";
import type { JobHandler, JobKind } from "./index";

const at = (payload: { at?: string }) => (payload.at ? new Date(payload.at) : new Date());

export const jobHandlers: Record<JobKind, JobHandler> = {
  "mail.order-confirmation": async (prisma: Db, p: { orderId: string }) => {
    await deliverOrderConfirmation(prisma, p.orderId);
  },
  "mail.tracking-link": (prisma, p: { orderId: string; at?: string }) => deliverTrackingLink(prisma, p.orderId, at(p)),
  "mail.shipped": (prisma, p: { orderId: string; at?: string; shipmentId?: string }) =>
    deliverFulfilmentMail(prisma, p.orderId, "shipped", at(p), p.shipmentId),
  "mail.delivered": (prisma, p: { orderId: string; at?: string }) => deliverFulfilmentMail(prisma, p.orderId, "delivered", at(p)),
  "mail.refund-notice": (prisma, p: { orderId: string }) => deliverRefundNotice(prisma, p.orderId),
  "payment.refund": (prisma, p: RefundPayload) => refundLatePayment(prisma, p),
  "stripe.expire-session": async (_prisma, p: { orderId: string; reference: string }) => {
    // Stops a session the store no longer honours; one already complete or
    // expired is shrugged off by the gateway (a late payment is refunded).
    const { stripeGateway } = await import("@/lib/payments/stripe");
    await stripeGateway().cancel(p.reference);
  },
  "mail.order-cancelled": (prisma, p: { orderId: string }) => deliverCancelledMail(prisma, p.orderId),
  "payment.send-refund": (prisma, p: { refundId: string }) => sendRefundToProvider(prisma, p.refundId),
  "mail.refund-issued": (prisma, p: { refundId: string }) => deliverRefundIssuedMail(prisma, p.refundId),
  "mail.guide-revised": (prisma, p: { orderId: string; versionId: string }) => deliverGuideRevisedMail(prisma, p.orderId, p.versionId),
  "mail.staff-invite": (prisma, p: { staffId: string }) => deliverStaffInvite(prisma, p.staffId),
  "mail.professional": (prisma, p: { eventId: string; message?: string | null }) => deliverProfessionalDecision(prisma, p.eventId, p.message),
  "mail.professional-renewal": (prisma, p: { licenceId: string }) => deliverRenewalReminder(prisma, p.licenceId),
};
