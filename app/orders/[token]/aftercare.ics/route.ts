import { readableOrderByConfirmationToken } from "@/lib/data";
import { calendarResponse, orderCalendar } from "@/lib/orders/aftercare-calendar";

/** The aftercare calendar (.ics) for an order opened by its confirmation link. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const order = await readableOrderByConfirmationToken(token);
  return calendarResponse(order ? orderCalendar(order, new URL(request.url).searchParams) : null);
}
