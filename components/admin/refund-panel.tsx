// PLACEHOLDER until the refunds part of issue 13 lands: the order page's
// "Payments and refunds" section and the owner's refund form.
import type { FormState } from "./form";

export type RefundPanelProps = { orderId: string; orderNumber: string; canRefund: boolean; state?: FormState };

export function RefundPanel(_props: RefundPanelProps) {
  return null;
}
