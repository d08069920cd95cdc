import { currentUserId } from "@/lib/accounts/session";
import { readableOrder } from "@/lib/data";
import { orderBookletResponse } from "@/lib/orders/booklet-response";

/** The booklet of one item as it was sold, for one of the signed-in account's orders. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; itemId: string }> }) {
  const { id, itemId } = await params;
  const userId = await currentUserId();
  return orderBookletResponse(userId ? await readableOrder(id, { userId }) : null, itemId);
}
