// The back office's guides: drafting the next version of a guide section by
// section, comparing it with the published one, publishing it (the owner)
// with a change note, and finding and telling the customers whose orders
// came with an earlier version. Published versions never change (a database
// trigger, see the guides migration); a draft is the one version that can.
//
// A section's content is structured (lib/guides/content.ts). The editor shows
// it as form fields (sectionFields below): a paragraph as a text box, a list
// as one item per line, a small table as one row per line with its columns
// split by "|", and the depth guide's tables as JSON. The same fields turn
// the content into lines for the diff.
import { copyItems, findClaims } from "@/lib/copy/claims";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { sectionKinds, sectionSchemas, sectionTitles, type SectionKind } from "@/lib/guides/content";
import type { GuideVersionView } from "@/lib/guides/attachment";
import { GuidePublishError, loadGuideVersion, publishVersion } from "@/lib/guides/store";
import { enqueueJob, kickJobs } from "@/lib/jobs";
import { recordOrderEvent } from "@/lib/orders/events";
import { paidStatuses } from "@/lib/orders/status";
import { ActionError } from "./actions";
import { recordAudit } from "./audit";
import { authorize, type Actor } from "./roles";

export const CHANGE_NOTE_MAX = 500;
export const ORDERS_PAGE_SIZE = 25;

// ------------------------------------------------------------------ the fields of a section

type Path = (string | number)[];

export type SectionField = {
  /** The form field's name: the content path joined with dots ("windows.0.title"). */
  name: string;
  path: Path;
  label: string;
  hint?: string;
  /**
   * text: one paragraph; lines: a list, one item per line; rows: a list of
   * small records, one per line, columns split by "|"; number; json: the
   * value as JSON (the depth guide's tables).
   */
  type: "text" | "lines" | "rows" | "number" | "json";
  columns?: { key: string; label: string; integer?: boolean }[];
};

const f = (path: Path, label: string, type: SectionField["type"], extra: Partial<SectionField> = {}): SectionField => ({
  name: path.join("."),
  path,
  label,
  type,
  hint: extra.hint ?? (type === "lines" ? "One per line." : undefined),
  ...extra,
});

const windowLabels: Record<string, string> = { "0-24h": "First 24 hours", "24-72h": "24 to 72 hours", "3-7d": "Days 3 to 7", "1-2w": "Weeks 1 to 2" };

/** The form fields of a section, in the order the editor shows them. */
export function sectionFields(kind: SectionKind): SectionField[] {
  switch (kind) {
    case "PREPARATION":
      return [f(["intro"], "Introduction", "text"), f(["youWillNeed"], "You will need", "lines"), f(["steps"], "Steps", "lines")];
    case "NUMBING":
      return [f(["paragraphs"], "Paragraphs", "lines", { hint: "One paragraph per line." }), f(["cautions"], "Cautions", "lines")];
    case "PEN_SETUP":
      return [f(["steps"], "Steps", "lines"), f(["warnings"], "Warnings", "lines", { hint: "One per line; each is shown as a warning note." })];
    case "TECHNIQUE":
      return [
        f(["steps"], "Steps", "lines"),
        f(["avoidAreas"], "Areas to avoid", "lines"),
        f(["speedLevels"], "Speed levels", "rows", {
          hint: "One per line: area | speed level. May be left empty.",
          columns: [
            { key: "area", label: "area" },
            { key: "level", label: "speed level" },
          ],
        }),
      ];
    case "DEPTH_GUIDE":
      return [
        f(["intro"], "Introduction", "text"),
        f(["homeFaceMaxMm"], "Home cap for the face (mm)", "number"),
        f(["beginnerMaxMm"], "Cap for beginners (mm)", "number"),
        f(["areas"], "Areas (JSON)", "json", { hint: "A list of { slug, name, thinSkin }." }),
        f(["concerns"], "Concerns (JSON)", "json", { hint: "A list of { slug, name }." }),
        f(["entries"], "Depth table (JSON)", "json", {
          hint: "A list of { area, concern, homeMinMm, homeMaxMm, professionalReferenceMm, note }; null depths mean professional only.",
        }),
      ];
    case "AFTERCARE":
      return [
        ...["0-24h", "24-72h", "3-7d", "1-2w"].flatMap((key, i) => [
          f(["windows", i, "title"], `${windowLabels[key]}: title`, "text"),
          f(["windows", i, "guidance"], `${windowLabels[key]}: what to do`, "lines"),
          f(["windows", i, "avoid"], `${windowLabels[key]}: what to avoid`, "lines", { hint: "One per line. May be left empty." }),
          f(["windows", i, "productSlugs"], `${windowLabels[key]}: products (slugs)`, "lines", { hint: "One product slug per line, e.g. calming-serum." }),
        ]),
        f(["redFlags"], "When to stop and get advice", "lines"),
      ];
    case "INTERVALS":
      return [
        f(["rows"], "Waiting times", "rows", {
          hint: "One per line: depth | days between sessions | what to say.",
          columns: [
            { key: "depth", label: "depth" },
            { key: "minDaysBetween", label: "days between sessions", integer: true },
            { key: "text", label: "what to say" },
          ],
        }),
        f(["note"], "Note", "text"),
      ];
    case "CONTRAINDICATIONS":
      return [f(["intro"], "Introduction", "text"), f(["doNotUse"], "Do not use if", "lines"), f(["askFirst"], "Ask a doctor first if", "lines")];
    case "DISPOSAL":
      return [f(["singleUse"], "Single use", "lines"), f(["disposal"], "Disposal", "lines")];
  }
}

