import { readableOrderByTrackingToken } from "@/lib/data";
import { calendarResponse, orderCalendar } from "@/lib/orders/aftercare-calendar";

/** The aftercare calendar (.ics) for an order opened by its tracking link. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const order = await readableOrderByTrackingToken(token);
  return calendarResponse(order ? orderCalendar(order, new URL(request.url).searchParams) : null);
}
