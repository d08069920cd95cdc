import Link from "next/link";
import { PenChooser } from "@/components/pen-chooser";
import { ProductCard } from "@/components/product-card";
import { categories, getCatalog } from "@/lib/catalog";
import { readPageKey } from "@/lib/catalog/page-keys";

// The home page: static HTML per remembered pen (the pen chooser shows it),
// kept until the catalog changes (docs/decisions/0014).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { key: string }[] {
  return [];
}

const HOME_KITS = 6;

export default async function HomePage({ params }: { params: Promise<{ key: string }> }) {
  const savedPen = readPageKey((await params).key).savedPen ?? null;
  const catalog = await getCatalog();
  const kits = catalog.products.filter((p) => p.kind === "KIT");
  // A handful, not the whole range: with a large catalog every kit on the home page made it
  // hundreds of kilobytes. The kits listing has the rest.
  const shown = kits.slice(0, HOME_KITS);
  return (
    <>
      <section className="grid items-center gap-8 rounded-2xl bg-brand-soft px-6 py-10 sm:px-10 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          <h1 className="max-w-2xl text-3xl font-semibold tracking-tight sm:text-4xl">Microneedling supplies, with the instructions included</h1>
          <p className="mt-4 max-w-2xl text-lg text-muted">
            Every kit comes with how to use it, a needle-depth guide, who should not use it and what to do afterwards. Your order confirmation carries the same
            instructions for exactly what you bought.
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <Link href="/shop/kits" className="rounded bg-brand px-5 py-2.5 font-medium text-white hover:bg-brand-dark">
              Browse pen kits
            </Link>
            <Link href="/shop/cartridges" className="rounded border border-brand px-5 py-2.5 font-medium text-brand-dark hover:bg-white">
              Find cartridges for your pen
            </Link>
          </div>
        </div>
        {/* Static SVG (scripts/make-product-images.ts); below the words on a phone, smaller. */}
        {/* eslint-disable-next-line @next/next/no-img-element -- local SVG with its own size */}
        <img
          src="/images/hero.svg"
          alt="A microneedling pen, a 16-pin cartridge face and aftercare bottles"
          width={640}
          height={480}
          fetchPriority="high"
          className="mx-auto h-auto w-full max-w-xs md:max-w-none"
          data-testid="home-hero-image"
        />
      </section>

      <section aria-labelledby="pen-heading" className="mt-10 rounded-lg border border-line bg-white p-5">
        <h2 id="pen-heading" className="text-lg font-semibold">
          Cartridges only fit certain pens
        </h2>
        <p className="mt-1 text-sm text-muted">Tell us which pen you have and we will show only the cartridges that fit it.</p>
        <div className="mt-3">
          <PenChooser pens={catalog.penModels} current={savedPen} returnTo="/shop/cartridges" />
        </div>
      </section>

      <section aria-labelledby="kits-heading" className="mt-12">
        <h2 id="kits-heading" className="text-2xl font-semibold">
          Pen kits
        </h2>
        <ul className="mt-4 grid grid-cols-2 gap-4 md:grid-cols-3">
          {shown.map((p) => (
            <li key={p.id}>
              <ProductCard product={p} />
            </li>
          ))}
        </ul>
        {kits.length > shown.length && (
          <p className="mt-4">
            <Link href="/shop/kits" className="font-medium underline">
              See all {kits.length} pen kits
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="shop-heading" className="mt-12">
        <h2 id="shop-heading" className="text-2xl font-semibold">
          Shop by category
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {categories.map((c) => (
            <li key={c.slug} className="rounded-lg border border-line bg-white p-4">
              <h3 className="font-semibold">
                <Link href={`/shop/${c.slug}`} className="hover:underline">
                  {c.title}
                </Link>
              </h3>
              <p className="mt-1 text-sm text-muted">{c.intro}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
