// The claims check over everything the store says: product copy, pen models,
// tags, guides and every published guide section.
import type { Db } from "@/lib/db";
import { copyItems, findClaims, type ClaimFinding, type CopyItem } from "./claims";

async function storeCopy(prisma: Db): Promise<CopyItem[]> {
  const [products, pens, concerns, areas, guides, sections] = await Promise.all([
    prisma.product.findMany({ include: { variants: { select: { sku: true, label: true, needleMaterial: true } } } }),
    prisma.penModel.findMany(),
    prisma.concern.findMany(),
    prisma.treatmentArea.findMany(),
    prisma.guide.findMany(),
    prisma.guideSection.findMany({ include: { version: { include: { guide: { select: { slug: true } } } } } }),
  ]);
  return [
    ...products.flatMap((p) =>
      copyItems(`product “${p.name}” (${p.slug})`, { name: p.name, tagline: p.tagline, description: p.description, variants: p.variants }),
    ),
    ...pens.flatMap((m) => copyItems(`pen model “${m.name}”`, { name: m.name, summary: m.summary })),
    ...[...concerns, ...areas].flatMap((t) => copyItems(`tag “${t.slug}”`, t.name)),
    ...guides.flatMap((g) => copyItems(`guide “${g.title}”`, { title: g.title, summary: g.summary })),
    ...sections.flatMap((s) => copyItems(`guide ${s.version.guide.slug} v${s.version.number} ${s.kind}`, s.content)),
  ];
}

export async function scanStoreCopy(prisma: Db): Promise<ClaimFinding[]> {
  return findClaims(await storeCopy(prisma));
}
