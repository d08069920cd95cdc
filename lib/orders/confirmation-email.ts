// The order confirmation email: what was bought, what it cost, where it goes,
// and the instructions for each item exactly as they stood at the sale (the
// snapshot on the order, never the current guide), in the body and as a PDF
// booklet per document. Items that came with the very same document (two
// pack sizes of one cartridge, say) share one copy of it.
//
// The HTML is written for email clients, not browsers: inline styles, tables
// for tabular data, no scripts, no external CSS, and every piece of text
// escaped, because product names and guide copy are data.
import { isDeepStrictEqual } from "node:util";
import { formatDate, formatMoney } from "@/lib/catalog/format";
import { renderBookletPdf } from "@/lib/guides/booklet-pdf";
import type { Block, GuideDocument } from "@/lib/guides/document";
import { escapeHtml } from "@/lib/mail/html";
import { siteName } from "@/lib/site";
import { orderUrl } from "./tokens";
import type { OrderItemView, OrderView } from "./view";

export type ConfirmationEmail = { subject: string; text: string; html: string };
export type EmailAttachment = { filename: string; content: Buffer; contentType: string };

/** One instructions document and the items of the order it came with. */
export type InstructionsGroup = { doc: GuideDocument; items: OrderItemView[]; filename: string };

/** The distinct instruction documents of an order, in the order of its items. */
export function instructionGroups(order: OrderView): InstructionsGroup[] {
  const groups: InstructionsGroup[] = [];
  const taken = new Set<string>();
  for (const item of order.items) {
    if (!item.instructions) continue;
    const same = groups.find((g) => isDeepStrictEqual(g.doc, item.instructions));
    if (same) {
      same.items.push(item);
      continue;
    }
    // Two different documents for one product slug should not happen within
    // one order, but must not give two attachments the same name if it does.
    let filename = `${item.productSlug}-instructions.pdf`;
    for (let n = 2; taken.has(filename); n++) filename = `${item.productSlug}-instructions-${n}.pdf`;
    taken.add(filename);
    groups.push({ doc: item.instructions, items: [item], filename });
  }
  return groups;
}

export async function confirmationAttachments(order: OrderView): Promise<EmailAttachment[]> {
  return Promise.all(
    instructionGroups(order).map(async (g) => ({
      filename: g.filename,
      content: await renderBookletPdf(g.doc, `${siteName} · ${g.doc.versionLabel}`),
      contentType: "application/pdf",
    })),
  );
}

// ------------------------------------------------------------------ shared wording

// Re-exported for the unit tests, which check the HTML with the same escaping.
export { escapeHtml };

const itemLabel = (i: OrderItemView) => (i.variantLabel ? `${i.name}, ${i.variantLabel}` : i.name);

