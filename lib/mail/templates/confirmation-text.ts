// The order confirmation's wording, shared by its HTML (confirmation.tsx)
// and written out here as its plain text: what was bought, what it cost,
// where it goes, and the instructions for each item exactly as they stood at
// the sale (the snapshot on the order, never the current guide), in the body
// and as a PDF booklet per document. Items that came with the very same
// document (two pack sizes of one cartridge, say) share one copy of it.
//
// The text is built by hand, not by html-to-text: its item lines, totals and
// depth tables ("Area — Concern: depth") read better than any conversion of
// the HTML tables, and customers and tests rely on them as they are.
import { isDeepStrictEqual } from "node:util";
import { formatDate, formatMoney } from "@/lib/catalog/format";
import { renderBookletPdf } from "@/lib/guides/booklet-pdf";
import { productPath, type Block, type Instructions } from "@/lib/guides/instructions";
import type { MailAttachment } from "@/lib/mail";
import { orderUrl } from "@/lib/orders/tokens";
import type { OrderItemView, OrderView } from "@/lib/orders/view";
import { siteName } from "@/lib/site";
import { footerText } from "./layout";

/** One instructions document and the items of the order it came with. */
export type InstructionsGroup = { doc: Instructions; items: OrderItemView[]; filename: string };

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

/** The booklets, their product links at `origin`, the store's configured address. */
export async function confirmationAttachments(order: OrderView, origin: string): Promise<MailAttachment[]> {
  return Promise.all(
    instructionGroups(order).map(async (g) => ({
      filename: g.filename,
      content: await renderBookletPdf(g.doc, `${siteName} · ${g.doc.versionLabel}`, origin),
      contentType: "application/pdf",
    })),
  );
}

// ------------------------------------------------------------------ shared wording

export const itemLabel = (i: OrderItemView) => (i.variantLabel ? `${i.name}, ${i.variantLabel}` : i.name);

function listing(labels: string[]): string {
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

export function addressLines(s: OrderView["shipping"]): string[] {
  const cityLine = [s.city + (s.region ? `, ${s.region}` : ""), s.postalCode].filter(Boolean).join(" ");
  return [s.name, s.line1, s.line2, cityLine, s.country].filter((l): l is string => Boolean(l && l.trim()));
}

export type Totals = { label: string; amount: string; strong?: boolean }[];

export function totals(order: OrderView): Totals {
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

/** A product's page at the store's configured address (never a request's). */
export function productLink(origin: string, slug: string): string {
  return `${origin.replace(/\/+$/, "")}${productPath(slug)}`;
}

export function orderLink(siteUrl: string, accessToken: string | null): string | null {
  return accessToken ? orderUrl(siteUrl, accessToken) : null;
}

export const disclaimer =
  `${siteName} sells cosmetic microneedling supplies. Our instructions inform; they are not medical advice. ` +
  "If you have a skin condition or take medication, ask a clinician before microneedling. " +
  "Cartridges are single-use: never share or reuse one.";

export const keepNote = "Keep this email: it holds the instructions for each item as they stood when you bought it.";

export function coversLine(group: InstructionsGroup): string | null {
  return group.items.length > 1 ? `These instructions cover: ${listing(group.items.map(itemLabel))}.` : null;
}

// ------------------------------------------------------------------ plain text

export function confirmationText(order: OrderView, groups: InstructionsGroup[], link: string | null, origin: string): string {
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
        for (const block of section.blocks) out.push(...textBlock(block, origin));
      }
    }
  }

  out.push("", "--", disclaimer, "", footerText(origin));
  return (
    out
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n"
  );
}

function textBlock(block: Block, origin: string): string[] {
  switch (block.type) {
    case "h3":
      return ["", block.text];
    case "p":
      // A product the paragraph names is followed by its address: "Name (https://…/products/slug)".
      return [block.runs ? block.runs.map((r) => (r.slug === undefined ? r.text : `${r.text} (${productLink(origin, r.slug)})`)).join("") : block.text];
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
