// The order confirmation mail. Its wording, the grouping of instructions and
// the booklet attachments live in confirmation-text.ts beside it; this is its
// HTML: tables for tabular data, inline styles, no scripts, and every piece
// of text escaped by React, because product names and guide copy are data.
import { Heading, Link, Text } from "@react-email/components";
import { Fragment, type CSSProperties } from "react";
import { formatDate, formatMoney } from "@/lib/catalog/format";
import type { Block } from "@/lib/guides/instructions";
import type { OrderView } from "@/lib/orders/view";
import { siteName } from "@/lib/site";
import {
  addressLines,
  confirmationText,
  coversLine,
  disclaimer,
  instructionGroups,
  itemLabel,
  keepNote,
  orderLink,
  productLink,
  totals,
  type InstructionsGroup,
} from "./confirmation-text";
import { colors, MailLayout, renderMail, styles, type RenderedMail } from "./layout";

export { confirmationAttachments, instructionGroups, type InstructionsGroup } from "./confirmation-text";
// For the unit tests, which look for data in the HTML as React escapes it.
export { escapeHtml } from "./layout";

const s = {
  h3: {
    margin: "24px 0 8px",
    paddingTop: "12px",
    borderTop: `1px solid ${colors.line}`,
    fontSize: "17px",
    lineHeight: 1.3,
    fontWeight: 600,
    color: colors.ink,
  },
  h4: { margin: "16px 0 6px", fontSize: "15px", lineHeight: 1.4, fontWeight: 600, color: colors.ink },
  list: { margin: "0 0 10px", paddingLeft: "24px", fontSize: "15px", lineHeight: 1.5, color: colors.ink },
  li: { margin: "0 0 4px" },
  table: { width: "100%", borderCollapse: "collapse", margin: "0 0 12px", fontSize: "14px", lineHeight: 1.4, color: colors.ink },
  caption: { textAlign: "left", padding: "0 0 6px", fontSize: "13px", color: colors.muted },
  th: { textAlign: "left", verticalAlign: "top", padding: "6px 8px", borderBottom: `1px solid ${colors.line}`, fontWeight: 600 },
  td: { textAlign: "left", verticalAlign: "top", padding: "6px 8px", borderBottom: `1px solid ${colors.line}` },
  num: { textAlign: "right", verticalAlign: "top", padding: "6px 8px", borderBottom: `1px solid ${colors.line}`, whiteSpace: "nowrap" },
  note: {
    warn: {
      margin: "0 0 10px",
      padding: "10px 12px",
      borderLeft: `4px solid ${colors.warnInk}`,
      background: colors.warnBg,
      color: colors.warnInk,
      fontSize: "14px",
      lineHeight: 1.5,
    },
    info: {
      margin: "0 0 10px",
      padding: "10px 12px",
      borderLeft: `4px solid ${colors.brand}`,
      background: colors.infoBg,
      color: colors.ink,
      fontSize: "14px",
      lineHeight: 1.5,
    },
  },
} satisfies Record<string, CSSProperties | Record<string, CSSProperties>>;

type Props = { order: OrderView; groups: InstructionsGroup[]; link: string | null; origin: string; subject: string };

