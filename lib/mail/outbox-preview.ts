// How the demo outbox shows a kept mail (app/outbox/[id]): its HTML in a
// sandboxed frame, its links again as plain links outside the frame, and its
// attachments as downloads. Pure functions; lib/mail/outbox.ts guards access.

/**
 * The frame's sandbox: no scripts, no forms, an opaque origin, no navigating
 * the page that holds it. Only popups, which escape the sandbox, so a link in
 * the mail (a sign-in link) opens in a tab of its own as it would from a mail
 * client, instead of being spent inside the frame.
 */
export const PREVIEW_SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

const BASE = '<base target="_blank">';

/**
 * The mail's HTML with `<base target="_blank">` first in its head: every link
 * without a target of its own opens in a new tab. A base with no href changes
 * no URL, so the page's `base-uri 'self'` policy does not apply to it.
 */
export function previewHtml(html: string): string {
  for (const tag of [/<head(?:\s[^>]*)?>/i, /<html(?:\s[^>]*)?>/i]) {
    const m = tag.exec(html);
    if (m) return html.slice(0, m.index + m[0].length) + BASE + html.slice(m.index + m[0].length);
  }
  return BASE + html;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export type MessageLink = { href: string; text: string };

/**
 * The http(s) links of a mail's HTML, each address once (the first text it
 * had), in the order they appear: what the outbox lists beside the frame.
 */
export function messageLinks(html: string): MessageLink[] {
  const links: MessageLink[] = [];
  const seen = new Set<string>();
  for (const m of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
    const attr = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(m[1]!);
    if (!attr) continue;
    const href = decodeEntities((attr[1] ?? attr[2] ?? attr[3] ?? "").trim());
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      continue;
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || seen.has(url.href)) continue;
    seen.add(url.href);
    const text = decodeEntities(m[2]!.replace(/<[^>]*>/g, " "))
      .replace(/\s+/g, " ")
      .trim();
    links.push({ href: url.href, text: text || url.href });
  }
  return links;
}

/**
 * A filename for Content-Disposition: an ASCII `filename` any client reads
 * (quotes, slashes, control and non-ASCII characters replaced) and the real
 * name as UTF-8 in `filename*` (RFC 6266).
 */
export function attachmentDisposition(filename: string): string {
  const name = filename.replace(/[\u0000-\u001f\u007f]/g, "").trim() || "attachment";
  const ascii =
    name
      .replace(/[^A-Za-z0-9._ ()-]/g, "_")
      .replace(/^[.\s]+/, "")
      .slice(0, 120) || "attachment";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The attachment's own type (without parameters) when it is a well-formed MIME type, else a plain byte stream. */
export function safeContentType(type: string): string {
  const bare = type.split(";")[0]!.trim();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i.test(bare) ? bare.toLowerCase() : "application/octet-stream";
}
