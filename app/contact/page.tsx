import type { Metadata } from "next";
import Link from "next/link";
import { InfoPage, InfoSection } from "@/components/info-page";
import { storeContact } from "@/lib/contact";
import { infoPageTitle } from "@/lib/site-pages";

const title = infoPageTitle("/contact");
export const metadata: Metadata = { title, alternates: { canonical: "/contact" } };

export default function ContactPage() {
  const contact = storeContact();
  return (
    <InfoPage title={title} intro="Questions about an order, a delivery, a return or which cartridge fits your pen: we are glad to help.">
      <InfoSection id="email" title="Email us">
        <p>
          Write to{" "}
          <a href={`mailto:${contact.email}`} className="font-medium" data-testid="contact-email">
            {contact.email}
          </a>
          , or simply reply to any email about your order. Please include your order number if you have one. We answer on working days, Monday to Friday.
        </p>
        {contact.demo && (
          <p className="rounded bg-warn-soft px-3 py-2 text-sm text-warn" data-testid="contact-demo">
            This is the demo store: the address above is a demo address and nobody reads it. Mail the store sends is kept in the{" "}
            <Link href="/outbox">outbox</Link>.
          </p>
        )}
      </InfoSection>
      <InfoSection id="orders" title="About an order">
        <p>
          Your confirmation email links to your order, with the instructions for everything in it. To find an order without that email,{" "}
          <Link href="/track">track an order</Link> with its number and your email address.
        </p>
      </InfoSection>
      <InfoSection id="not-advice" title="What we cannot help with">
        <p>
          We can tell you what our products are, how they fit together and what our instructions say. We cannot give medical advice or tell you whether
          microneedling is right for your skin. If you have a skin condition, take medication, or something does not look or feel right after a session, please
          ask a clinician.
        </p>
      </InfoSection>
    </InfoPage>
  );
}
