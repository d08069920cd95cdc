import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { demoPaymentAction } from "./actions";
import { formatMoney } from "@/lib/catalog";
import { db } from "@/lib/db";
import { readableOrderByConfirmationToken } from "@/lib/orders/access";
import { orderUrl } from "@/lib/orders/tokens";
import { demoPaymentsEnabled } from "@/lib/payments";

export const metadata: Metadata = { title: "Demo payment", robots: { index: false } };

export default async function DemoPaymentPage({ params }: { params: Promise<{ token: string }> }) {
  if (!demoPaymentsEnabled()) notFound();
  const { token } = await params;
  const order = await readableOrderByConfirmationToken(db(), token);
  if (!order || order.paymentProvider !== "DEMO") notFound();
  if (order.status !== "AWAITING_PAYMENT") redirect(orderUrl("", token));
  return (
    <div className="mx-auto max-w-lg">
      <p className="rounded bg-warn-soft p-3 text-sm font-semibold text-warn">
        Demo payment page. This store is running without a payment provider: no card is asked for and no money moves.
      </p>
      <h1 className="mt-6 text-3xl font-semibold">Pay for order {order.number}</h1>
      <dl className="mt-4 space-y-1 rounded-lg border border-line bg-white p-4 text-sm">
        <div className="flex justify-between"><dt>Items</dt><dd>{formatMoney(order.subtotalCents, order.currency)}</dd></div>
        {order.discountCents > 0 && (
          <div className="flex justify-between"><dt>Discount ({order.promoCode})</dt><dd>−{formatMoney(order.discountCents, order.currency)}</dd></div>
        )}
        <div className="flex justify-between"><dt>Shipping ({order.shippingMethodName})</dt><dd>{order.shippingCents === 0 ? "Free" : formatMoney(order.shippingCents, order.currency)}</dd></div>
        <div className="flex justify-between border-t border-line pt-2 text-base font-semibold"><dt>Total</dt><dd data-testid="demo-total">{formatMoney(order.totalCents, order.currency)}</dd></div>
      </dl>
      <form action={demoPaymentAction} className="mt-6 flex gap-3">
        <input type="hidden" name="token" value={token} />
        <button type="submit" name="outcome" value="pay" className="flex-1 rounded bg-brand px-5 py-3 font-medium text-white hover:bg-brand-dark">
          Pay {formatMoney(order.totalCents, order.currency)} (simulated)
        </button>
        <button type="submit" name="outcome" value="decline" className="flex-1 rounded border border-danger px-5 py-3 font-medium text-danger hover:bg-red-50">
          Decline payment
        </button>
      </form>
    </div>
  );
}
