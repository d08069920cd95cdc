import { currentUserId } from "@/lib/accounts/session";
import { orderBookletGet } from "@/lib/orders/order-routes";

/** The booklet of one item as it was sold, for one of the signed-in account's orders. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; itemId: string }> }) {
  const { id, itemId } = await params;
  return orderBookletGet(request, { via: "account", orderId: id, userId: await currentUserId() }, itemId);
}
