// PLACEHOLDER until the orders part of issue 13 lands: replaced by the real mail.
import type { Db } from "@/lib/db";

export async function deliverCancelledMail(_prisma: Db, orderId: string): Promise<void> {
  throw new Error(`cancelled mail for ${orderId}: not built yet`);
}
