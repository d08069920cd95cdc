// The tracking link a guest asked for on the order lookup page.
import { siteName, siteUrl } from "@/lib/site";
import { TRACKING_TOKEN_DAYS } from "@/lib/orders/tracking";
import { MailLayout, P, renderMail, UrlLink, type RenderedMail } from "./layout";

export type TrackingLinkMailProps = { number: string; trackingPage: string; origin: string };

export function TrackingLinkMail({ number, trackingPage, origin }: TrackingLinkMailProps) {
  return (
    <MailLayout title={trackingLinkSubject(number)} origin={origin}>
      <P>{`Someone (we hope you) asked to see order ${number}.`}</P>
      <P>
        Follow your order and reread its instructions here:
        <br />
        <UrlLink href={trackingPage} />
      </P>
      <P>{`This link works for ${TRACKING_TOKEN_DAYS} days. If you did not ask for it, you can ignore this email: nobody can open the order without the link.`}</P>
    </MailLayout>
  );
}

const trackingLinkSubject = (number: string) => `Your tracking link for ${siteName} order ${number}`;

export function trackingLinkEmail(order: { number: string }, trackingPage: string): Promise<RenderedMail> {
  return renderMail(trackingLinkSubject(order.number), <TrackingLinkMail number={order.number} trackingPage={trackingPage} origin={siteUrl()} />);
}
