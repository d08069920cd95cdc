// PLACEHOLDER until the guides part of issue 13 lands.
import type { Db } from "@/lib/db";

export async function deliverGuideRevisedMail(_prisma: Db, orderId: string, versionId: string): Promise<void> {
  throw new Error(`guide revision mail ${orderId}/${versionId}: not built yet`);
}
