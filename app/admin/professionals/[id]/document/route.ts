// The licence copy of one application, for staff with "professionals.review"
// only: a visitor, a customer, other staff, an unknown application or one
// without a copy all get the back office's one 404 (lib/admin/refused.ts),
// so a refusal says nothing about what exists. The copy is sent as stored
// (its type was checked by content when uploaded) with headers that keep it
// inert: never cached, never sniffed into another type, no scripts or
// outside requests, and a file name that cannot break the header. Images and
// PDFs open in the browser ("Open the document"); an image is also shown on
// the application page. The Content-Security-Policy is DOCUMENT_POLICY, which
// proxy.ts sends for this path (it would overwrite a route's own); set here
// too so the route says what it answers with.
import type { NextRequest } from "next/server";
import { withAdminDb } from "@/lib/admin/page";
import { adminRefused } from "@/lib/admin/refused";
import { AdminRefused, can, currentStaff } from "@/lib/admin/staff";
import { contentDisposition } from "@/lib/http/content-disposition";
import { readDocument } from "@/lib/professional/applications";
import { ACCEPTED_TYPES } from "@/lib/professional/document";
import { DOCUMENT_POLICY } from "@/lib/security-headers";
import { isId } from "@/lib/validation";

export const dynamic = "force-dynamic";

export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const staff = await currentStaff();
  const { id } = await params;
  if (staff.state === "expired") {
    const back = isId(id) ? `/admin/professionals/${id}` : "/admin/professionals";
    return new Response(null, { status: 303, headers: { Location: `/signin?callbackUrl=${encodeURIComponent(back)}&expired=1`, "Cache-Control": "no-store" } });
  }
  if (staff.state !== "staff" || !can(staff.actor.role, "professionals.review")) return adminRefused();
  let doc: Awaited<ReturnType<typeof readDocument>>;
  try {
    doc = await withAdminDb(readDocument)({ actor: staff.actor }, id);
  } catch (error) {
    if (error instanceof AdminRefused) return adminRefused();
    throw error;
  }
  if (!doc) return adminRefused();
  const inline = ACCEPTED_TYPES.includes(doc.contentType);
  return new Response(new Uint8Array(doc.bytes), {
    headers: {
      "Content-Type": inline ? doc.contentType : "application/octet-stream",
      "Content-Length": String(doc.bytes.byteLength),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", doc.fileName, "licence"),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": DOCUMENT_POLICY,
      "Cross-Origin-Resource-Policy": "same-origin",
      "Referrer-Policy": "no-referrer",
    },
  });
}

// Only GET (and HEAD, which Next.js answers from GET) reads the copy; every
// other method gets the same 404 as a refusal.
function refusedMethod(): Response {
  return adminRefused();
}
export const POST = refusedMethod;
export const PUT = refusedMethod;
export const PATCH = refusedMethod;
export const DELETE = refusedMethod;
export const OPTIONS = refusedMethod;
