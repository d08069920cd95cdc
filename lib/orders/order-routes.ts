// The route handlers behind every order's files, whichever way the order was
// opened: /orders/<token>/…, /track/<token>/… and /account/orders/<id>/… are
// thin wrappers that say which opening they are and call these. What may be
// opened is decided by openOrder alone; anything else is the same 404.
import { db } from "@/lib/db";
import { openOrder, type OrderOpening } from "./access";
import { calendarResponse, orderCalendar } from "./aftercare-calendar";
import { orderBookletResponse } from "./booklet-response";

/** GET …/aftercare.ics?date=&depth=: the aftercare calendar of an opened order. */
export async function orderCalendarGet(request: Request, opening: OrderOpening): Promise<Response> {
  const opened = await openOrder(db(), opening);
  return calendarResponse(opened ? orderCalendar(opened.order, new URL(request.url).searchParams) : null);
}

/** GET …/items/<itemId>/booklet.pdf: one item's booklet as it was sold. */
export async function orderBookletGet(request: Request, opening: OrderOpening, itemId: string): Promise<Response> {
  const opened = await openOrder(db(), opening);
  return orderBookletResponse(db(), request, opened?.order ?? null, itemId);
}
