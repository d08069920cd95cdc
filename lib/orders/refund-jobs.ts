// PLACEHOLDER until the refunds part of issue 13 lands.
import type { Db } from "@/lib/db";

export async function sendRefundToProvider(_prisma: Db, refundId: string): Promise<void> {
  throw new Error(`refund ${refundId}: not built yet`);
}

export async function deliverRefundIssuedMail(_prisma: Db, refundId: string): Promise<void> {
  throw new Error(`refund mail ${refundId}: not built yet`);
}
