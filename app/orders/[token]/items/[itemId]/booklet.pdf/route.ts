import { readableOrderByConfirmationToken } from "@/lib/data";
import { orderBookletResponse } from "@/lib/orders/booklet-response";

/** The booklet of one item as it was sold, for an order opened by its confirmation link. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string; itemId: string }> }) {
  const { token, itemId } = await params;
  return orderBookletResponse(await readableOrderByConfirmationToken(token), itemId);
}
