// A guide that came with an order has a newer version: what changed (each
// newer version's change note), a link to the guide as it is now, and a word
// that the version sold with the order stays with it. Links are made from the
// store's configured origin only.
import { siteName, siteUrl } from "@/lib/site";
import { ButtonLink, MailLayout, P, renderMail, UrlLink, type RenderedMail } from "./layout";

export type GuideRevisedMailProps = {
  orderNumber: string;
  shipName: string;
  guideTitle: string;
  /** The version the order was sold with. */
  boughtNumber: number;
  /** Each version published since, oldest first, with its change note. */
  changes: { number: number; changeNote: string }[];
  /** The guide's page as it is now, and the page of the version sold with the order. */
  currentUrl: string;
  boughtUrl: string;
  origin: string;
};

export const guideRevisedSubject = (guideTitle: string) => `${siteName}: a newer version of the ${guideTitle}`;

export function GuideRevisedMail(props: GuideRevisedMailProps) {
  const { orderNumber, shipName, guideTitle, boughtNumber, changes, currentUrl, boughtUrl, origin } = props;
  const latest = changes[changes.length - 1];
  return (
    <MailLayout title={guideRevisedSubject(guideTitle)} origin={origin}>
      <P>{`Hello ${shipName},`}</P>
      <P>{`Your order ${orderNumber} came with version ${boughtNumber} of the ${guideTitle}. We have since published ${latest ? `version ${latest.number}` : "a newer version"}, and we wanted you to have it.`}</P>
      <P>What changed:</P>
      {changes.map((c) => (
        <P key={c.number}>{`Version ${c.number}: ${c.changeNote}`}</P>
      ))}
      <ButtonLink href={currentUrl}>Read the current guide</ButtonLink>
      <P>
        The current guide:
        <br />
        <UrlLink href={currentUrl} />
      </P>
      <P>
        {`The version you bought with (version ${boughtNumber}) stays with your order, exactly as it was, and you can still read it here:`}
        <br />
        <UrlLink href={boughtUrl} />
      </P>
      <P>If anything in the guide is unclear, reply to this email and we will help.</P>
    </MailLayout>
  );
}

export function guideRevisedEmail(props: Omit<GuideRevisedMailProps, "origin">): Promise<RenderedMail> {
  return renderMail(guideRevisedSubject(props.guideTitle), <GuideRevisedMail {...props} origin={siteUrl()} />);
}
