// Every mail the store sends is written in one room (lib/mail/templates):
// each renders an HTML and a plain-text version inside the same layout (the
// same ink colour, brand line and footer), links only to the store's own
// origin or a carrier's tracking page, and its text carries every link of
// its HTML.
import { describe, expect, it } from "vitest";
import { colors, footerLines, type RenderedMail } from "@/lib/mail/templates/layout";
import { confirmationEmail } from "@/lib/mail/templates/confirmation";
import { deliveredEmail } from "@/lib/mail/templates/delivered";
import { refundNoticeEmail } from "@/lib/mail/templates/refund-notice";
import { shippedEmail } from "@/lib/mail/templates/shipped";
import { signInEmail } from "@/lib/mail/templates/sign-in";
import { trackingLinkEmail } from "@/lib/mail/templates/tracking-link";
import { professionalEmail } from "@/lib/mail/templates/professional";
import { siteUrl } from "@/lib/site";
import { orderItem, orderView } from "../support/order-view";

const origin = siteUrl();
const TOKEN = "b".repeat(43);
const trackingPage = `${origin}/track/${TOKEN}`;

const order = orderView(
  [
    orderItem({
      id: "i1",
      productSlug: "nano",
      name: "Nano Tips",
      variantLabel: "10 cartridges",
      sku: "NANO-10",
      unitPriceCents: 2299,
      quantity: 1,
      guideVersionId: null,
    }),
  ],
  { discountCents: 0, shippingCents: 0, promoCode: null, paymentProvider: "STRIPE" },
);

const signInLink = `${origin}/api/auth/callback/nodemailer?callbackUrl=${encodeURIComponent(`${origin}/`)}&token=abc123&email=ada%40example.com`;
const shipped = { number: order.number, shipName: "Ada Lovelace", carrier: "UPS", trackingNumber: "1Z999AA10123456784" };

const mails: [string, () => Promise<RenderedMail>][] = [
  ["order confirmation", () => confirmationEmail(order, { siteUrl: origin, accessToken: TOKEN })],
  ["tracking link", () => trackingLinkEmail({ number: order.number }, trackingPage)],
  ["shipped", () => shippedEmail(shipped, trackingPage)],
  ["delivered", () => deliveredEmail(shipped, trackingPage)],
  [
    "refund notice",
    () =>
      refundNoticeEmail({
        number: order.number,
        shipName: "Ada Lovelace",
        amountPaidCents: 2299,
        totalCents: 2299,
        currency: "USD",
        cancelCause: "SUPERSEDED",
      }),
  ],
  ["sign-in", () => signInEmail(signInLink)],
  ["professional approved", () => professionalEmail({ kind: "approved", expiresOn: "2027-06-30" })],
  ["professional not approved", () => professionalEmail({ kind: "rejected", reason: "The certificate copy is unreadable." })],
  ["professional more needed", () => professionalEmail({ kind: "more-info", message: "Please upload the back of the card too." })],
  ["professional renewal", () => professionalEmail({ kind: "renew", expiresOn: "2027-01-15" })],
  ["professional licence withdrawn", () => professionalEmail({ kind: "revoked", reason: "The board suspended this licence." })],
];

const decode = (href: string) => href.replace(/&amp;/g, "&");
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => decode(m[1]!));

describe.each(mails)("the %s mail", (_name, build) => {
  it("renders HTML and text inside the shared layout", async () => {
    const mail = await build();
    const footer = footerLines(origin);
    expect(mail.subject).toMatch(/Stillpoint/);

    expect(mail.html).toMatch(/^<!DOCTYPE html/);
    expect(mail.html).toContain(`color:${colors.ink}`);
    expect(mail.html).toMatch(new RegExp(`color:${colors.brandDark};[^"]*">Stillpoint</p>`));
    expect(mail.html).toContain(footer.tagline);
    expect(mail.html).toContain(`href="${footer.link}"`);
    expect(mail.html).not.toMatch(/<script/i);
    // One ink: no other near-black text colour sneaks back in.
    expect(mail.html).not.toMatch(/#1f2a28/i);

    expect(mail.text).not.toMatch(/</);
    expect(mail.text).toContain(footer.tagline);
    expect(mail.text).toContain(footer.link);
  });

  it("links only to the store's origin or a carrier, and its text carries every link", async () => {
    const mail = await build();
    const links = hrefs(mail.html);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.startsWith(`${origin}/`) || link.startsWith("https://www.ups.com/"), link).toBe(true);
      expect(mail.text).toContain(link);
    }
  });
});

describe("the links each mail is about", () => {
  it("are in both versions", async () => {
    const [confirmation, tracking, ship, delivered, , signIn] = await Promise.all(mails.map(([, build]) => build()));
    for (const body of [confirmation!.text, confirmation!.html]) expect(body).toContain(`${origin}/orders/${TOKEN}`);
    for (const mail of [tracking!, ship!, delivered!]) for (const body of [mail.text, mail.html]) expect(body).toContain(trackingPage);
    for (const body of [ship!.text, ship!.html]) expect(body).toContain("https://www.ups.com/track?tracknum=1Z999AA10123456784");
    expect(signIn!.text).toContain(signInLink);
    expect(signIn!.html).toContain(signInLink.replace(/&/g, "&amp;"));
    expect(signIn!.text).toContain("expires in 24 hours");
    expect(delivered!.text).toMatch(/aftercare/);
  });
});

describe("professional account mails", () => {
  it("say the staff member's reason or request, as text, and lead to the application on the store's origin", async () => {
    const rejected = await professionalEmail({ kind: "rejected", reason: "The certificate copy is unreadable <b>blurred</b>." });
    expect(rejected.text).toContain("The certificate copy is unreadable <b>blurred</b>.");
    expect(rejected.html).not.toContain("<b>blurred</b>");
    expect(rejected.html).toContain(`${origin}/account/professional`);
    const renew = await professionalEmail({ kind: "renew", expiresOn: "2027-01-15" });
    expect(renew.subject).toMatch(/expires soon/);
    expect(renew.text).toContain("2027-01-15");
  });
});
