// A refund the shop made has gone through: how much, for which items, why,
// and whether the rest of the order goes ahead as before.
import { formatMoney } from "@/lib/catalog/format";
import { siteName, siteUrl } from "@/lib/site";
import { MailLayout, P, renderMail, UrlLink, type RenderedMail } from "./layout";

export type IssuedRefund = {
  number: string;
  shipName: string;
  currency: string;
  amountCents: number;
  reason: string;
  lines: { name: string; variantLabel: string; quantity: number }[];
  /** "stands": a partial refund, the rest of the order is unchanged; "none": everything paid is back. */
  rest: "stands" | "none";
};

export function refundIssuedLines(refund: IssuedRefund): string[] {
  const amount = formatMoney(refund.amountCents, refund.currency);
  const items = refund.lines.map((l) => `${l.quantity} × ${l.name} (${l.variantLabel})`);
  return [
    `Hello ${refund.shipName},`,
    `We have refunded ${amount} for your order ${refund.number}${items.length ? `, for ${items.join(", ")}` : ""}.`,
    `Why: ${refund.reason}`,
    "The money goes back to the way you paid. Banks usually show it within 5 to 10 business days.",
    refund.rest === "stands"
      ? "The rest of your order stands as it was: nothing else about it changes."
      : "Everything you paid for this order has now been refunded.",
    "If you have a question about this refund, reply to this email.",
  ];
}

export function RefundIssuedMail({ refund, trackingPage, origin }: { refund: IssuedRefund; trackingPage: string; origin: string }) {
  return (
    <MailLayout title={refundIssuedSubject(refund.number)} origin={origin}>
      {refundIssuedLines(refund).map((line, i) => (
        <P key={i}>{line}</P>
      ))}
      <P>
        Your order and its progress:
        <br />
        <UrlLink href={trackingPage} />
      </P>
    </MailLayout>
  );
}

const refundIssuedSubject = (number: string) => `A refund for your ${siteName} order ${number}`;

export function refundIssuedEmail(refund: IssuedRefund, trackingPage: string): Promise<RenderedMail> {
  return renderMail(refundIssuedSubject(refund.number), <RefundIssuedMail refund={refund} trackingPage={trackingPage} origin={siteUrl()} />);
}
