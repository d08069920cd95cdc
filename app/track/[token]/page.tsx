import type { Metadata } from "next";
import { OrderPage } from "@/components/order/order-page";

export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** An order opened by an emailed tracking link. Unknown, expired or altered links are a plain 404. */
export default async function TrackedOrderPage({ params }: { params: Promise<{ token: string }> }) {
  return <OrderPage opening={{ via: "tracking", token: (await params).token }} />;
}
