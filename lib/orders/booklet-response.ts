// The booklet of one item as it was sold, from the order's snapshot: the same
// answer whichever way the order was opened (confirmation link, tracking link
// or account). A missing order or item is a plain 404.
import { bookletPdfResponse } from "@/lib/guides/booklet-pdf";
import { siteName } from "@/lib/site";
import type { OrderView } from "./view";

export async function orderBookletResponse(order: Pick<OrderView, "number" | "items"> | null, itemId: string): Promise<Response> {
  const item = order?.items.find((i) => i.id === itemId);
  if (!order || !item?.instructions) {
    return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return bookletPdfResponse(
    item.instructions,
    `${siteName} · order ${order.number} · ${item.instructions.versionLabel}`,
    `${item.productSlug}-instructions-${order.number}.pdf`,
    // The URL carries a secret token on two of the three routes.
    { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" },
  );
}
