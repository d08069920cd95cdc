// The per-visitor parts of the static catalog pages, in one small JSON answer
// read from the browser (components/visitor.tsx): whether they are signed
// in, how many items their cart holds, the pen they told us they have,
// whether they are a verified professional (and then which sizes they may
// buy), and, for a product page, its live availability. Never cached anywhere: it is
// this visitor's, and stock changes with every sale.
import { NextResponse, type NextRequest } from "next/server";
import { currentUserId } from "@/lib/accounts/session";
import { getCatalogLookup, getLiveStock, stockStatus } from "@/lib/catalog";
import { savedPenSlug } from "@/lib/catalog/pen-preference";
import { currentCartOwner } from "@/lib/cart/cookie";
import { loadCart } from "@/lib/data";
import { professionalVisitor } from "@/lib/professional/visitor";
import type { VisitorView } from "@/lib/catalog/visitor";

const PRODUCT = /^[a-z0-9][a-z0-9-]{0,99}$/;

export async function GET(request: NextRequest) {
  const product = request.nextUrl.searchParams.get("product");
  const [userId, owner, penSlug, catalog] = await Promise.all([currentUserId(), currentCartOwner(), savedPenSlug(), getCatalogLookup()]);
  const known = product && PRODUCT.test(product) && catalog.hasProduct(product) ? product : null;
  const cart = await loadCart(owner);
  // A signed-in visitor's cart is their account's, read with its licence: the professional parts come from that.
  const pro = await professionalVisitor({ userId: userId ?? null, licence: userId ? cart.licence : null }, known);
  const pen = catalog.pen(penSlug);
  const view: VisitorView = {
    signedIn: Boolean(userId),
    cartCount: cart.itemCount,
    pen: pen ? { slug: pen.slug, name: pen.name } : null,
    professional: pro.professional,
    ...(pro.buyable ? { buyable: pro.buyable } : {}),
  };
  if (known) {
    const stock = await getLiveStock(known);
    // The band and, when low, the count: never the exact level of a well-stocked item.
    view.stock = Object.fromEntries([...stock].map(([sku, level]) => [sku, stockStatus(level)]));
  }
  return NextResponse.json(view, { headers: { "Cache-Control": "private, no-store" } });
}
