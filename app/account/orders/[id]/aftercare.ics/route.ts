import { currentUserId } from "@/lib/accounts/session";
import { orderCalendarGet } from "@/lib/orders/order-routes";

/** The aftercare calendar (.ics) for one of the signed-in account's orders. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return orderCalendarGet(request, { via: "account", orderId: (await params).id, userId: await currentUserId() });
}
