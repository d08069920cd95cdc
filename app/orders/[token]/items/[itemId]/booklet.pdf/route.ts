import { orderBookletGet } from "@/lib/orders/order-routes";

/** The booklet of one item as it was sold, for an order opened by its confirmation link. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; itemId: string }> }) {
  const { token, itemId } = await params;
  return orderBookletGet(request, { via: "confirmation", token }, itemId);
}
