// The magic-link mail: calm and short. The link arrives already on the
// store's own origin (auth.ts rebuilds it on siteUrl()).
import { Heading } from "@react-email/components";
import { siteName, siteUrl } from "@/lib/site";
import { ButtonLink, MailLayout, P, renderMail, styles, UrlLink, type RenderedMail } from "./layout";

export function SignInMail({ url, origin }: { url: string; origin: string }) {
  const title = `Sign in to ${siteName}`;
  return (
    <MailLayout title={title} origin={origin}>
      <Heading as="h1" style={styles.h1}>
        {title}
      </Heading>
      <P>Hello,</P>
      <P>{`Here is your link to sign in to ${siteName}:`}</P>
      <ButtonLink href={url} note="Or copy this address into your browser:">
        Sign in
      </ButtonLink>
      <P>
        <UrlLink href={url} />
      </P>
      <P>The link works once and expires in 24 hours.</P>
      <P style={styles.muted}>If you did not ask to sign in, you can ignore this email. Nobody can sign in to your account without this link.</P>
    </MailLayout>
  );
}

export function signInEmail(url: string): Promise<RenderedMail> {
  return renderMail(`Sign in to ${siteName}`, <SignInMail url={url} origin={siteUrl()} />);
}
