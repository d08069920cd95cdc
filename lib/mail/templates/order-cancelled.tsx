// The shop cancelled an order before anything left: why, and whether money
// is coming back (a paid order is refunded in full; an unpaid one was never
// charged).
import { formatMoney } from "@/lib/catalog/format";
import { TRACKING_TOKEN_DAYS } from "@/lib/orders/tracking";
import { siteName, siteUrl } from "@/lib/site";
import { MailLayout, P, renderMail, UrlLink, type RenderedMail } from "./layout";

export type CancelledOrder = {
  number: string;
  shipName: string;
  cancelReason: string | null;
  currency: string;
  /** What is being given back for this cancellation; 0 when nothing was paid. */
  refundCents: number;
  /** Whether the order had been paid (money is coming back even if 0 was left to refund). */
  wasPaid: boolean;
};

export function cancelledLines(order: CancelledOrder): string[] {
  const money =
    order.refundCents > 0
      ? `We are refunding ${formatMoney(order.refundCents, order.currency)} to the way you paid. Banks usually show it within 5 to 10 business days; we will email you when the refund has gone through.`
      : order.wasPaid
        ? "What you paid for this order has already been refunded."
        : "Nothing was charged for this order, and nothing will be.";
  return [
    `Hello ${order.shipName},`,
    `We have cancelled your order ${order.number}, and nothing from it will be sent.`,
    ...(order.cancelReason ? [`The reason: ${order.cancelReason}`] : []),
    money,
    "We are sorry for the trouble. If you have a question, or still want the items, reply to this email.",
  ];
}

export function CancelledMail({ order, orderPage, origin }: { order: CancelledOrder; orderPage: string; origin: string }) {
  return (
    <MailLayout title={cancelledSubject(order.number)} origin={origin}>
      {cancelledLines(order).map((line, i) => (
        <P key={i}>{line}</P>
      ))}
      <P>
        Your order and what happened to it:
        <br />
        <UrlLink href={orderPage} />
      </P>
      <P>{`This link works for ${TRACKING_TOKEN_DAYS} days; you can ask for a new one at any time on our order lookup page.`}</P>
    </MailLayout>
  );
}

const cancelledSubject = (number: string) => `Your ${siteName} order ${number} has been cancelled`;

export function orderCancelledEmail(order: CancelledOrder, orderPage: string): Promise<RenderedMail> {
  return renderMail(cancelledSubject(order.number), <CancelledMail order={order} orderPage={orderPage} origin={siteUrl()} />);
}
