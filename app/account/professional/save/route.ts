// POST /account/professional/save: the professional application form
// (multipart, with the licence copy), sent as a plain form; JavaScript is not
// needed. Saves the draft or sends it (lib/professional/applications.ts
// saveApplication checks every field and the file by its content), then
// answers with a 303 back to /account/professional:
//   - ?saved=draft|sent when it was saved;
//   - ?error=retry with what was typed and the messages in a short-lived
//     sealed cookie (lib/professional/apply-form.ts), never in the URL;
//   - ?error=too-large for a body over the document limit plus the form
//     (read no further than that: lib/http/form-body.ts), ?error=unreadable
//     for one that is not a form.
// A cross-site post is refused (scripts/serve.ts does too, before Next.js);
// a guest is sent to sign in.
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { currentUserId } from "@/lib/accounts/session";
import { config } from "@/lib/config";
import { saveApplication } from "@/lib/data";
import { readFormBody } from "@/lib/http/form-body";
import { APPLY_COOKIE, APPLY_COOKIE_MAX_AGE_SECONDS, APPLY_PATH, APPLY_TEXT_FIELDS, MAX_APPLY_BODY, sealApplyForm } from "@/lib/professional/apply-form";
import { storeSecret } from "@/lib/secret";
import { CROSS_SITE, isCrossSite, NO_STORE } from "../../../checkout/form-post";

const back = (query: string) => new NextResponse(null, { status: 303, headers: { Location: `${APPLY_PATH}?${query}`, ...NO_STORE } });

export async function POST(request: NextRequest) {
  if (isCrossSite(request)) return new NextResponse(CROSS_SITE, { status: 403, headers: NO_STORE });
  const userId = await currentUserId();
  if (!userId) return new NextResponse(null, { status: 303, headers: { Location: `/signin?callbackUrl=${encodeURIComponent(APPLY_PATH)}`, ...NO_STORE } });

  const form = await readFormBody(request, MAX_APPLY_BODY);
  if (form === "too-large") return back("error=too-large#problems");
  if (form === "unreadable") return back("error=unreadable");

  const fields: Record<string, unknown> = {};
  for (const name of APPLY_TEXT_FIELDS) {
    const value = form.get(name);
    fields[name] = typeof value === "string" ? value : "";
  }
  const sent = form.get("document");
  const file = sent instanceof File && (sent.size > 0 || sent.name) ? { bytes: Buffer.from(await sent.arrayBuffer()), name: sent.name, type: sent.type } : null;
  const submit = form.get("intent") === "submit";

  const result = await saveApplication(userId, { fields, file, submit });
  const jar = await cookies();
  const cookie = { name: APPLY_COOKIE, path: APPLY_PATH, httpOnly: true, sameSite: "lax" as const, secure: config().https };
  if (result.ok) {
    if (jar.has(APPLY_COOKIE)) jar.set({ ...cookie, value: "", maxAge: 0 });
    return back(`saved=${result.submitted ? "sent" : "draft"}`);
  }
  jar.set({ ...cookie, value: sealApplyForm({ values: result.fields, errors: result.errors }, storeSecret()), maxAge: APPLY_COOKIE_MAX_AGE_SECONDS });
  return back("error=retry#problems");
}
