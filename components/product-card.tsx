import Link from "next/link";
import { formatMoney, stockStatus } from "@/lib/catalog/format";
import type { CatalogProduct, CatalogVariant } from "@/lib/catalog/types";

/** One product in a listing: picture, name, the cheapest matching price, availability. */
export function ProductCard({ product, variants }: { product: CatalogProduct; variants?: CatalogVariant[] }) {
  const shown = variants && variants.length ? variants : product.variants;
  const from = Math.min(...shown.map((v) => v.priceCents));
  const several = new Set(shown.map((v) => v.priceCents)).size > 1;
  const anyInStock = shown.some((v) => v.stock > 0);
  const status = stockStatus(anyInStock ? Math.max(...shown.map((v) => v.stock)) : 0);
  const href =
    shown.length === 1 && product.variants.length > 1 ? `/products/${product.slug}?variant=${encodeURIComponent(shown[0]!.sku)}` : `/products/${product.slug}`;
  return (
    <article className="group relative flex flex-col rounded-lg border border-line bg-white p-3 shadow-sm hover:shadow">
      {/* eslint-disable-next-line @next/next/no-img-element -- small local SVGs need no optimisation */}
      <img src={product.imagePath} alt="" width={400} height={400} className="aspect-square w-full rounded" loading="lazy" />
      <h3 className="mt-3 font-semibold leading-snug">
        <Link href={href} className="after:absolute after:inset-0 hover:underline">
          {product.name}
        </Link>
      </h3>
      <p className="mt-1 flex-1 text-sm text-muted">{product.tagline}</p>
      <p className="mt-3 flex items-baseline justify-between text-sm">
        <span className="text-base font-semibold">
          {several ? "From " : ""}
          {formatMoney(from, shown[0]?.currency)}
        </span>
        <span className={status.tone === "out" ? "text-danger" : status.tone === "low" ? "text-warn" : "text-brand-dark"}>{status.label}</span>
      </p>
      {shown.some((v) => !v.homeUse) && <p className="mt-2 rounded bg-warn-soft px-2 py-1 text-xs text-warn">For trained professionals</p>}
    </article>
  );
}
