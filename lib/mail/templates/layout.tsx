// The one room every mail of the store is written in: brand colours, fonts,
// the frame, the header and the footer are defined here and nowhere else.
// Each mail is a React component (react-email) inside <MailLayout>, rendered
// to HTML with `render(el)` and to plain text with `render(el, { plainText:
// true })` by renderMail below, so the text carries every link and every
// instruction of the HTML. The order confirmation builds its text beside its
// component instead (confirmation-text.ts): its tables and instruction
// blocks need a layout html-to-text cannot give.
//
// Every link is made from the store's configured origin (siteUrl(), passed
// in as `origin`), never from a request. React escapes every piece of text
// and attribute, and no mail has a script.
import { Body, Container, Head, Html, Link, Section, Text } from "@react-email/components";
import { render } from "@react-email/render";
import type { CSSProperties, ReactElement, ReactNode } from "react";
import { siteName, siteTagline } from "@/lib/site";

export type RenderedMail = { subject: string; text: string; html: string };

// ------------------------------------------------------------------ brand

export const colors = {
  ink: "#1f2a2e",
  muted: "#56656b",
  line: "#e3dfd6",
  brand: "#2f6b63",
  brandDark: "#22504a",
  page: "#fbfaf7",
  card: "#ffffff",
  warnInk: "#8a4b0f",
  warnBg: "#fdf3e4",
  infoBg: "#e6f0ee",
} as const;

export const fontFamily = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Shared styles of the pieces every mail uses. */
export const styles = {
  h1: { margin: "0 0 8px", fontSize: "24px", lineHeight: 1.3, fontWeight: 600, color: colors.ink },
  h2: { margin: "32px 0 8px", fontSize: "20px", lineHeight: 1.3, fontWeight: 600, color: colors.ink },
  p: { margin: "0 0 10px", fontSize: "15px", lineHeight: 1.5, color: colors.ink },
  muted: { margin: "0 0 10px", fontSize: "13px", lineHeight: 1.5, color: colors.muted },
  link: { color: colors.brand, wordBreak: "break-all" },
  button: {
    display: "inline-block",
    padding: "10px 16px",
    borderRadius: "6px",
    background: colors.brand,
    color: "#ffffff",
    textDecoration: "none",
    fontWeight: 600,
    fontSize: "15px",
  },
} satisfies Record<string, CSSProperties>;

/** The footer's words, in HTML and in the text of a mail whose text is built by hand. */
export function footerLines(origin: string): { tagline: string; link: string } {
  return { tagline: `${siteName} · ${siteTagline}`, link: `${origin.replace(/\/+$/, "")}/` };
}

export function footerText(origin: string): string {
  const f = footerLines(origin);
  return `${f.tagline}\n${f.link}`;
}

// ------------------------------------------------------------------ frame

export function MailLayout({ title, origin, children }: { title: string; origin: string; children: ReactNode }) {
  const footer = footerLines(origin);
  return (
    <Html lang="en">
      <Head>
        <title>{title}</title>
      </Head>
      <Body style={{ margin: 0, padding: 0, background: colors.page, fontFamily, color: colors.ink }}>
        <Container style={{ maxWidth: "640px", margin: "0 auto", padding: "24px 12px" }}>
          <Section style={{ background: colors.card, border: `1px solid ${colors.line}`, borderRadius: "8px", padding: "24px", fontFamily, color: colors.ink }}>
            <Text style={{ margin: "0 0 20px", fontSize: "20px", lineHeight: 1.3, fontWeight: 600, color: colors.brandDark }}>{siteName}</Text>
            {children}
          </Section>
          <Section style={{ padding: "16px 24px 0" }} data-mail-footer="">
            <Text style={{ ...styles.muted, margin: "0 0 4px" }}>{footer.tagline}</Text>
            <Text style={{ ...styles.muted, margin: 0 }}>
              <Link href={footer.link} style={styles.link}>
                {footer.link}
              </Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

// ------------------------------------------------------------------ pieces

/** A paragraph of the short mails. */
export function P({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  return <Text style={{ ...styles.p, ...style }}>{children}</Text>;
}

/**
 * A link written out in full: the reader sees where it goes, and the plain
 * text carries the address once (html-to-text hides an href equal to its text).
 */
export function UrlLink({ href }: { href: string }) {
  return (
    <Link href={href} style={styles.link}>
      {href}
    </Link>
  );
}

/**
 * The main link as a button. The plain text leaves the button out: each mail
 * writes the same address out in full beside it (UrlLink), once.
 */
export function ButtonLink({ href, children, note }: { href: string; children: string; note?: string }) {
  return (
    <Section data-skip-in-text="true" style={{ margin: "16px 0" }}>
      <Link href={href} style={styles.button}>
        {children}
      </Link>
      {note ? <Text style={{ ...styles.muted, margin: "12px 0 0" }}>{note}</Text> : null}
    </Section>
  );
}

// ------------------------------------------------------------------ render

// html-to-text would shout headings in capitals; the store's mails read as written.
const plainTextSelectors = ["h1", "h2", "h3", "h4"].map((selector) => ({ selector, options: { uppercase: false } }));

/** Renders a mail to HTML and, unless a hand-built text is given, to plain text from the same element. */
export async function renderMail(subject: string, element: ReactElement, text?: string): Promise<RenderedMail> {
  const html = await render(element);
  const plain =
    text ?? (await render(element, { plainText: true, htmlToTextOptions: { selectors: plainTextSelectors } })).replace(/\n{3,}/g, "\n\n").trim() + "\n";
  return { subject, html, text: plain };
}

/**
 * Escapes text the way React does in the rendered HTML, so tests can look
 * for data (product names, guide copy) exactly as the mail shows it.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);
}
