import type { Metadata } from "next";
import { Listing } from "@/components/listing";
import { getCatalog, type SearchParams } from "@/lib/catalog";

export const metadata: Metadata = {
  title: "All products",
  description: "Every kit, cartridge, aftercare product and accessory in the store.",
  alternates: { canonical: "/shop" },
};

export default async function ShopPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [catalog, params] = await Promise.all([getCatalog(), searchParams]);
  const q = typeof params.q === "string" ? params.q.trim() : "";
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">{q ? "Search results" : "All products"}</h1>
      <div className="mt-8">
        <Listing catalog={catalog} products={catalog.products} category={null} base="/shop" params={params} savedPen={null} />
      </div>
    </>
  );
}
