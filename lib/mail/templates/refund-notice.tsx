// A payment arrived for an order that had already closed: it is refunded in
// full, and this mail says so and why.
import { formatMoney } from "@/lib/catalog/format";
import { siteName, siteUrl } from "@/lib/site";
import { MailLayout, P, renderMail, type RenderedMail } from "./layout";

export type NoticeOrder = {
  number: string;
  shipName: string;
  amountPaidCents: number | null;
  totalCents: number;
  currency: string;
  cancelCause: string | null;
};

function noticeLines(order: NoticeOrder): string[] {
  const amount = formatMoney(order.amountPaidCents ?? order.totalCents, order.currency);
  const why =
    order.cancelCause === "SUPERSEDED"
      ? "a newer checkout from the same cart had replaced it, so paying for both would have charged you twice"
      : order.cancelCause === "DECLINED"
        ? "the payment had been reported as declined and the order was closed"
        : "the time to pay had run out and the items were no longer held for you";
  return [
    `Hello ${order.shipName},`,
    `Your payment of ${amount} for order ${order.number} arrived after the order had closed: ${why}.`,
    `We are refunding the full ${amount} to the way you paid; banks usually show it within 5 to 10 business days. Nothing will be sent for this order.`,
    "If you still want the items, you can order them again from your cart. If you have a question, reply to this email.",
  ];
}

export function RefundNoticeMail({ order, origin }: { order: NoticeOrder; origin: string }) {
  return (
    <MailLayout title={refundNoticeSubject(order.number)} origin={origin}>
      {noticeLines(order).map((line, i) => (
        <P key={i}>{line}</P>
      ))}
    </MailLayout>
  );
}

const refundNoticeSubject = (number: string) => `Your payment for ${siteName} order ${number} is being refunded`;

export function refundNoticeEmail(order: NoticeOrder): Promise<RenderedMail> {
  return renderMail(refundNoticeSubject(order.number), <RefundNoticeMail order={order} origin={siteUrl()} />);
}
