import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/order/order-detail";
import { formatDate } from "@/lib/catalog/format";
import { readableOrderByTrackingToken } from "@/lib/data";
import { label } from "@/lib/orders/status";

export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** An order opened by an emailed tracking link. Unknown, expired or altered links are a plain 404. */
export default async function TrackedOrderPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const order = await readableOrderByTrackingToken(token);
  if (!order) notFound();
  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm text-muted">Order {order.number} · placed {formatDate(order.createdAt)}</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight" data-testid="order-heading">Your order</h1>
        <p className="mt-2" data-testid="order-status">
          Status: <strong>{label(order.status)}</strong>
        </p>
      </header>
      <OrderDetail
        order={order}
        calendarAction={`/track/${token}/aftercare.ics`}
        reorder={{ via: "tracking", reference: token }}
        bookletHref={(i) => `/track/${token}/items/${i.id}/booklet.pdf`}
        showShipping={false}
      />
      <p className="text-sm"><Link href="/" className="underline">Back to the store</Link></p>
    </article>
  );
}
