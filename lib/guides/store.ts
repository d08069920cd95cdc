// Guides in the database: reading versions, drafting and publishing.
// Published versions are immutable (enforced by a trigger, see the guides
// migration); editing a guide always means a new version.
import { announceInvalidation, recordInvalidation } from "@/lib/cache/invalidate";
import { CATALOG_TAG } from "@/lib/cache/tags";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { GuideAudience } from "@/lib/generated/prisma/enums";
import { parseGuideContent, sectionKinds, sectionSchemas, type GuideContent, type SectionKind } from "./content";
import type { GuideVersionView } from "./attachment";

const versionInclude = { guide: true, sections: true } as const;

type VersionRow = Prisma.GuideVersionGetPayload<{ include: typeof versionInclude }>;

function toView(row: VersionRow): GuideVersionView {
  const raw = Object.fromEntries(row.sections.map((s) => [s.kind, s.content]));
  return {
    guideSlug: row.guide.slug,
    guideTitle: row.guide.title,
    audience: row.guide.audience,
    versionId: row.id,
    number: row.number,
    publishedAt: (row.publishedAt ?? row.createdAt).toISOString(),
    changeNote: row.changeNote,
    content: parseGuideContent(raw),
  };
}

async function findVersion(prisma: Db, where: Prisma.GuideVersionWhereInput): Promise<GuideVersionView | null> {
  const row = await prisma.guideVersion.findFirst({ where, include: versionInclude });
  return row ? toView(row) : null;
}

/** One version, published or draft, by id. */
export function loadGuideVersion(prisma: Db, versionId: string): Promise<GuideVersionView | null> {
  return findVersion(prisma, { id: versionId });
}

/**
 * A published version, read once per process. Published versions never change
 * (the guides migration's trigger refuses it; a change is a new version), so
 * checkout and the pages ask the database only which version is current, and
 * not for its content and its checks again on every order or download. A
 * draft, an unknown id or a failed read is not kept: it is null (or throws)
 * and is asked again next time.
 */
export function readPublishedVersion(prisma: Db, versionId: string): Promise<GuideVersionView | null> {
  let version = publishedVersions.get(versionId);
  if (!version) {
    version = findVersion(prisma, { id: versionId, status: "PUBLISHED" });
    // A handful of guides, a version or two each: the bound only guards against surprises.
    if (publishedVersions.size >= 200) publishedVersions.clear();
    publishedVersions.set(versionId, version);
    version.then(
      (found) => found || publishedVersions.delete(versionId),
      () => publishedVersions.delete(versionId),
    );
  }
  return version;
}

/** Published versions this process has read, by id. Shared by every caller: do not change what they hold. */
const publishedVersions = new Map<string, Promise<GuideVersionView | null>>();

/** guide slug → id of its newest published version. A small live query. */
export async function currentVersionIds(prisma: Db): Promise<Map<string, string>> {
  const rows = await prisma.guideVersion.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ guideId: "asc" }, { number: "desc" }],
    distinct: ["guideId"],
    select: { id: true, guide: { select: { slug: true } } },
  });
  return new Map(rows.map((r) => [r.guide.slug, r.id]));
}

export async function loadCurrentGuide(prisma: Db, guideSlug: string): Promise<GuideVersionView | null> {
  const id = (await currentVersionIds(prisma)).get(guideSlug);
  return id ? loadGuideVersion(prisma, id) : null;
}

export type GuideSummary = {
  slug: string;
  title: string;
  summary: string;
  audience: GuideAudience;
  /** Published versions, newest (the current one) first. */
  versions: { id: string; number: number; publishedAt: string; changeNote: string }[];
  products: { slug: string; name: string; kind: string }[];
};

export async function listGuides(prisma: Db): Promise<GuideSummary[]> {
  const guides = await prisma.guide.findMany({
    orderBy: { title: "asc" },
    include: {
      versions: { where: { status: "PUBLISHED" }, orderBy: { number: "desc" } },
      products: { select: { slug: true, name: true, kind: true }, orderBy: [{ kind: "asc" }, { name: "asc" }] },
    },
  });
  return guides.map((g) => {
    const versions = g.versions.map((v) => ({
      id: v.id,
      number: v.number,
      publishedAt: v.publishedAt!.toISOString(),
      changeNote: v.changeNote,
    }));
    return {
      slug: g.slug,
      title: g.title,
      summary: g.summary,
      audience: g.audience,
      versions,
      products: g.products,
    };
  });
}

