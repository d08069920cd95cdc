// The "your guide has a newer version" mail (job "mail.guide-revised",
// enqueued by notifyRevised in lib/admin/guides.ts): loads the order, the
// version it was sold with and every version published since, and sends
// lib/mail/templates/guide-revised.tsx. Links use the configured origin only.
import type { Db } from "@/lib/db";
import { sendMail } from "@/lib/mail";
import { guideRevisedEmail } from "@/lib/mail/templates/guide-revised";
import { siteUrl } from "@/lib/site";

/** The public page of a guide (/instructions/<slug>), or of one of its published versions. */
export function guidePageUrl(guideSlug: string, versionNumber?: number): string {
  const base = `${siteUrl().replace(/\/+$/, "")}/instructions/${encodeURIComponent(guideSlug)}`;
  return versionNumber === undefined ? base : `${base}?version=${versionNumber}`;
}

export async function deliverGuideRevisedMail(prisma: Db, orderId: string, versionId: string): Promise<void> {
  const version = await prisma.guideVersion.findUnique({ where: { id: versionId }, include: { guide: true } });
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { number: true, email: true, shipName: true, items: { select: { guideVersion: { select: { guideId: true, number: true, status: true } } } } },
  });
  if (!version || version.status !== "PUBLISHED" || !order) {
    console.warn(`[mail] guide-revised email for order ${orderId} not sent: the order or version ${versionId} is gone`);
    return;
  }
  const bought = order.items
    .map((i) => i.guideVersion)
    .filter((v) => v !== null && v.guideId === version.guideId && v.status === "PUBLISHED")
    .sort((a, b) => a!.number - b!.number)[0];
  if (!bought || bought.number >= version.number) {
    console.warn(`[mail] guide-revised email for order ${orderId} not sent: it was not sold with an earlier version`);
    return;
  }
  const changes = await prisma.guideVersion.findMany({
    where: { guideId: version.guideId, status: "PUBLISHED", number: { gt: bought.number, lte: version.number } },
    orderBy: { number: "asc" },
    select: { number: true, changeNote: true },
  });
  const email = await guideRevisedEmail({
    orderNumber: order.number,
    shipName: order.shipName,
    guideTitle: version.guide.title,
    boughtNumber: bought.number,
    changes,
    currentUrl: guidePageUrl(version.guide.slug),
    boughtUrl: guidePageUrl(version.guide.slug, bought.number),
  });
  await sendMail({ to: order.email, ...email });
}
