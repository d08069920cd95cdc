// The refund form (components/admin/refund-panel.tsx): owner only. Fields:
// orderId and orderNumber (hidden), reason (required, shown to the customer),
// amount in dollars ("12.50", optional: empty means what the chosen lines are
// worth), and per order line `qty_<orderItemId>` (units to refund, 0 or
// empty for none) with `restock_<orderItemId>` (a checkbox: those units go
// back into stock). Ids are checked to belong to the order by refundOrder.
import { z } from "zod";
import { formatMoney } from "@/lib/catalog/format";
import { required } from "@/lib/forms";
import { MAX_REFUND_REASON } from "@/lib/orders/refunds";
import { id, isId } from "@/lib/validation";
import { defineAction, type AdminAction } from "./actions";
import { refundOrder } from "./refunds";

const ORDER_NUMBER = /^SP-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

/** Where the refund form lives for an order: its refund page. */
export function refundPagePath(orderNumber: string): string {
  return ORDER_NUMBER.test(orderNumber) ? `/admin/orders/${orderNumber}/refund` : "/admin/orders";
}

/** "12.50", "12.5", "12", "$1,012.50" → cents; null when it is not an amount of money. */
export function parseDollars(value: string): number | null {
  const m = value
    .trim()
    .replace(/^\$/, "")
    .replace(/,(?=\d{3}(?:\D|$))/g, "")
    .match(/^(\d{1,7})(?:\.(\d{1,2}))?$/);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

const MAX_LINES = 100;

const refundForm = z
  .object({
    orderId: id("We could not find that order."),
    orderNumber: z.string().regex(ORDER_NUMBER, "We could not find that order."),
    reason: required("the reason for the refund", MAX_REFUND_REASON),
    amount: z.string().max(20, "Enter an amount like 12.50.").optional(),
  })
  .catchall(z.string().max(20))
  .superRefine((fields, ctx) => {
    if (fields.amount?.trim() && parseDollars(fields.amount) === null) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter an amount in dollars and cents, like 12.50." });
    } else if (fields.amount?.trim() && parseDollars(fields.amount) === 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter an amount above zero, or leave it empty." });
    }
    let lines = 0;
    for (const [name, value] of Object.entries(fields)) {
      const qty = name.match(/^qty_(.*)$/);
      const restock = name.match(/^restock_(.*)$/);
      const itemId = qty?.[1] ?? restock?.[1];
      if (!qty && !restock) continue;
      if (!isId(itemId) || ++lines > MAX_LINES * 2) {
        ctx.addIssue({ code: "custom", path: ["amount"], message: "That line is not part of this order." });
        continue;
      }
      if (qty && !/^\s*\d{0,4}\s*$/.test(value)) ctx.addIssue({ code: "custom", path: [name], message: "Enter a whole number of units (0 for none)." });
    }
  })
  .transform((fields) => {
    const lines: { orderItemId: string; quantity: number; restock: boolean }[] = [];
    for (const [name, value] of Object.entries(fields)) {
      const m = name.match(/^qty_(.*)$/);
      const quantity = m ? Number(value.trim() || "0") : 0;
      if (m && quantity > 0) lines.push({ orderItemId: m[1]!, quantity, restock: fields[`restock_${m[1]}`] === "on" });
    }
    return {
      orderId: fields.orderId,
      orderNumber: fields.orderNumber,
      reason: fields.reason,
      amountCents: fields.amount?.trim() ? parseDollars(fields.amount) : null,
      lines,
    };
  });

export const refundActions: AdminAction[] = [
  defineAction({
    name: "refund.create",
    capability: "refunds",
    input: refundForm,
    back: (fields) => refundPagePath(fields.orderNumber ?? ""),
    async run({ db, actor }, input) {
      const done = await refundOrder(db, actor, input);
      return {
        redirect: refundPagePath(done.orderNumber),
        notice: `Refund of ${formatMoney(done.amountCents, done.currency)} on order ${done.orderNumber} sent to the payment provider; the customer is emailed once it goes through.`,
      };
    },
  }),
];
