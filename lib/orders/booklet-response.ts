// The booklet of one item as it was sold, from the order's snapshot: the same
// answer whichever way the order was opened (confirmation link, tracking link
// or account). A missing order or item is a plain 404. The PDF is built once
// and kept like the public one (lib/guides/booklet-store.ts); the order number
// in its footer makes it this order's own file.
import type { Db } from "@/lib/db";
import { bookletPdfResponse } from "@/lib/guides/booklet-response";
import { storedBooklet } from "@/lib/guides/booklet-store";
import { siteName, siteUrl } from "@/lib/site";
import type { OrderView } from "./view";

export async function orderBookletResponse(prisma: Db, request: Request, order: Pick<OrderView, "number" | "items"> | null, itemId: string): Promise<Response> {
  const item = order?.items.find((i) => i.id === itemId);
  if (!order || !item?.instructions) {
    return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const booklet = await storedBooklet(prisma, {
    doc: item.instructions,
    footer: `${siteName} · order ${order.number} · ${item.instructions.versionLabel}`,
    origin: siteUrl(),
  });
  return bookletPdfResponse(request, booklet, {
    filename: `${item.productSlug}-instructions-${order.number}.pdf`,
    // A customer's own file, and two of the three URLs carry a secret token:
    // no shared cache, and not even the browser's, may keep it. A client that
    // kept a copy anyway can still revalidate it by its ETag.
    cacheControl: "private, no-store",
    headers: { "Referrer-Policy": "no-referrer" },
  });
}
