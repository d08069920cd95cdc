// Small pieces of email HTML shared by the store's messages: escaping, and
// the plain paragraph (optionally ending in a link) of the short emails.

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The inline style of a paragraph in the short emails. */
const P = "margin:0 0 10px;font-size:15px;line-height:1.5;color:#1f2a2e;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;";
/** The inline style of a link in the short emails. */
const A = "color:#2f6b63;";

/** A paragraph of text, or of optional text followed by a link. */
export type Paragraph = string | { text: string; href: string; before?: string };

/** Paragraphs as email HTML, every piece escaped, one per line. */
export function html(paragraphs: Paragraph[]): string {
  return paragraphs
    .map((p) =>
      typeof p === "string"
        ? `<p style="${P}">${escapeHtml(p)}</p>`
        : `<p style="${P}">${escapeHtml(p.before ?? "")}<a href="${escapeHtml(p.href)}" style="${A}">${escapeHtml(p.text)}</a></p>`,
    )
    .join("\n");
}