export function ConfirmationMail({ order, groups, link, origin, subject }: Props) {
  const money = (cents: number) => formatMoney(cents, order.currency);
  return (
    <MailLayout title={subject} origin={origin}>
      <Heading as="h1" style={styles.h1}>
        Thank you for your order
      </Heading>
      <Text style={styles.p}>
        {"Order number "}
        <strong>{order.number}</strong>
        {`, placed ${formatDate(order.createdAt)}.`}
      </Text>
      {order.paymentProvider === "DEMO" ? <Text style={s.note.warn}>This is a demo order: no payment was taken.</Text> : null}
      {link ? (
        <>
          <Text style={{ margin: "16px 0" }}>
            <Link href={link} style={styles.button}>
              View your order
            </Link>
          </Text>
          <Text style={styles.muted}>
            {"Or open this address: "}
            <Link href={link} style={styles.link}>
              {link}
            </Link>
          </Text>
        </>
      ) : null}

      <Heading as="h2" style={styles.h2}>
        Your order
      </Heading>
      <table style={s.table} cellPadding={0} cellSpacing={0}>
        <thead>
          <tr>
            <th style={s.th}>Item</th>
            <th style={{ ...s.th, textAlign: "right" }}>Qty</th>
            <th style={{ ...s.th, textAlign: "right" }}>Price</th>
            <th style={{ ...s.th, textAlign: "right" }}>Total</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((i) => (
            <tr key={i.id}>
              <td style={s.td}>
                {itemLabel(i)}
                <br />
                <span style={{ fontSize: "12px", color: colors.muted }}>{`SKU ${i.sku}`}</span>
              </td>
              <td style={s.num}>{String(i.quantity)}</td>
              <td style={s.num}>{money(i.unitPriceCents)}</td>
              <td style={s.num}>{money(i.lineTotalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table role="presentation" style={s.table} cellPadding={0} cellSpacing={0}>
        <tbody>
          {totals(order).map((t) => {
            const weight: CSSProperties = t.strong ? { fontWeight: 700, fontSize: "16px" } : {};
            return (
              <tr key={t.label}>
                <td style={{ ...s.td, ...weight }}>{t.label}</td>
                <td style={{ ...s.num, ...weight }}>{t.amount}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <Heading as="h2" style={styles.h2}>
        Shipping to
      </Heading>
      <Text style={styles.p}>{addressLines(order.shipping).flatMap((line, k) => (k === 0 ? [line] : [<br key={`br${k}`} />, line]))}</Text>
      {order.shippingMethodName ? <Text style={styles.muted}>{`Method: ${order.shippingMethodName}`}</Text> : null}

      {groups.length ? <Text style={s.note.info}>{keepNote}</Text> : null}
      {groups.map((g) => (
        <InstructionsSection key={g.filename} group={g} origin={origin} />
      ))}

      <Text style={{ ...styles.muted, marginTop: "32px", paddingTop: "12px", borderTop: `1px solid ${colors.line}` }}>{disclaimer}</Text>
    </MailLayout>
  );
}

function InstructionsSection({ group, origin }: { group: InstructionsGroup; origin: string }) {
  const covers = coversLine(group);
  return (
    <>
      <Heading as="h2" style={styles.h2}>{`Instructions: ${group.doc.title}`}</Heading>
      <Text style={styles.muted}>{group.doc.versionLabel}</Text>
      {covers ? <Text style={styles.p}>{covers}</Text> : null}
      <Text style={styles.muted}>{`The same instructions are attached as a printable booklet: ${group.filename}`}</Text>
      {group.doc.sections.map((section, k) => (
        <div key={k}>
          <Heading as="h3" style={s.h3}>
            {section.title}
          </Heading>
          {section.blocks.map((block, b) => (
            <InstructionsBlock key={b} block={block} origin={origin} />
          ))}
        </div>
      ))}
    </>
  );
}

function InstructionsBlock({ block, origin }: { block: Block; origin: string }) {
  switch (block.type) {
    case "h3":
      return (
        <Heading as="h4" style={s.h4}>
          {block.text}
        </Heading>
      );
    case "p":
      // Products the paragraph names link to their pages at the store's own address.
      return (
        <Text style={styles.p}>
          {block.runs
            ? block.runs.map((run, k) =>
                run.slug === undefined ? (
                  <Fragment key={k}>{run.text}</Fragment>
                ) : (
                  <Link key={k} href={productLink(origin, run.slug)} style={{ color: colors.brand }}>
                    {run.text}
                  </Link>
                ),
              )
            : block.text}
        </Text>
      );
    case "note":
      return <Text style={s.note[block.tone]}>{block.text}</Text>;
    case "list": {
      const items = block.items.map((item, k) => (
        <li key={k} style={s.li}>
          {item}
        </li>
      ));
      return block.ordered ? <ol style={s.list}>{items}</ol> : <ul style={s.list}>{items}</ul>;
    }
    case "table":
      return (
        <table style={s.table} cellPadding={0} cellSpacing={0}>
          <caption style={s.caption}>{block.caption}</caption>
          <thead>
            <tr>
              {block.head.map((h, k) => (
                <th key={k} scope="col" style={{ ...s.th, background: colors.page }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row" style={s.th}>
                      {cell}
                    </th>
                  ) : (
                    <td key={j} style={s.td}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/** Subject, HTML and text of an order's confirmation (the booklets come from confirmationAttachments). */
export function confirmationEmail(order: OrderView, opts: { siteUrl: string; accessToken: string | null }): Promise<RenderedMail> {
  const subject = `Your ${siteName} order ${order.number}`;
  const groups = instructionGroups(order);
  const link = orderLink(opts.siteUrl, opts.accessToken);
  const props = { order, groups, link, origin: opts.siteUrl, subject };
  return renderMail(subject, <ConfirmationMail {...props} />, confirmationText(order, groups, link, opts.siteUrl));
}