function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const key of path) v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[key] : undefined;
  return v;
}

function setAt(value: unknown, path: Path, next: unknown): void {
  let v = value as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) v = v[key] as Record<string | number, unknown>;
  v[path[path.length - 1]!] = next;
}

/** What a field's box shows for this content. */
export function fieldValue(field: SectionField, content: unknown): string {
  const v = getAt(content, field.path);
  switch (field.type) {
    case "text":
      return typeof v === "string" ? v : "";
    case "number":
      return typeof v === "number" ? String(v) : "";
    case "lines":
      return Array.isArray(v) ? v.map(String).join("\n") : "";
    case "rows":
      return Array.isArray(v) ? v.map((row) => field.columns!.map((c) => String((row as Record<string, unknown>)[c.key] ?? "")).join(" | ")).join("\n") : "";
    case "json":
      return JSON.stringify(v ?? null, null, 2);
  }
}

const splitLines = (raw: string) =>
  raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The section's content with the form's fields put in; a field that cannot be read is an ActionError next to it. */
export function contentFromFields(kind: SectionKind, base: unknown, fields: Record<string, string | undefined>): unknown {
  const content = structuredClone(base ?? {}) as Record<string, unknown>;
  for (const field of sectionFields(kind)) {
    const raw = fields[field.name];
    if (raw === undefined) continue;
    let value: unknown;
    switch (field.type) {
      case "text":
        value = raw.replace(/\s*\r?\n\s*/g, " ").trim();
        break;
      case "lines":
        value = splitLines(raw);
        break;
      case "number": {
        const n = Number(raw.trim().replace(",", "."));
        if (!raw.trim() || !Number.isFinite(n)) throw new ActionError(`${field.label}: enter a number, such as 1.5.`, field.name);
        value = n;
        break;
      }
      case "json":
        try {
          value = JSON.parse(raw);
        } catch (error) {
          throw new ActionError(`${field.label}: this is not valid JSON (${error instanceof Error ? error.message : "unreadable"}).`, field.name);
        }
        break;
      case "rows": {
        const columns = field.columns!;
        value = splitLines(raw).map((line, i) => {
          const parts = line.split("|").map((p) => p.trim());
          if (parts.length !== columns.length) {
            throw new ActionError(
              `${field.label}: line ${i + 1} needs ${columns.length} parts split by “|” (${columns.map((c) => c.label).join(" | ")}).`,
              field.name,
            );
          }
          return Object.fromEntries(
            columns.map((c, j) => {
              if (!c.integer) return [c.key, parts[j]];
              const n = Number(parts[j]);
              if (!/^\d+$/.test(parts[j]!) || !Number.isSafeInteger(n))
                throw new ActionError(`${field.label}: line ${i + 1}: ${c.label} must be a whole number.`, field.name);
              return [c.key, n];
            }),
          );
        });
        break;
      }
    }
    setAt(content, field.path, value);
  }
  return content;
}

