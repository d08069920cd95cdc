// An invitation to the back office: who sent it, the role it gives, and the
// way in (sign in with this same address; the link is on the store's own
// configured origin, never a request's).
import { Heading } from "@react-email/components";
import { siteName, siteUrl } from "@/lib/site";
import { ButtonLink, MailLayout, P, renderMail, styles, UrlLink, type RenderedMail } from "./layout";

export type StaffInvite = { email: string; role: "OWNER" | "STAFF"; invitedBy: string };

const roleLines: Record<StaffInvite["role"], string> = {
  OWNER: "As an owner you can do everything in the back office: orders, fulfilment, stock, products, guides, refunds, staff and the audit log.",
  STAFF: "As staff you can work on orders and fulfilment, stock, products and guide drafts. Refunds, publishing guides and staff changes stay with the owners.",
};

/** Where an invitation leads: the sign-in page on the configured origin, then the back office. */
export function staffInviteLink(origin = siteUrl()): string {
  return `${origin.replace(/\/+$/, "")}/signin?callbackUrl=/admin`;
}

export const staffInviteSubject = () => `You are invited to the ${siteName} back office`;

export function StaffInviteMail({ invite, link, origin }: { invite: StaffInvite; link: string; origin: string }) {
  const title = staffInviteSubject();
  return (
    <MailLayout title={title} origin={origin}>
      <Heading as="h1" style={styles.h1}>
        {title}
      </Heading>
      <P>Hello,</P>
      <P>{`${invite.invitedBy} has invited you to help run ${siteName}, with the role ${invite.role === "OWNER" ? "Owner" : "Staff"}.`}</P>
      <P>{roleLines[invite.role]}</P>
      <P>{`To start, sign in with this email address (${invite.email}). We will email you a sign-in link; no password is needed.`}</P>
      <ButtonLink href={link} note="Or copy this address into your browser:">
        Sign in to the back office
      </ButtonLink>
      <P>
        <UrlLink href={link} />
      </P>
      <P style={styles.muted}>If you were not expecting this, you can ignore this email: nothing happens until you sign in.</P>
    </MailLayout>
  );
}

export function staffInviteEmail(invite: StaffInvite): Promise<RenderedMail> {
  const origin = siteUrl();
  return renderMail(staffInviteSubject(), <StaffInviteMail invite={invite} link={staffInviteLink(origin)} origin={origin} />);
}
