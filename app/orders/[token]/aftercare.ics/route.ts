import { orderCalendarGet } from "@/lib/orders/order-routes";

/** The aftercare calendar (.ics) for an order opened by its confirmation link. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return orderCalendarGet(request, { via: "confirmation", token: (await params).token });
}
