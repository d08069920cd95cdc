// Mail about a professional account: a staff decision on an application
// (approved, not approved with the reason, or more needed with what), and the
// reminder to renew a licence that runs out within 30 days. Links are on the
// store's configured origin only.
import { Heading } from "@react-email/components";
import { siteName, siteUrl } from "@/lib/site";
import { ButtonLink, MailLayout, P, renderMail, styles, UrlLink, type RenderedMail } from "./layout";

export type ProfessionalMail =
  | { kind: "approved"; expiresOn: string }
  | { kind: "rejected"; reason: string }
  | { kind: "more-info"; message: string }
  | { kind: "renew"; expiresOn: string }
  | { kind: "revoked"; reason: string };

const SUBJECTS: Record<ProfessionalMail["kind"], string> = {
  approved: `Your ${siteName} professional account is approved`,
  rejected: `Your ${siteName} professional application was not approved`,
  "more-info": `We need a little more for your ${siteName} professional application`,
  renew: `Your licence on file with ${siteName} expires soon`,
  revoked: `Your ${siteName} professional account can no longer order professional-only items`,
};

export const professionalPageLink = (origin = siteUrl()) => `${origin.replace(/\/+$/, "")}/account/professional`;

function lines(mail: ProfessionalMail): string[] {
  switch (mail.kind) {
    case "approved":
      return [
        "We have checked your licence, and your account can now order the items we sell to professionals only.",
        `This lasts until your licence expires on ${mail.expiresOn}. We will remind you to send the renewed one 30 days before.`,
      ];
    case "rejected":
      return [
        "We could not approve your application for a professional account.",
        `The reason: ${mail.reason}`,
        "You can apply again with another licence or certificate.",
      ];
    case "more-info":
      return [
        "We have looked at your application and need something more before we can decide.",
        `What we need: ${mail.message}`,
        "Open your application, make the change and send it again.",
      ];
    case "revoked":
      return [
        "We have withdrawn the licence on file for your professional account, so professional-only items can no longer be ordered, and any in your cart were taken out.",
        `The reason: ${mail.reason}`,
        "If you think this is a mistake, or your licence has been renewed, you can apply again.",
      ];
    case "renew":
      return [
        `The licence on file for your professional account expires on ${mail.expiresOn}.`,
        "After that day, professional-only items can no longer be ordered and any in your cart are taken out. To carry on, send us your renewed licence.",
      ];
  }
}

export function ProfessionalMailView({ mail, link, origin }: { mail: ProfessionalMail; link: string; origin: string }) {
  const title = SUBJECTS[mail.kind];
  return (
    <MailLayout title={title} origin={origin}>
      <Heading as="h1" style={styles.h1}>
        {title}
      </Heading>
      <P>Hello,</P>
      {lines(mail).map((line) => (
        <P key={line}>{line}</P>
      ))}
      <ButtonLink href={link} note="Or copy this address into your browser:">
        {mail.kind === "renew" ? "Send your renewed licence" : mail.kind === "revoked" ? "See your professional account" : "See your application"}
      </ButtonLink>
      <P>
        <UrlLink href={link} />
      </P>
      <P style={styles.muted}>You are receiving this because you applied for a professional account.</P>
    </MailLayout>
  );
}

export function professionalEmail(mail: ProfessionalMail): Promise<RenderedMail> {
  const origin = siteUrl();
  const link = professionalPageLink(origin);
  return renderMail(SUBJECTS[mail.kind], <ProfessionalMailView mail={mail} link={link} origin={origin} />);
}
