// GET /api/professional/sections?product=<slug>: the professional guide's
// depth guide and client screening for a kit, to an account with a valid
// professional licence only; everyone else gets the same 404. To a
// professional, a product with nothing to add answers null. Never cached: it
// depends on who asks.
import { NextResponse, type NextRequest } from "next/server";
import { currentUserId } from "@/lib/accounts/session";
import { professionalSectionsFor } from "@/lib/data";

const PRODUCT = /^[a-z0-9][a-z0-9-]{0,99}$/;
const headers = { "Cache-Control": "private, no-store" };

export async function GET(request: NextRequest) {
  const product = request.nextUrl.searchParams.get("product");
  const userId = await currentUserId();
  const doc = product && PRODUCT.test(product) ? await professionalSectionsFor(userId ?? null, product) : "refused";
  if (doc === "refused") return NextResponse.json({ error: "Not found." }, { status: 404, headers });
  return NextResponse.json(doc, { headers });
}
