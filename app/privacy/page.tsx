import type { Metadata } from "next";
import Link from "next/link";
import { InfoPage, InfoSection } from "@/components/info-page";
import { CART_COOKIE } from "@/lib/cart";
import { PEN_COOKIE } from "@/lib/catalog/pen-cookie";
import { RETRY_COOKIE } from "@/lib/checkout/retry";
import { infoPageTitle } from "@/lib/site-pages";

const title = infoPageTitle("/privacy");
export const metadata: Metadata = { title, alternates: { canonical: "/privacy" } };

// The cookie names come from the code that sets them, so this list cannot
// drift from what the store actually stores in a browser.
const cookieList: { name: string; what: string }[] = [
  { name: CART_COOKIE, what: "A random key to your cart, so what you add stays in it. Kept for 60 days." },
  { name: PEN_COOKIE, what: "The pen model you chose, so we can show which cartridges fit it. Kept for a year, until you change or clear it." },
  {
    name: RETRY_COOKIE,
    what: "Set only if checkout could not start: what you had typed, sealed so only the store can read it, to fill the form again. It lasts 10 minutes.",
  },
  {
    name: "authjs.session-token",
    what: "Only when you sign in: keeps you signed in for up to 30 days. Signing in also sets two short-lived cookies, authjs.csrf-token and authjs.callback-url, that protect the sign-in form and bring you back where you were.",
  },
];

export default function PrivacyPage() {
  return (
    <InfoPage title={title} intro="What we keep about you, why, and for how long, in plain words.">
      <InfoSection id="orders" title="When you order">
        <p>
          We keep your email address, the delivery address, what you bought and what you paid, and the instructions that came with each item, because we need
          them to send the order, answer questions about it and keep our records. Card payments are taken by our payment provider, Stripe: your card number
          never reaches us.
        </p>
        <p>We email you about the order itself: the confirmation, dispatch and delivery, and any refund. We do not send marketing email.</p>
      </InfoSection>
      <InfoSection id="account" title="If you make an account">
        <p>
          An account is your email address, which we confirm with a sign-in link instead of a password. It keeps your saved addresses, the pen you chose and
          your cart, and it lists orders placed with that email address. If you sign in with GitHub or Google, we receive your name and email address from them.
        </p>
      </InfoSection>
      <InfoSection id="cookies" title="Cookies">
        <p>The store uses only the cookies it needs to work. There are no advertising or analytics cookies.</p>
        <ul className="list-disc space-y-2 pl-5" data-testid="cookie-list">
          {cookieList.map((c) => (
            <li key={c.name}>
              <code className="font-medium">{c.name}</code>: {c.what}
            </li>
          ))}
        </ul>
      </InfoSection>
      <InfoSection id="security" title="Keeping it safe">
        <p>
          Order links and tracking links are long random keys, stored only as a one-way hash. To stop people guessing, we count sign-in and order-lookup
          requests for 15 minutes per email address (stored as a one-way hash) and per network address. Our server logs record the pages asked for, for fixing
          problems.
        </p>
      </InfoSection>
      <InfoSection id="rights" title="Seeing or deleting your data">
        <p>
          <Link href="/contact">Write to us</Link> to see what we hold about you, correct it, or have it deleted. We keep order records as long as tax and
          consumer law require, and delete the rest.
        </p>
      </InfoSection>
    </InfoPage>
  );
}
