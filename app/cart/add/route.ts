// Add to cart. One small answer, never a page render: the product pages are
// static HTML, so this is a route of its own rather than a server action
// (which would re-render the page it was posted from).
//   - From the page's script (Accept: application/json): JSON with the new
//     cart count and the line added, or the message to show next to the field.
//   - As a plain form post (no JavaScript): 303 to the cart, which says what
//     was added or, by error code, what went wrong.
// Cross-site posts are refused before they get here (scripts/serve.ts).
import { NextResponse, type NextRequest } from "next/server";
import { CartError } from "@/lib/cart";
import { currentCartOwner, setCartToken } from "@/lib/cart/cookie";
import { readAddToCart } from "@/lib/cart/input";
import { addToCart, loadCart } from "@/lib/data";
import { formatMoney } from "@/lib/catalog/format";

export type AddToCartResult =
  { ok: true; cartCount: number; subtotal: string; line: { name: string; label: string; quantity: number } } | { ok: false; error: string };

const MAX_BODY = 16 * 1024;

export async function POST(request: NextRequest) {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const answer = (result: AddToCartResult, code?: string) => {
    // A refusal is an answer the page shows next to the field, not a failed
    // request: 200 either way (browsers log every 4xx as a console error).
    if (wantsJson) return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
    const to = new URL("/cart", request.nextUrl.origin);
    if (code) to.searchParams.set("error", code);
    return new NextResponse(null, { status: 303, headers: { Location: to.pathname + to.search, "Cache-Control": "no-store" } });
  };

  // An add-to-cart form is a few dozen bytes; a megabyte is not one.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) return answer({ ok: false, error: "That request was too large." }, "quantity");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return answer({ ok: false, error: "Choose a quantity and try again." }, "quantity");
  }
  const input = readAddToCart(form);
  if (!input.ok) return answer({ ok: false, error: input.error }, "quantity");

  const owner = await currentCartOwner();
  try {
    const token = await addToCart(owner, input.variantId, input.quantity);
    // A guest keeps the cart token in a cookie; an account's cart needs none.
    if (token) await setCartToken(token);
    const cart = await loadCart(token ?? owner);
    const line = cart.lines.find((l) => l.variantId === input.variantId);
    if (!wantsJson) {
      return new NextResponse(null, { status: 303, headers: { Location: `/cart?added=${encodeURIComponent(input.variantId)}`, "Cache-Control": "no-store" } });
    }
    return answer({
      ok: true,
      cartCount: cart.itemCount,
      subtotal: formatMoney(cart.subtotalCents),
      line: { name: line?.productName ?? "The item", label: line?.variantLabel ?? "", quantity: input.quantity },
    });
  } catch (error) {
    if (error instanceof CartError) return answer({ ok: false, error: error.message }, error.code);
    throw error;
  }
}
