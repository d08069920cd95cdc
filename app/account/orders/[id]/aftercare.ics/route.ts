import { currentUserId } from "@/lib/accounts/session";
import { readableOrder } from "@/lib/data";
import { calendarResponse, orderCalendar } from "@/lib/orders/aftercare-calendar";

/** The aftercare calendar (.ics) for one of the signed-in account's orders. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const userId = await currentUserId();
  const order = userId ? await readableOrder(id, { userId }) : null;
  return calendarResponse(order ? orderCalendar(order, new URL(request.url).searchParams) : null);
}