/** The field a content path falls in (the first field when none does). */
function fieldAt(kind: SectionKind, path: readonly PropertyKey[]): { field: SectionField; rest: PropertyKey[] } {
  const fields = sectionFields(kind);
  const field = fields.find((fl) => fl.path.every((k, i) => String(path[i]) === String(k))) ?? fields[0]!;
  return { field, rest: field.path.every((k, i) => String(path[i]) === String(k)) ? path.slice(field.path.length) : [...path] };
}

function where(field: SectionField, rest: PropertyKey[]): string {
  if (!rest.length) return "";
  if ((field.type === "lines" || field.type === "rows") && typeof rest[0] === "number") return `line ${rest[0] + 1}: `;
  return `at ${rest.map(String).join(".")}: `;
}

type Issue = { code: string; path: PropertyKey[]; message: string; origin?: string; minimum?: unknown; maximum?: unknown };

function issueMessage(field: SectionField, rest: PropertyKey[], issue: Issue): string {
  const listy = field.type === "lines" || field.type === "rows";
  let what = issue.message;
  if (issue.code === "too_small") {
    if (issue.origin === "array") what = listy && !rest.length ? `add at least ${issue.minimum} line` : `needs at least ${issue.minimum} item(s)`;
    else if (issue.origin === "string") what = "this cannot be empty";
    else what = `must be at least ${issue.minimum}`;
  } else if (issue.code === "too_big") {
    if (issue.origin === "array") what = listy && !rest.length ? `keep to at most ${issue.maximum} lines` : `at most ${issue.maximum} item(s)`;
    else if (issue.origin === "string") what = `keep this under ${issue.maximum} characters`;
    else what = `must be at most ${issue.maximum}`;
  }
  return `${field.label}: ${where(field, rest)}${what}.`;
}

/**
 * Checks a section's new content: its schema, then the claims the store must
 * never make. Returns the parsed content, or throws an ActionError next to the field.
 */
export function checkSection(kind: SectionKind, content: unknown): unknown {
  const parsed = sectionSchemas[kind].safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]! as unknown as Issue;
    const { field, rest } = fieldAt(kind, issue.path);
    throw new ActionError(issueMessage(field, rest, issue), field.name);
  }
  const finding = findClaims(copyItems(sectionTitles[kind], parsed.data))[0];
  if (finding) {
    const path = [...finding.field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
    const { field, rest } = fieldAt(kind, path);
    throw new ActionError(
      `${field.label}: ${where(field, rest)}“${finding.phrase}” is a claim the store must not make (${finding.claim}). Please say it another way.`,
      field.name,
    );
  }
  return parsed.data;
}

/** A section as lines of text, the way its editor shows it: what the diff compares. */
export function sectionLines(kind: SectionKind, content: unknown): string[] {
  return sectionFields(kind).flatMap((field) => {
    const value = fieldValue(field, content);
    return [`${field.label}:`, ...(value ? value.split("\n").map((l) => `  ${l}`) : ["  (empty)"])];
  });
}

export type DiffLine = { op: "same" | "add" | "del"; text: string };

/** A line diff by longest common subsequence (sections are at most a few hundred lines). */
export function diffLines(before: string[], after: string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ op: "same", text: before[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: "del", text: before[i++]! });
    else out.push({ op: "add", text: after[j++]! });
  }
  while (i < n) out.push({ op: "del", text: before[i++]! });
  while (j < m) out.push({ op: "add", text: after[j++]! });
  return out;
}

// ------------------------------------------------------------------ reading

export type GuideOverview = {
  slug: string;
  title: string;
  audience: string;
  current: { id: string; number: number; publishedAt: string; changeNote: string } | null;
  draft: { id: string; number: number; createdAt: string; changeNote: string } | null;
  products: { slug: string; name: string; kind: string }[];
};

