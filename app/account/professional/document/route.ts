// GET /account/professional/document: the signed-in applicant's own copy of
// their licence (their latest application's), and nobody else's: a guest, or
// an account without one, gets the same plain 404 as an address that does not
// exist, so the answer says nothing about who has applied. Staff open copies
// in the back office, through their own route.
//
// The file is served as data, never as a page of this site: its type is the
// one found in its bytes when it was uploaded (lib/professional/document.ts),
// nosniff, a policy that lets it run nothing, images shown inline and PDFs
// downloaded (a PDF viewer is a document of its own). Kept by no cache.
import { NextResponse } from "next/server";
import { currentUserId } from "@/lib/accounts/session";
import { latestApplication, readDocument } from "@/lib/data";
import { contentDisposition } from "@/lib/http/content-disposition";
import { UPLOADED_FILE_POLICY } from "@/lib/security-headers";

const PRIVATE = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  // The same policy proxy.ts sends for this path (its headers win over a route's).
  "Content-Security-Policy": UPLOADED_FILE_POLICY,
  "Referrer-Policy": "no-referrer",
} as const;

function notFound() {
  return new NextResponse("Not found.\n", { status: 404, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET() {
  const userId = await currentUserId();
  if (!userId) return notFound();
  const application = await latestApplication(userId);
  if (!application?.document) return notFound();
  const doc = await readDocument({ userId }, application.id);
  if (!doc) return notFound();
  const inline = doc.contentType.startsWith("image/");
  return new NextResponse(new Uint8Array(doc.bytes), {
    headers: {
      ...PRIVATE,
      "Content-Type": doc.contentType,
      "Content-Length": String(doc.bytes.byteLength),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", doc.fileName, "licence"),
    },
  });
}
