// The audit log: one row per back-office write, in the same transaction as the
// write, so a change and its record commit or roll back together. The table is
// append-only (a database trigger refuses UPDATE, DELETE and TRUNCATE).
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorRole, type Actor } from "./roles";

export type AuditInput = {
  action: string;
  subjectType: "order" | "refund" | "variant" | "product" | "guide" | "staff" | "professional-application";
  subjectId: string;
  subjectLabel: string;
  before?: unknown;
  after?: unknown;
};

/** JSON-safe copy of a record for the log: dates as ISO strings, bigints as strings. */
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorEmail: actor.email,
      actorRole: actorRole(actor),
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      subjectLabel: entry.subjectLabel.slice(0, 200),
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    },
  });
}