export async function guidesOverview(db: Db, actor: Actor): Promise<GuideOverview[]> {
  authorize(actor, "guides.draft");
  const guides = await db.guide.findMany({
    orderBy: { title: "asc" },
    include: {
      versions: { orderBy: { number: "desc" }, select: { id: true, number: true, status: true, publishedAt: true, createdAt: true, changeNote: true } },
      products: { select: { slug: true, name: true, kind: true }, orderBy: [{ kind: "asc" }, { name: "asc" }] },
    },
  });
  return guides.map((g) => {
    const current = g.versions.find((v) => v.status === "PUBLISHED");
    const draft = g.versions.find((v) => v.status === "DRAFT");
    return {
      slug: g.slug,
      title: g.title,
      audience: g.audience,
      current: current ? { id: current.id, number: current.number, publishedAt: current.publishedAt!.toISOString(), changeNote: current.changeNote } : null,
      draft: draft ? { id: draft.id, number: draft.number, createdAt: draft.createdAt.toISOString(), changeNote: draft.changeNote } : null,
      products: g.products,
    };
  });
}

export type GuideDetail = GuideOverview & {
  summary: string;
  /** Published versions, newest first, with how many orders each was sold with. */
  versions: { id: string; number: number; publishedAt: string; changeNote: string; orders: number }[];
  /** The open draft's content, when there is one. */
  draftView: GuideVersionView | null;
};

export async function guideDetail(db: Db, actor: Actor, slug: string): Promise<GuideDetail | null> {
  authorize(actor, "guides.draft");
  const guide = await db.guide.findUnique({
    where: { slug },
    include: {
      versions: { orderBy: { number: "desc" } },
      products: { select: { slug: true, name: true, kind: true }, orderBy: [{ kind: "asc" }, { name: "asc" }] },
    },
  });
  if (!guide) return null;
  const published = guide.versions.filter((v) => v.status === "PUBLISHED");
  const draft = guide.versions.find((v) => v.status === "DRAFT") ?? null;
  const counts = published.length
    ? await db.$queryRaw<{ id: string; n: bigint }[]>`
        SELECT "guideVersionId" AS id, COUNT(DISTINCT "orderId") AS n FROM "OrderItem"
        WHERE "guideVersionId" IN (${Prisma.join(published.map((v) => v.id))}) GROUP BY "guideVersionId"`
    : [];
  const orders = new Map(counts.map((c) => [c.id, Number(c.n)]));
  const current = published[0];
  return {
    slug: guide.slug,
    title: guide.title,
    summary: guide.summary,
    audience: guide.audience,
    current: current ? { id: current.id, number: current.number, publishedAt: current.publishedAt!.toISOString(), changeNote: current.changeNote } : null,
    draft: draft ? { id: draft.id, number: draft.number, createdAt: draft.createdAt.toISOString(), changeNote: draft.changeNote } : null,
    products: guide.products,
    versions: published.map((v) => ({
      id: v.id,
      number: v.number,
      publishedAt: v.publishedAt!.toISOString(),
      changeNote: v.changeNote,
      orders: orders.get(v.id) ?? 0,
    })),
    draftView: draft ? await loadGuideVersion(db, draft.id) : null,
  };
}

export type SectionDiff = { kind: SectionKind; title: string; changed: boolean; lines: DiffLine[] };

/** The open draft against the published version, section by section; null when there is no draft. */
export async function draftDiff(db: Db, actor: Actor, slug: string): Promise<{ guide: GuideDetail; sections: SectionDiff[] } | null> {
  const guide = await guideDetail(db, actor, slug);
  if (!guide?.draftView) return null;
  const published = guide.current ? await loadGuideVersion(db, guide.current.id) : null;
  const sections = sectionKinds.map((kind) => {
    const lines = diffLines(published ? sectionLines(kind, published.content[kind]) : [], sectionLines(kind, guide.draftView!.content[kind]));
    return { kind, title: sectionTitles[kind], changed: lines.some((l) => l.op !== "same"), lines };
  });
  return { guide, sections };
}

// ------------------------------------------------------------------ drafting

