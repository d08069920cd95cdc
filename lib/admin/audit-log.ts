// Reading the audit log (owner only, "audit.read"): every back-office write,
// newest first, 50 a page, filtered by who, what, which subject and when.
// The filters come from the page's query string; anything that is not a
// plausible value is left out (and said so) rather than refused, so a
// hand-edited URL still shows a page.
import { z } from "zod";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nextDay, startOfStoreDay } from "@/lib/time-zone";
import { CONTROL_MESSAGE } from "@/lib/validation";
import { authorize, type Actor } from "./roles";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  actor?: string;
  action?: string;
  subjectType?: string;
  subject?: string;
  /** YYYY-MM-DD, a day in the store's time zone (inclusive). */
  from?: string;
  to?: string;
  page: number;
};

export type AuditRow = {
  id: string;
  at: Date;
  actorEmail: string;
  actorRole: string;
  action: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  before: unknown;
  after: unknown;
};

export type AuditPage = {
  filters: AuditFilters;
  /** Filters that were left out, with why. */
  ignored: { field: keyof AuditFilters; message: string }[];
  entries: AuditRow[];
  total: number;
  page: number;
  pages: number;
  /** The actions and subject types that occur in the log, for the filter's choices. */
  actions: string[];
  subjectTypes: string[];
};

const CONTROL = /[\u0000-\u001f\u007f]/;
const clean = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .refine((v) => !CONTROL.test(v), CONTROL_MESSAGE);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = z
  .string()
  .trim()
  .regex(DAY, "Use a date like 2026-12-02.")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "That is not a date.");

const fieldSchemas = {
  actor: clean(254),
  action: clean(60).regex(/^[a-z0-9._-]*$/i, "Choose an action from the list."),
  subjectType: clean(30).regex(/^[a-z0-9_-]*$/i, "Choose a subject from the list."),
  subject: clean(200),
  from: day,
  to: day,
} as const;

/** The filters in a page's query: each one checked on its own; a bad one is ignored with a message. */
export function parseAuditFilters(query: Record<string, string | string[] | undefined>): { filters: AuditFilters; ignored: AuditPage["ignored"] } {
  const filters: AuditFilters = { page: 1 };
  const ignored: AuditPage["ignored"] = [];
  for (const [field, schema] of Object.entries(fieldSchemas) as [keyof typeof fieldSchemas, z.ZodType<string>][]) {
    const raw = query[field];
    if (raw === undefined || raw === "") continue;
    const parsed = schema.safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (parsed.success) {
      if (parsed.data) filters[field] = parsed.data;
    } else ignored.push({ field, message: parsed.error.issues[0]?.message ?? "Ignored." });
  }
  const page = Number(typeof query.page === "string" ? query.page : "1");
  filters.page = Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
  return { filters, ignored };
}

export function auditWhere(filters: AuditFilters): Prisma.AuditEntryWhereInput {
  const where: Prisma.AuditEntryWhereInput[] = [];
  if (filters.actor) where.push({ actorEmail: { contains: filters.actor, mode: "insensitive" } });
  if (filters.action) where.push({ action: filters.action });
  if (filters.subjectType) where.push({ subjectType: filters.subjectType });
  if (filters.subject) where.push({ OR: [{ subjectId: filters.subject }, { subjectLabel: { contains: filters.subject, mode: "insensitive" } }] });
  if (filters.from) where.push({ at: { gte: startOfStoreDay(filters.from)! } });
  if (filters.to) where.push({ at: { lt: startOfStoreDay(nextDay(filters.to))! } });
  return where.length ? { AND: where } : {};
}

export async function readAudit(prisma: Db, actor: Actor | null | undefined, filters: AuditFilters, ignored: AuditPage["ignored"] = []): Promise<AuditPage> {
  authorize(actor, "audit.read");
  const where = auditWhere(filters);
  const [total, actions, subjectTypes] = await Promise.all([
    prisma.auditEntry.count({ where }),
    prisma.auditEntry.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    prisma.auditEntry.findMany({ distinct: ["subjectType"], select: { subjectType: true }, orderBy: { subjectType: "asc" } }),
  ]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await prisma.auditEntry.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  return {
    filters: { ...filters, page },
    ignored,
    entries: rows.map((r) => ({ ...r, id: r.id.toString() })),
    total,
    page,
    pages,
    actions: actions.map((a) => a.action),
    subjectTypes: subjectTypes.map((s) => s.subjectType),
  };
}
