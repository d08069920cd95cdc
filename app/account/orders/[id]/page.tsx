import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/order/order-detail";
import { currentUserId } from "@/lib/accounts/session";
import { formatDate } from "@/lib/catalog/format";
import { readableOrder } from "@/lib/data";
import { label } from "@/lib/orders/status";

export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false } };

/**
 * One order of the signed-in account. Someone else's order, or a guest, gets
 * the same 404 as an order that does not exist.
 */
export default async function AccountOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const userId = await currentUserId();
  const order = userId ? await readableOrder(id, { userId }) : null;
  if (!order) notFound();
  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm"><Link href="/account" className="underline">Your account</Link></p>
        <p className="mt-2 text-sm text-muted">Order {order.number} · placed {formatDate(order.createdAt)}</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight" data-testid="order-heading">Order {order.number}</h1>
        <p className="mt-2" data-testid="order-status">
          Status: <strong>{label(order.status)}</strong>
        </p>
      </header>
      <OrderDetail
        order={order}
        calendarAction={`/account/orders/${order.id}/aftercare.ics`}
        reorder={{ via: "account", reference: order.id }}
        bookletHref={(i) => `/account/orders/${order.id}/items/${i.id}/booklet.pdf`}
      />
    </article>
  );
}