async function lockDraft(tx: Prisma.TransactionClient, versionId: string) {
  await tx.$queryRaw`SELECT "id" FROM "GuideVersion" WHERE "id" = ${versionId} FOR UPDATE`;
  const version = await tx.guideVersion.findUnique({ where: { id: versionId }, include: { guide: true, sections: true } });
  if (!version) throw new ActionError("That draft is no longer there (it may have been published or discarded).");
  if (version.status !== "DRAFT") {
    throw new ActionError(`Version ${version.number} of ${version.guide.title} is published and can never change. Start a new draft to change the guide.`);
  }
  return version;
}

/**
 * The open draft of a guide: the one there is, or a new one copied from the
 * newest published version. One draft per guide at a time (the guide's row is
 * locked, so two tabs starting a draft get the same one).
 */
export async function startDraft(db: Db, actor: Actor, guideSlug: string): Promise<{ versionId: string; number: number; created: boolean }> {
  authorize(actor, "guides.draft");
  return db.$transaction(async (tx) => {
    const [guide] = await tx.$queryRaw<{ id: string; title: string }[]>`SELECT "id", "title" FROM "Guide" WHERE "slug" = ${guideSlug} FOR UPDATE`;
    if (!guide) throw new ActionError("We could not find that guide.");
    const open = await tx.guideVersion.findFirst({ where: { guideId: guide.id, status: "DRAFT" }, orderBy: { number: "desc" } });
    if (open) return { versionId: open.id, number: open.number, created: false };
    const base = await tx.guideVersion.findFirst({
      where: { guideId: guide.id, status: "PUBLISHED" },
      orderBy: { number: "desc" },
      include: { sections: true },
    });
    if (!base) throw new ActionError("This guide has no published version to start from.");
    const last = await tx.guideVersion.findFirst({ where: { guideId: guide.id }, orderBy: { number: "desc" }, select: { number: true } });
    const version = await tx.guideVersion.create({ data: { guideId: guide.id, number: (last?.number ?? 0) + 1, changeNote: "", status: "DRAFT" } });
    await tx.guideSection.createMany({
      data: base.sections.map((s) => ({ versionId: version.id, kind: s.kind, position: s.position, content: s.content as Prisma.InputJsonValue })),
    });
    await recordAudit(tx, actor, {
      action: "guide.draft",
      subjectType: "guide",
      subjectId: version.id,
      subjectLabel: `${guide.title}, draft of version ${version.number}`,
      after: { guide: guideSlug, number: version.number, from: { versionId: base.id, number: base.number } },
    });
    return { versionId: version.id, number: version.number, created: true };
  });
}

export type SectionUpdate = {
  versionId: string;
  kind: SectionKind;
  /** The new content; or, from the editor's form, `fields` put into the draft's content. */
  content?: unknown;
  fields?: Record<string, string | undefined>;
};

/** Replaces one section of a draft, after checking it against its schema and the claims the store must not make. */
export async function updateDraftSection(db: Db, actor: Actor, input: SectionUpdate): Promise<{ guideSlug: string; changed: boolean }> {
  authorize(actor, "guides.draft");
  if (!(sectionKinds as readonly string[]).includes(input.kind)) throw new ActionError("We could not find that section.");
  return db.$transaction(async (tx) => {
    const version = await lockDraft(tx, input.versionId);
    const section = version.sections.find((s) => s.kind === input.kind);
    if (!section) throw new ActionError("We could not find that section in the draft.");
    const raw = input.fields ? contentFromFields(input.kind, section.content, input.fields) : input.content;
    const content = checkSection(input.kind, raw);
    if (JSON.stringify(content) === JSON.stringify(section.content)) return { guideSlug: version.guide.slug, changed: false };
    await tx.guideSection.update({ where: { id: section.id }, data: { content: content as Prisma.InputJsonValue } });
    await recordAudit(tx, actor, {
      action: "guide.section",
      subjectType: "guide",
      subjectId: version.id,
      subjectLabel: `${version.guide.title}, draft of version ${version.number}: ${sectionTitles[input.kind]}`,
      before: { kind: input.kind, content: section.content },
      after: { kind: input.kind, content },
    });
    return { guideSlug: version.guide.slug, changed: true };
  });
}

