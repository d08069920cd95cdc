// The order has left: the carrier, its tracking number and page, and the
// store's own page for the order (a fresh tracking link).
import { carrierTrackingUrl, TRACKING_TOKEN_DAYS } from "@/lib/orders/tracking";
import { siteName, siteUrl } from "@/lib/site";
import { MailLayout, P, renderMail, UrlLink, type RenderedMail } from "./layout";

export type ShippedOrder = {
  number: string;
  shipName: string;
  carrier: string | null;
  trackingNumber: string | null;
  /** What is in this parcel, when the order ships in parts (or to list it anyway). */
  items?: { name: string; quantity: number }[];
  /** More parcels follow. */
  more?: boolean;
};

export function ShippedMail({ order, trackingPage, origin }: { order: ShippedOrder; trackingPage: string; origin: string }) {
  // Every carrier's display name is the name we store for it.
  const carrierName = order.carrier || "our carrier";
  const carrierLink = carrierTrackingUrl(order.carrier, order.trackingNumber);
  return (
    <MailLayout title={shippedSubject(order.number)} origin={origin}>
      <P>{`Hello ${order.shipName},`}</P>
      <P>
        {order.more ? `Part of your order ${order.number} has shipped with ${carrierName}.` : `Your order ${order.number} has shipped with ${carrierName}.`}
        <br />
        {`Tracking number: ${order.trackingNumber ?? ""}`}
      </P>
      {order.items?.length ? (
        <P>
          In this parcel:
          {order.items.map((i, n) => (
            <span key={n}>
              <br />
              {`${i.quantity} × ${i.name}`}
            </span>
          ))}
        </P>
      ) : null}
      {order.more ? <P>The rest of your order will follow in another parcel; we will email you its tracking number when it leaves.</P> : null}
      {carrierLink ? (
        <P>
          {`Follow it on ${carrierName}'s site:`}
          <br />
          <UrlLink href={carrierLink} />
        </P>
      ) : null}
      <P>
        Your order, its progress and the instructions that came with it:
        <br />
        <UrlLink href={trackingPage} />
      </P>
      <P>{`This link works for ${TRACKING_TOKEN_DAYS} days; you can ask for a new one at any time on our order lookup page.`}</P>
    </MailLayout>
  );
}

const shippedSubject = (number: string) => `Your ${siteName} order ${number} is on its way`;

export function shippedEmail(order: ShippedOrder, trackingPage: string): Promise<RenderedMail> {
  return renderMail(shippedSubject(order.number), <ShippedMail order={order} trackingPage={trackingPage} origin={siteUrl()} />);
}
