// The order has arrived: a reminder to read the instructions before the
// first session, and the link to them as they came with the order.
import { siteName, siteUrl } from "@/lib/site";
import { MailLayout, P, renderMail, UrlLink, type RenderedMail } from "./layout";

export type DeliveredOrder = { number: string; shipName: string };

const reminder =
  "Before your first session, read the instructions that came with your order again, especially “Who must not use it” and the aftercare timeline. " +
  "For the first 24 hours after a session keep your skin clean and calm: no makeup, no sweaty exercise, no direct sun; wear sunscreen every day afterwards and leave at least the time the guide gives before the next session.";

export function DeliveredMail({ order, trackingPage, origin }: { order: DeliveredOrder; trackingPage: string; origin: string }) {
  return (
    <MailLayout title={deliveredSubject(order.number)} origin={origin}>
      <P>{`Hello ${order.shipName},`}</P>
      <P>{`Your order ${order.number} has been delivered.`}</P>
      <P>{reminder}</P>
      <P>
        You can reread the instructions exactly as they came with your order, and add your aftercare dates to your calendar, here:
        <br />
        <UrlLink href={trackingPage} />
      </P>
      <P>The printed booklets in your confirmation email say the same.</P>
    </MailLayout>
  );
}

const deliveredSubject = (number: string) => `Your ${siteName} order ${number} has been delivered`;

export function deliveredEmail(order: DeliveredOrder, trackingPage: string): Promise<RenderedMail> {
  return renderMail(deliveredSubject(order.number), <DeliveredMail order={order} trackingPage={trackingPage} origin={siteUrl()} />);
}
