import type { Metadata } from "next";
import { OrderPage } from "@/components/order/order-page";

export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false }, referrer: "no-referrer" };

/** The confirmation page, reached only through the unguessable link in its URL. */
export default async function ConfirmationOrderPage({ params }: { params: Promise<{ token: string }> }) {
  return <OrderPage opening={{ via: "confirmation", token: (await params).token }} />;
}
