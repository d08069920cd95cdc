import type { MetadataRoute } from "next";
import { categories, getCatalog } from "@/lib/catalog";
import { getGuides } from "@/lib/guides";
import { siteUrl } from "@/lib/site";
import { infoPages } from "@/lib/site-pages";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const [catalog, guides] = await Promise.all([getCatalog(), getGuides()]);
  return [
    { url: `${base}/`, changeFrequency: "weekly", priority: 1 },
    { url: `${base}/shop`, changeFrequency: "weekly", priority: 0.6 },
    ...categories.map((c) => ({ url: `${base}/shop/${c.slug}`, changeFrequency: "weekly" as const, priority: 0.8 })),
    { url: `${base}/instructions`, changeFrequency: "monthly", priority: 0.7 },
    ...guides.map((g) => ({ url: `${base}/instructions/${g.slug}`, changeFrequency: "monthly" as const, priority: 0.6 })),
    ...catalog.products.map((p) => ({ url: `${base}/products/${p.slug}`, changeFrequency: "weekly" as const, priority: 0.7 })),
    ...infoPages.map((p) => ({ url: `${base}${p.href}`, changeFrequency: "yearly" as const, priority: 0.3 })),
  ];
}
