import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { demoPaymentAction } from "./actions";
import { formatMoney } from "@/lib/catalog";
import { readableOrderByConfirmationToken } from "@/lib/data";
import { closedOrderMessage } from "@/lib/orders/demo-payment";
import { orderUrl } from "@/lib/orders/tokens";
import { demoPaymentsEnabled } from "@/lib/payments";
import { OrderTotals } from "@/components/order/order-totals";

export const metadata: Metadata = { title: "Demo payment", robots: { index: false } };

const banner = (
  <p className="rounded bg-warn-soft p-3 text-sm font-semibold text-warn">
    Demo payment page. This store is running without a payment provider: no card is asked for and no money moves.
  </p>
);

export default async function DemoPaymentPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ checking?: string }> }) {
  if (!demoPaymentsEnabled()) notFound();
  const { token } = await params;
  const { checking } = await searchParams;
  const order = await readableOrderByConfirmationToken(token);
  if (!order || order.paymentProvider !== "DEMO") notFound();

  if (order.status === "CANCELLED") {
    return (
      <div className="mx-auto max-w-lg">
        {banner}
        <h1 className="mt-6 text-3xl font-semibold">Order {order.number} can no longer be paid</h1>
        <p className="mt-4" data-testid="demo-closed">
          {closedOrderMessage(order)}
        </p>
        <p className="mt-4">
          <Link href="/cart" className="font-medium text-brand underline">
            Go to your cart
          </Link>{" "}
          to check out again.
        </p>
      </div>
    );
  }
  if (order.status !== "AWAITING_PAYMENT") redirect(orderUrl("", token));
  if (checking) {
    // The payment request failed half-way: it may or may not have gone through. Never ask to pay again here.
    return (
      <div className="mx-auto max-w-lg" role="status">
        {banner}
        <h1 className="mt-6 text-3xl font-semibold">We are checking your payment</h1>
        <p className="mt-4" data-testid="demo-checking">
          Your payment for order {order.number} is taking longer than usual to confirm. Please do not pay again: we will email you as soon as it is confirmed,
          and your order page will show it.
        </p>
        <p className="mt-4">
          <Link href={orderUrl("", token)} className="font-medium text-brand underline">
            See your order
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-lg">
      {banner}
      <h1 className="mt-6 text-3xl font-semibold">Pay for order {order.number}</h1>
      <OrderTotals order={order} className="mt-4 space-y-1 rounded-lg border border-line bg-white p-4 text-sm" totalTestId="demo-total" />
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