function listing(labels: string[]): string {
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

function addressLines(s: OrderView["shipping"]): string[] {
  const cityLine = [s.city + (s.region ? `, ${s.region}` : ""), s.postalCode].filter(Boolean).join(" ");
  return [s.name, s.line1, s.line2, cityLine, s.country].filter((l): l is string => Boolean(l && l.trim()));
}

type Totals = { label: string; amount: string; strong?: boolean }[];

function totals(order: OrderView): Totals {
  const money = (cents: number) => formatMoney(cents, order.currency);
  const rows: Totals = [{ label: "Subtotal", amount: money(order.subtotalCents) }];
  if (order.discountCents > 0) {
    rows.push({ label: order.promoCode ? `Discount (${order.promoCode})` : "Discount", amount: `−${money(order.discountCents)}` });
  }
  rows.push({
    label: order.shippingMethodName ? `Shipping (${order.shippingMethodName})` : "Shipping",
    amount: order.shippingCents === 0 ? "Free" : money(order.shippingCents),
  });
  rows.push({ label: "Total", amount: money(order.totalCents), strong: true });
  return rows;
}

function orderLink(siteUrl: string, accessToken: string | null): string | null {
  return accessToken ? orderUrl(siteUrl, accessToken) : null;
}

const disclaimer =
  `${siteName} sells cosmetic microneedling supplies. Our instructions inform; they are not medical advice. ` +
  "If you have a skin condition or take medication, ask a clinician before microneedling. " +
  "Cartridges are single-use: never share or reuse one.";

const keepNote = "Keep this email: it holds the instructions for each item as they stood when you bought it.";

function coversLine(group: InstructionsGroup): string | null {
  return group.items.length > 1 ? `These instructions cover: ${listing(group.items.map(itemLabel))}.` : null;
}

// ------------------------------------------------------------------ the email

export function renderConfirmationEmail(order: OrderView, opts: { siteUrl: string; accessToken: string | null }): ConfirmationEmail {
  const subject = `Your ${siteName} order ${order.number}`;
  const groups = instructionGroups(order);
  const link = orderLink(opts.siteUrl, opts.accessToken);
  return { subject, text: renderText(order, groups, link), html: renderHtml(order, groups, link, subject) };
}

// ------------------------------------------------------------------ plain text

function renderText(order: OrderView, groups: InstructionsGroup[], link: string | null): string {
  const money = (cents: number) => formatMoney(cents, order.currency);
  const out: string[] = [];
  const heading = (title: string, rule = "=") => out.push("", title, rule.repeat(Math.min(title.length, 72)));

  out.push(`Thank you for your order, ${order.shipping.name}.`);
  out.push("", `Order number: ${order.number}`, `Placed: ${formatDate(order.createdAt)}`);
  if (order.paymentProvider === "DEMO") out.push("This is a demo order: no payment was taken.");
  if (link) out.push("", "View your order:", link);

  heading("Your order");
  for (const i of order.items) {
    out.push(`- ${itemLabel(i)} (SKU ${i.sku})`, `  ${i.quantity} × ${money(i.unitPriceCents)} = ${money(i.lineTotalCents)}`);
  }
  out.push("");
  for (const t of totals(order)) out.push(`${t.label}: ${t.amount}`);

  heading("Shipping to");
  out.push(...addressLines(order.shipping));
  if (order.shippingMethodName) out.push(`Method: ${order.shippingMethodName}`);

  if (groups.length) {
    out.push("", keepNote);
    for (const g of groups) {
      heading(`Instructions: ${g.doc.title}`);
      out.push(g.doc.versionLabel);
      const covers = coversLine(g);
      if (covers) out.push(covers);
      out.push(`The same instructions are attached as a printable booklet: ${g.filename}`);
      for (const section of g.doc.sections) {
        heading(section.title, "-");
        for (const block of section.blocks) out.push(...textBlock(block));
      }
    }
  }

  out.push("", "--", disclaimer);
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}

function textBlock(block: Block): string[] {
  switch (block.type) {
    case "h3":
      return ["", block.text];
    case "p":
      return [block.text];
    case "note":
      return [`${block.tone === "warn" ? "Important" : "Note"}: ${block.text}`];
    case "list":
      return block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `• ${item}`));
    case "table": {
      // Rows read as "Area — Concern: depth"; any further columns follow by name.
      const line = (cells: string[], named: boolean) => {
        const [first = "", second, third, ...rest] = cells;
        let text = second === undefined ? first : third === undefined ? `${first}: ${second}` : `${first} — ${second}: ${third}`;
        rest.forEach((cell, k) => {
          const name = block.head[k + 3];
          if (cell && cell !== "–") text += named && name ? `; ${name.toLowerCase()}: ${cell}` : `; ${cell}`;
        });
        return text;
      };
      return ["", `${block.caption} (${line(block.head, false)}):`, ...block.rows.map((r) => `• ${line(r, true)}`), ""];
    }
  }
}

// ------------------------------------------------------------------ HTML

const INK = "#1f2a2e";
const MUTED = "#56656b";
const LINE = "#e3dfd6";
const BRAND = "#2f6b63";
const FONT = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const s = {
  h1: `margin:0 0 8px;font-size:24px;line-height:1.3;font-weight:600;color:${INK};`,
  h2: `margin:32px 0 8px;font-size:20px;line-height:1.3;font-weight:600;color:${INK};`,
  h3: `margin:24px 0 8px;padding-top:12px;border-top:1px solid ${LINE};font-size:17px;line-height:1.3;font-weight:600;color:${INK};`,
  h4: `margin:16px 0 6px;font-size:15px;line-height:1.4;font-weight:600;color:${INK};`,
  p: `margin:0 0 10px;font-size:15px;line-height:1.5;color:${INK};`,
  muted: `margin:0 0 10px;font-size:13px;line-height:1.5;color:${MUTED};`,
  list: `margin:0 0 10px;padding-left:24px;font-size:15px;line-height:1.5;color:${INK};`,
  li: "margin:0 0 4px;",
  table: `width:100%;border-collapse:collapse;margin:0 0 12px;font-size:14px;line-height:1.4;color:${INK};`,
  caption: `text-align:left;padding:0 0 6px;font-size:13px;color:${MUTED};`,
  th: `text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid ${LINE};font-weight:600;`,
  td: `text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid ${LINE};`,
  num: `text-align:right;vertical-align:top;padding:6px 8px;border-bottom:1px solid ${LINE};white-space:nowrap;`,
  note: {
    warn: "margin:0 0 10px;padding:10px 12px;border-left:4px solid #8a4b0f;background:#fdf3e4;color:#8a4b0f;font-size:14px;line-height:1.5;",
    info: `margin:0 0 10px;padding:10px 12px;border-left:4px solid ${BRAND};background:#e6f0ee;color:${INK};font-size:14px;line-height:1.5;`,
  },
  button: `display:inline-block;padding:10px 16px;border-radius:6px;background:${BRAND};color:#ffffff;text-decoration:none;font-weight:600;font-size:15px;`,
};

const e = escapeHtml;

