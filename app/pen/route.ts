// "Which pen do you have?": a plain form post (components/pen-chooser.tsx),
// remembered in a cookie, answered with a redirect back to the page it came
// from. A route rather than a server action, because the pages it sits on are
// static HTML (docs/decisions/0014). Cross-site posts are refused before they
// get here (scripts/serve.ts).
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCatalog } from "@/lib/catalog";
import { savePenModel } from "@/lib/data";
import { safeReturnPath } from "@/lib/accounts/redirect";
import { currentUserId } from "@/lib/accounts/session";
import { PEN_COOKIE, PEN_COOKIE_OPTIONS } from "@/lib/catalog/pen-preference";
import { formField, id } from "@/lib/validation";

const RETURN_FALLBACK = "/shop/cartridges";
const MAX_BODY = 16 * 1024;

const input = z.object({ pen: z.union([z.literal(""), id("Choose one of the pen models listed.", 60)]) });

export async function POST(request: NextRequest) {
  let form: FormData | null = null;
  if (Number(request.headers.get("content-length") ?? 0) <= MAX_BODY) {
    try {
      form = await request.formData();
    } catch {
      form = null;
    }
  }
  const parsed = input.safeParse({ pen: (form && formField(form, "pen", 100)) ?? "" });
  // Only a path on this site, so the form cannot be used to redirect elsewhere.
  const returnTo = parsed.success && form ? safeReturnPath(formField(form, "returnTo", 600) ?? "", RETURN_FALLBACK) : RETURN_FALLBACK;
  const pen = parsed.success ? parsed.data.pen : "";
  const known = (await getCatalog()).penModels.some((m) => m.slug === pen);
  // Drop an explicit pen from the return URL so the saved choice applies.
  const url = new URL(returnTo, "http://store.local");
  url.searchParams.delete("pen");
  const response = new NextResponse(null, { status: 303, headers: { Location: url.pathname + url.search, "Cache-Control": "no-store" } });
  if (known) {
    response.cookies.set(PEN_COOKIE, pen, PEN_COOKIE_OPTIONS);
  } else {
    response.cookies.delete(PEN_COOKIE);
  }
  // Signed in, the choice is the account's saved pen too.
  const userId = await currentUserId();
  if (userId) await savePenModel(userId, known ? pen : "");
  return response;
}
