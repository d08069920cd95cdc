import { getProduct } from "@/lib/catalog";
import { getInstructionsForProduct } from "@/lib/guides";
import { bookletPdfResponse } from "@/lib/guides/booklet-pdf";
import { siteName } from "@/lib/site";

/** The booklet as a PDF generated on the server from the current guide version. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const product = await getProduct((await params).slug);
  const instructions = product ? await getInstructionsForProduct(product) : null;
  if (!product || !instructions) {
    return new Response("No instruction booklet for that product.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const file = `${product.slug}-instructions-v${instructions.attached.guide.number}.pdf`;
  return bookletPdfResponse(instructions.doc, `${siteName} · ${instructions.doc.versionLabel}`, file, {
    "Cache-Control": "public, max-age=300",
  });
}
