import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Listing } from "@/components/listing";
import { categoryBySlug, getCatalog } from "@/lib/catalog";
import { readPageKey } from "@/lib/catalog/page-keys";

// /shop (category "all": every product, and search) and /shop/<category>.
// Static HTML per distinct filter set, kept until the catalog changes
// (lib/catalog/page-keys.ts, docs/decisions/0014). The filters, the search and
// the remembered pen arrive in [key]; nothing else of the request is read.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { category: string; key: string }[] {
  return [];
}

type Props = { params: Promise<{ category: string; key: string }> };

const ALL = "all";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category: slug } = await params;
  if (slug === ALL) {
    return { title: "All products", description: "Every kit, cartridge, aftercare product and accessory in the store.", alternates: { canonical: "/shop" } };
  }
  const category = categoryBySlug(slug);
  if (!category) return { title: "Not found" };
  return {
    title: category.title,
    description: category.intro,
    alternates: { canonical: `/shop/${category.slug}` },
    openGraph: { title: category.title, description: category.intro, url: `/shop/${category.slug}` },
  };
}

export default async function ListingPage({ params }: Props) {
  const { category: slug, key } = await params;
  const category = slug === ALL ? null : categoryBySlug(slug);
  if (slug !== ALL && !category) notFound();
  const { savedPen, ...query } = readPageKey(key);
  const catalog = await getCatalog();
  if (!category) {
    const q = query.q?.trim() ?? "";
    return (
      <>
        <h1 className="text-3xl font-semibold tracking-tight">{q ? "Search results" : "All products"}</h1>
        <div className="mt-8">
          <Listing catalog={catalog} products={catalog.products} category={null} base="/shop" params={query} savedPen={null} />
        </div>
      </>
    );
  }
  const products = catalog.products.filter((p) => p.kind === category.kind);
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">{category.title}</h1>
      <p className="mt-2 max-w-2xl text-muted">{category.intro}</p>
      <div className="mt-8">
        <Listing catalog={catalog} products={products} category={category} base={`/shop/${category.slug}`} params={query} savedPen={savedPen ?? null} />
      </div>
    </>
  );
}
