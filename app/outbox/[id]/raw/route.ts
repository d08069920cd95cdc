import { readOutboxRaw } from "@/lib/mail";
import { outboxOpenToThisRequest } from "@/lib/mail/outbox";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** A kept message exactly as it would have gone out, for a mail client to open. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!(await outboxOpenToThisRequest())) return notFound();
  const { id } = await params;
  const raw = await readOutboxRaw(id);
  if (!raw) return notFound();
  return new Response(new Uint8Array(raw), {
    headers: {
      "Content-Type": "message/rfc822",
      // readOutboxRaw only accepts ids of the form 2026-…Z-0123abcd, safe in a header.
      "Content-Disposition": `attachment; filename="${id}.eml"`,
      "Cache-Control": "no-store",
    },
  });
}
