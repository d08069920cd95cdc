import { db } from "@/lib/db";
import { renderBookletPdf } from "@/lib/guides/booklet-pdf";
import { readableOrderByConfirmationToken } from "@/lib/orders/access";
import { siteName } from "@/lib/site";

/** The booklet of one item as it was sold, from the order's snapshot. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string; itemId: string }> }) {
  const { token, itemId } = await params;
  const order = await readableOrderByConfirmationToken(db(), token);
  const item = order?.items.find((i) => i.id === itemId);
  if (!order || !item?.instructions) {
    return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const pdf = await renderBookletPdf(item.instructions, `${siteName} · order ${order.number} · ${item.instructions.versionLabel}`);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${item.productSlug}-instructions-${order.number}.pdf"`,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
