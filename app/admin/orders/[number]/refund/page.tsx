import { adminMetadata } from "@/lib/admin/page";
// An order's payments and refunds: the figures and history for everyone in
// the back office, and the refund form for the owner (components/admin/refund-panel.tsx).
import Link from "next/link";
import { notFound } from "next/navigation";
import { RefundPanel } from "@/components/admin/refund-panel";
import { FlashNotice } from "@/components/admin/form";
import { adminPage, formState, pageFlash } from "@/lib/admin/page";
import { can } from "@/lib/admin/staff";
import { refundPageOrder } from "@/lib/admin/refunds";
import { label } from "@/lib/orders/status";
import { isId } from "@/lib/validation";

export const generateMetadata = adminMetadata("orders.read", "Payments and refunds");

type Props = { params: Promise<{ number: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrderRefundPage({ params, searchParams }: Props) {
  const { number: raw } = await params;
  const number = decodeURIComponent(raw).toUpperCase();
  const actor = await adminPage("orders.read", isId(number) ? `/admin/orders/${number}/refund` : "/admin/orders");
  if (!isId(number)) notFound();
  const order = await refundPageOrder(number);
  if (!order) notFound();
  const flash = await pageFlash(await searchParams);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href={`/admin/orders/${order.number}`} className="underline underline-offset-4">
            Back to order {order.number}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold break-words">Order {order.number}: payments and refunds</h1>
        <p className="text-sm text-muted break-words">
          {label(order.status)} · {order.email}
        </p>
      </div>
      <FlashNotice flash={flash} />
      <RefundPanel orderId={order.id} orderNumber={order.number} canRefund={can(actor.role, "refunds")} state={formState(flash, "refund.create")} />
    </div>
  );
}
