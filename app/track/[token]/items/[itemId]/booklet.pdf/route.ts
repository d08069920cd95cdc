import { orderBookletGet } from "@/lib/orders/order-routes";

/** The booklet of one item as it was sold, for an order opened by a tracking link. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string; itemId: string }> }) {
  const { token, itemId } = await params;
  return orderBookletGet(request, { via: "tracking", token }, itemId);
}
