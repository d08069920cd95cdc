import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Listing } from "@/components/listing";
import { categoryBySlug, getCatalog, type SearchParams } from "@/lib/catalog";
import { savedPenSlug } from "@/lib/catalog/pen-preference";

type Props = { params: Promise<{ category: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = categoryBySlug((await params).category);
  if (!category) return { title: "Not found" };
  return {
    title: category.title,
    description: category.intro,
    alternates: { canonical: `/shop/${category.slug}` },
    openGraph: { title: category.title, description: category.intro, url: `/shop/${category.slug}` },
  };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const category = categoryBySlug((await params).category);
  if (!category) notFound();
  const [catalog, query, savedPen] = await Promise.all([getCatalog(), searchParams, savedPenSlug()]);
  const products = catalog.products.filter((p) => p.kind === category.kind);
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">{category.title}</h1>
      <p className="mt-2 max-w-2xl text-muted">{category.intro}</p>
      <div className="mt-8">
        <Listing catalog={catalog} products={products} category={category} base={`/shop/${category.slug}`} params={query} savedPen={savedPen} />
      </div>
    </>
  );
}
