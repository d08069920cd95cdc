import Link from "next/link";
import { ProductCard } from "@/components/product-card";
import { getCatalog } from "@/lib/catalog";
import { goesWith } from "@/lib/catalog/goes-with";
import type { CatalogProduct } from "@/lib/catalog/types";

/**
 * A few products that go with this one (lib/catalog/goes-with.ts), as cards.
 * Part of the static product page: it reads the catalog only.
 */
export async function GoesWith({ product }: { product: CatalogProduct }) {
  const { heading, products, pen, total } = goesWith(await getCatalog(), product);
  if (products.length === 0) return null;
  return (
    <section aria-labelledby="goes-with-heading" className="render-when-near mt-12 no-print" data-testid="goes-with">
      <h2 id="goes-with-heading" className="text-xl font-semibold">
        {heading}
      </h2>
      <ul className="mt-4 grid grid-cols-2 gap-4 md:grid-cols-4">
        {products.map((p) => (
          <li key={p.slug} className="flex">
            <ProductCard product={p} />
          </li>
        ))}
      </ul>
      {pen && total > products.length && (
        <p className="mt-3 text-sm">
          <Link href={`/shop/cartridges?pen=${encodeURIComponent(pen.slug)}`} className="underline">
            All {total} cartridges that fit the {pen.name}
          </Link>
        </p>
      )}
    </section>
  );
}
