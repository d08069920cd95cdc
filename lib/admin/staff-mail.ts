// PLACEHOLDER until the staff part of issue 13 lands.
import type { Db } from "@/lib/db";

export async function deliverStaffInvite(_prisma: Db, staffId: string): Promise<void> {
  throw new Error(`staff invite ${staffId}: not built yet`);
}
