// The back office's view of professional applications beyond what
// lib/professional/applications.ts gives (the queue, one application, the
// decisions): how many are waiting, for the section list, and the statuses
// the queue page can show.
import type { Db } from "@/lib/db";
import type { ProfessionalApplicationStatus } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "./roles";

/** The statuses the queue can list, in the order its links show them; a draft is the applicant's own and not listed. */
export const QUEUE_STATUSES = ["SUBMITTED", "NEEDS_INFO", "APPROVED", "REJECTED"] as const satisfies readonly ProfessionalApplicationStatus[];
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const queueStatusLabel: Record<ProfessionalApplicationStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Waiting for a decision",
  NEEDS_INFO: "Asked for more",
  APPROVED: "Approved",
  REJECTED: "Not approved",
};

/** A status from the page's query (?status=...), or the waiting ones for anything else. */
export function queueStatus(value: unknown): QueueStatus {
  return typeof value === "string" && (QUEUE_STATUSES as readonly string[]).includes(value) ? (value as QueueStatus) : "SUBMITTED";
}

/** How many applications wait for a decision (one indexed count, for the section list). */
export async function waitingApplications(db: Db, actor: Actor | null | undefined): Promise<number> {
  authorize(actor, "professionals.review");
  return db.professionalApplication.count({ where: { status: "SUBMITTED" } });
}