function checkChangeNote(note: string, required: boolean): string {
  const clean = note.replace(/\s+/g, " ").trim();
  if (required && !clean) throw new ActionError("Say in a sentence what changed: customers see this note with the guide.", "changeNote");
  if (clean.length > CHANGE_NOTE_MAX) throw new ActionError(`Keep the change note under ${CHANGE_NOTE_MAX} characters.`, "changeNote");
  const finding = findClaims([{ source: "change note", field: "changeNote", text: clean }])[0];
  if (finding) throw new ActionError(`“${finding.phrase}” is a claim the store must not make (${finding.claim}). Please say it another way.`, "changeNote");
  return clean;
}

export async function setDraftChangeNote(db: Db, actor: Actor, input: { versionId: string; changeNote: string }): Promise<{ guideSlug: string }> {
  authorize(actor, "guides.draft");
  const changeNote = checkChangeNote(input.changeNote, false);
  return db.$transaction(async (tx) => {
    const version = await lockDraft(tx, input.versionId);
    await tx.guideVersion.update({ where: { id: version.id }, data: { changeNote } });
    await recordAudit(tx, actor, {
      action: "guide.note",
      subjectType: "guide",
      subjectId: version.id,
      subjectLabel: `${version.guide.title}, draft of version ${version.number}`,
      before: { changeNote: version.changeNote },
      after: { changeNote },
    });
    return { guideSlug: version.guide.slug };
  });
}

export async function discardDraft(db: Db, actor: Actor, input: { versionId: string }): Promise<{ guideSlug: string; number: number }> {
  authorize(actor, "guides.draft");
  return db.$transaction(async (tx) => {
    const version = await lockDraft(tx, input.versionId);
    await tx.guideSection.deleteMany({ where: { versionId: version.id } });
    await tx.guideVersion.delete({ where: { id: version.id } });
    await recordAudit(tx, actor, {
      action: "guide.discard",
      subjectType: "guide",
      subjectId: version.id,
      subjectLabel: `${version.guide.title}, draft of version ${version.number}`,
      before: { number: version.number, changeNote: version.changeNote, sections: Object.fromEntries(version.sections.map((s) => [s.kind, s.content])) },
    });
    return { guideSlug: version.guide.slug, number: version.number };
  });
}

/** Publishes the open draft with its change note (the owner). Product pages show it at once; past orders keep theirs. */
export async function publishDraft(db: Db, actor: Actor, input: { versionId: string; changeNote: string }): Promise<GuideVersionView> {
  authorize(actor, "guides.publish");
  const changeNote = checkChangeNote(input.changeNote, true);
  try {
    return await publishVersion(db, input.versionId, {
      changeNote,
      also: async (tx, published, before) => {
        const previous = await tx.guideVersion.findFirst({
          where: { guide: { slug: published.guideSlug }, status: "PUBLISHED", number: { lt: published.number } },
          orderBy: { number: "desc" },
          select: { id: true, number: true },
        });
        await recordAudit(tx, actor, {
          action: "guide.publish",
          subjectType: "guide",
          subjectId: published.versionId,
          subjectLabel: `${published.guideTitle}, version ${published.number}`,
          before: { status: "DRAFT", changeNote: before.changeNote, current: previous },
          after: { status: "PUBLISHED", number: published.number, changeNote, publishedAt: published.publishedAt },
        });
      },
    });
  } catch (error) {
    if (error instanceof GuidePublishError) throw new ActionError(error.message);
    throw error;
  }
}

// ------------------------------------------------------------------ orders by version

export type VersionOrders = {
  version: { id: string; number: number; status: string; publishedAt: string | null; changeNote: string; guideSlug: string; guideTitle: string };
  /** The guide's current version, when it is newer than this one. */
  newer: { id: string; number: number } | null;
  orders: { id: string; number: string; createdAt: string; email: string; status: OrderStatus }[];
  total: number;
  /** Of them, paid orders (those a revision mail would go to). */
  paid: number;
  page: number;
  pages: number;
};

