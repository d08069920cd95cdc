import { formatMoney } from "@/lib/catalog/format";

type Totals = {
  subtotalCents: number;
  discountCents: number;
  promoCode: string | null;
  /** Null before a method is chosen (the checkout summary). */
  shippingMethodName: string | null;
  shippingCents: number;
  totalCents: number;
  currency: string;
};

/** An order's money, as every page that shows an order (and the checkout summary) says it: subtotal, discount, shipping, total (all from the server). */
export function OrderTotals({ order, className, totalTestId }: { order: Totals; className: string; totalTestId: string }) {
  return (
    <dl className={className}>
      <div className="flex justify-between">
        <dt>Subtotal</dt>
        <dd>{formatMoney(order.subtotalCents, order.currency)}</dd>
      </div>
      {order.discountCents > 0 && (
        <div className="flex justify-between">
          <dt>Discount ({order.promoCode})</dt>
          <dd>−{formatMoney(order.discountCents, order.currency)}</dd>
        </div>
      )}
      {order.shippingMethodName === null ? (
        <div className="flex justify-between">
          <dt>Shipping</dt>
          <dd>Choose a method</dd>
        </div>
      ) : (
        <div className="flex justify-between">
          <dt>Shipping ({order.shippingMethodName})</dt>
          <dd>{order.shippingCents === 0 ? "Free" : formatMoney(order.shippingCents, order.currency)}</dd>
        </div>
      )}
      <div className="flex justify-between text-base font-semibold">
        <dt>Total</dt>
        <dd data-testid={totalTestId}>{formatMoney(order.totalCents, order.currency)}</dd>
      </div>
    </dl>
  );
}
