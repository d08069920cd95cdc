import { outboxAttachmentResponse } from "@/lib/mail/outbox";

export const dynamic = "force-dynamic";

/** One attachment of a kept message, downloaded as it was attached (lib/mail/outbox.ts decides who may). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  const { id, index } = await params;
  return outboxAttachmentResponse(id, index);
}
