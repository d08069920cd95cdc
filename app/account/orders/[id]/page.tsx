import type { Metadata } from "next";
import { OrderPage } from "@/components/order/order-page";
import { currentUserId } from "@/lib/accounts/session";

export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false } };

/**
 * One order of the signed-in account. Someone else's order, or a guest, gets
 * the same 404 as an order that does not exist.
 */
export default async function AccountOrderPage({ params }: { params: Promise<{ id: string }> }) {
  return <OrderPage opening={{ via: "account", orderId: (await params).id, userId: await currentUserId() }} />;
}