/** The orders whose items were sold with this version, newest first, a page at a time. */
export async function ordersWithVersion(db: Db, actor: Actor, versionId: string, page = 1): Promise<VersionOrders | null> {
  authorize(actor, "guides.draft");
  const version = await db.guideVersion.findUnique({ where: { id: versionId }, include: { guide: true } });
  if (!version) return null;
  const current = await db.guideVersion.findFirst({ where: { guideId: version.guideId, status: "PUBLISHED" }, orderBy: { number: "desc" } });
  const where = { items: { some: { guideVersionId: versionId } } };
  const [total, paid] = await Promise.all([db.order.count({ where }), db.order.count({ where: { ...where, status: { in: [...paidStatuses] } } })]);
  const pages = Math.max(1, Math.ceil(total / ORDERS_PAGE_SIZE));
  const at = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const orders = await db.order.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (at - 1) * ORDERS_PAGE_SIZE,
    take: ORDERS_PAGE_SIZE,
    select: { id: true, number: true, createdAt: true, email: true, status: true },
  });
  return {
    version: {
      id: version.id,
      number: version.number,
      status: version.status,
      publishedAt: version.publishedAt?.toISOString() ?? null,
      changeNote: version.changeNote,
      guideSlug: version.guide.slug,
      guideTitle: version.guide.title,
    },
    newer: current && current.number > version.number ? { id: current.id, number: current.number } : null,
    orders: orders.map((o) => ({ ...o, createdAt: o.createdAt.toISOString() })),
    total,
    paid,
    page: at,
    pages,
  };
}

/** The dedupe key of "this order's customer was told about this version": pressing twice mails once. */
export const guideRevisedKey = (orderId: string, newVersionId: string) => `mail:guide-revised:${orderId}:${newVersionId}`;

/**
 * Emails every paid order sold with `fromVersionId` a link to the guide's
 * current version (the owner). Each mail is a durable job, enqueued once per
 * order and new version; each order's timeline says so.
 */
export async function notifyRevised(
  db: Db,
  actor: Actor,
  input: { fromVersionId: string },
): Promise<{ guideSlug: string; newVersionNumber: number; enqueued: number; alreadyMailed: number }> {
  authorize(actor, "guides.notify");
  const result = await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "GuideVersion" WHERE "id" = ${input.fromVersionId} FOR UPDATE`;
      const from = await tx.guideVersion.findUnique({ where: { id: input.fromVersionId }, include: { guide: true } });
      if (!from) throw new ActionError("We could not find that guide version.");
      if (from.status !== "PUBLISHED") throw new ActionError("That version is a draft: no order was sold with it.");
      const current = await tx.guideVersion.findFirst({ where: { guideId: from.guideId, status: "PUBLISHED" }, orderBy: { number: "desc" } });
      if (!current || current.number <= from.number) {
        throw new ActionError(`Version ${from.number} is the current version of ${from.guide.title}: there is no newer one to tell customers about.`);
      }
      const orders = await tx.order.findMany({
        where: { status: { in: [...paidStatuses] }, items: { some: { guideVersionId: from.id } } },
        select: { id: true, number: true },
        orderBy: { createdAt: "asc" },
      });
      let enqueued = 0;
      for (const order of orders) {
        const made = await enqueueJob(tx, {
          kind: "mail.guide-revised",
          payload: { orderId: order.id, versionId: current.id },
          dedupeKey: guideRevisedKey(order.id, current.id),
        });
        if (!made) continue;
        enqueued++;
        await recordOrderEvent(tx, {
          orderId: order.id,
          kind: "guide.revised-mailed",
          actorKind: actor.kind === "cli" ? "SYSTEM" : "STAFF",
          actorEmail: actor.email,
          message: `We emailed a link to version ${current.number} of ${from.guide.title}; the version sold with this order (${from.number}) stays with it.`,
          data: { fromVersionId: from.id, fromNumber: from.number, toVersionId: current.id, toNumber: current.number },
          customerVisible: true,
        });
      }
      await recordAudit(tx, actor, {
        action: "guide.notify",
        subjectType: "guide",
        subjectId: from.id,
        subjectLabel: `${from.guide.title}, version ${from.number}: revised-guide email`,
        after: { toVersionId: current.id, toNumber: current.number, paidOrders: orders.length, enqueued, alreadyMailed: orders.length - enqueued },
      });
      return { guideSlug: from.guide.slug, newVersionNumber: current.number, enqueued, alreadyMailed: orders.length - enqueued };
    },
    { timeout: 60_000 },
  );
  if (result.enqueued) kickJobs();
  return result;
}