/**
 * Starts a new draft version of a guide from its newest version, with some
 * sections replaced. Each replaced section is validated first.
 */
export async function createDraft(prisma: Db, guideSlug: string, changeNote: string, changes: Partial<GuideContent> = {}): Promise<string> {
  for (const [kind, content] of Object.entries(changes)) {
    sectionSchemas[kind as SectionKind].parse(content);
  }
  return prisma.$transaction(async (tx) => {
    const guide = await tx.guide.findUniqueOrThrow({ where: { slug: guideSlug } });
    const latest = await tx.guideVersion.findFirst({
      where: { guideId: guide.id },
      orderBy: { number: "desc" },
      include: { sections: true },
    });
    const base = Object.fromEntries((latest?.sections ?? []).map((s) => [s.kind, s.content]));
    const content = parseGuideContent({ ...base, ...changes });
    const version = await tx.guideVersion.create({
      data: { guideId: guide.id, number: (latest?.number ?? 0) + 1, changeNote, status: "DRAFT" },
    });
    await tx.guideSection.createMany({
      data: sectionKinds.map((kind, position) => ({
        versionId: version.id,
        kind,
        position,
        content: content[kind] as Prisma.InputJsonValue,
      })),
    });
    return version.id;
  });
}

/** Why a version could not be published, in words for the person publishing it. */
export class GuidePublishError extends Error {}

export type PublishOptions = {
  /** Saved with the version as it is published (else the draft's own note stays). */
  changeNote?: string;
  /** More writes in the publishing transaction (the back office's audit entry). */
  also?: (tx: Prisma.TransactionClient, published: GuideVersionView, before: { changeNote: string }) => Promise<void>;
};

/**
 * Publishes a draft. From then on it is what product pages show, and it never
 * changes. The version row is locked first, so two people publishing the same
 * draft publish it once; a draft older than the newest published version is
 * refused (it would never become current).
 */
export async function publishVersion(prisma: Db, versionId: string, options: PublishOptions = {}): Promise<GuideVersionView> {
  const published = await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "GuideVersion" WHERE "id" = ${versionId} FOR UPDATE`;
    const row = await tx.guideVersion.findUnique({ where: { id: versionId }, include: versionInclude });
    if (!row) throw new GuidePublishError("That draft is no longer there (it may have been discarded).");
    if (row.status === "PUBLISHED") throw new GuidePublishError(`Guide version ${row.number} of ${row.guide.slug} is already published.`);
    const newer = await tx.guideVersion.findFirst({
      where: { guideId: row.guideId, status: "PUBLISHED", number: { gt: row.number } },
      select: { number: true },
    });
    if (newer)
      throw new GuidePublishError(`Version ${newer.number} of this guide is already published, after this draft was started. Start a new draft from it.`);
    try {
      toView(row); // refuses to publish content that does not validate
    } catch (error) {
      throw new GuidePublishError(error instanceof Error ? error.message : String(error));
    }
    const changeNote = options.changeNote ?? row.changeNote;
    await tx.guideVersion.update({ where: { id: versionId }, data: { status: "PUBLISHED", publishedAt: new Date(), changeNote } });
    const view = toView(await tx.guideVersion.findUniqueOrThrow({ where: { id: versionId }, include: versionInclude }));
    // Every cached page that showed the previous version.
    await recordInvalidation(tx, [CATALOG_TAG]);
    await options.also?.(tx, view, { changeNote: row.changeNote });
    return view;
  });
  await announceInvalidation();
  return published;
}

/** Creates the guide if needed, then drafts and publishes a version with this content. */
export async function publishGuide(
  prisma: Db,
  guide: { slug: string; title: string; summary: string; audience: GuideAudience },
  content: GuideContent,
  changeNote: string,
): Promise<string> {
  await prisma.guide.upsert({
    where: { slug: guide.slug },
    create: guide,
    update: { title: guide.title, summary: guide.summary, audience: guide.audience },
  });
  const versionId = await createDraft(prisma, guide.slug, changeNote, content);
  await publishVersion(prisma, versionId);
  return versionId;
}