function renderHtml(order: OrderView, groups: InstructionsGroup[], link: string | null, subject: string): string {
  const money = (cents: number) => e(formatMoney(cents, order.currency));
  const parts: string[] = [];

  parts.push(`<h1 style="${s.h1}">Thank you for your order</h1>`);
  parts.push(`<p style="${s.p}">Order number <strong>${e(order.number)}</strong>, placed ${e(formatDate(order.createdAt))}.</p>`);
  if (order.paymentProvider === "DEMO") parts.push(`<p style="${s.note.warn}">This is a demo order: no payment was taken.</p>`);
  if (link) {
    parts.push(`<p style="margin:16px 0;"><a href="${e(link)}" style="${s.button}">View your order</a></p>`);
    parts.push(`<p style="${s.muted}">Or open this address: <a href="${e(link)}" style="color:${BRAND};">${e(link)}</a></p>`);
  }

  parts.push(`<h2 style="${s.h2}">Your order</h2>`);
  parts.push(`<table style="${s.table}" cellpadding="0" cellspacing="0">`);
  parts.push(`<thead><tr><th style="${s.th}">Item</th><th style="${s.th}text-align:right;">Qty</th><th style="${s.th}text-align:right;">Price</th><th style="${s.th}text-align:right;">Total</th></tr></thead><tbody>`);
  for (const i of order.items) {
    parts.push(
      `<tr><td style="${s.td}">${e(itemLabel(i))}<br><span style="font-size:12px;color:${MUTED};">SKU ${e(i.sku)}</span></td>` +
        `<td style="${s.num}">${i.quantity}</td><td style="${s.num}">${money(i.unitPriceCents)}</td><td style="${s.num}">${money(i.lineTotalCents)}</td></tr>`,
    );
  }
  parts.push("</tbody></table>");
  parts.push(`<table role="presentation" style="${s.table}" cellpadding="0" cellspacing="0"><tbody>`);
  for (const t of totals(order)) {
    const weight = t.strong ? "font-weight:700;font-size:16px;" : "";
    parts.push(`<tr><td style="${s.td}${weight}">${e(t.label)}</td><td style="${s.num}${weight}">${e(t.amount)}</td></tr>`);
  }
  parts.push("</tbody></table>");

  parts.push(`<h2 style="${s.h2}">Shipping to</h2>`);
  parts.push(`<p style="${s.p}">${addressLines(order.shipping).map(e).join("<br>")}</p>`);
  if (order.shippingMethodName) parts.push(`<p style="${s.muted}">Method: ${e(order.shippingMethodName)}</p>`);

  if (groups.length) {
    parts.push(`<p style="${s.note.info}">${e(keepNote)}</p>`);
    for (const g of groups) {
      parts.push(`<h2 style="${s.h2}">Instructions: ${e(g.doc.title)}</h2>`);
      parts.push(`<p style="${s.muted}">${e(g.doc.versionLabel)}</p>`);
      const covers = coversLine(g);
      if (covers) parts.push(`<p style="${s.p}">${e(covers)}</p>`);
      parts.push(`<p style="${s.muted}">The same instructions are attached as a printable booklet: ${e(g.filename)}</p>`);
      for (const section of g.doc.sections) {
        parts.push(`<h3 style="${s.h3}">${e(section.title)}</h3>`);
        for (const block of section.blocks) parts.push(htmlBlock(block));
      }
    }
  }

  parts.push(`<p style="${s.muted}margin-top:32px;padding-top:12px;border-top:1px solid ${LINE};">${e(disclaimer)}</p>`);

  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#fbfaf7;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#fbfaf7;"><tr><td align="center" style="padding:24px 12px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;background:#ffffff;border:1px solid ${LINE};border-radius:8px;">`,
    `<tr><td style="padding:24px;font-family:${FONT};color:${INK};">`,
    `<p style="margin:0 0 20px;font-size:20px;font-weight:600;color:#22504a;">${e(siteName)}</p>`,
    ...parts,
    "</td></tr></table>",
    "</td></tr></table>",
    "</body></html>",
  ].join("\n");
}

function htmlBlock(block: Block): string {
  switch (block.type) {
    case "h3":
      return `<h4 style="${s.h4}">${e(block.text)}</h4>`;
    case "p":
      return `<p style="${s.p}">${e(block.text)}</p>`;
    case "note":
      return `<p style="${s.note[block.tone]}">${e(block.text)}</p>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag} style="${s.list}">${block.items.map((item) => `<li style="${s.li}">${e(item)}</li>`).join("")}</${tag}>`;
    }
    case "table":
      return (
        `<table style="${s.table}" cellpadding="0" cellspacing="0">` +
        `<caption style="${s.caption}">${e(block.caption)}</caption>` +
        `<thead><tr>${block.head.map((h) => `<th scope="col" style="${s.th}background:#fbfaf7;">${e(h)}</th>`).join("")}</tr></thead>` +
        `<tbody>${block.rows
          .map((row) => `<tr>${row.map((cell, j) => (j === 0 ? `<th scope="row" style="${s.th}">${e(cell)}</th>` : `<td style="${s.td}">${e(cell)}</td>`)).join("")}</tr>`)
          .join("")}</tbody></table>`
      );
  }
}
