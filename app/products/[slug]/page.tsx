import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  categoryForKind,
  formatDate,
  formatMoney,
  getLiveStock,
  getProduct,
  needleConfig,
  needleConfigLabel,
  sterilizationLabel,
  stockStatus,
  type CatalogProduct,
  type CatalogVariant,
  type SearchParams,
} from "@/lib/catalog";
import { jsonForScript, productJsonLd } from "@/lib/catalog/json-ld";
import { AddToCart } from "@/components/add-to-cart";
import { mayBuy, PROFESSIONAL_ONLY_MESSAGE } from "@/lib/cart";
import { DepthFinder } from "@/components/guide/depth-finder";
import { InstructionsContents, InstructionsSections } from "@/components/guide/instructions-view";
import { compatiblePensAnchor, getInstructionsForProduct, sectionAnchors } from "@/lib/guides";
import { savedPenSlug } from "@/lib/catalog/pen-preference";
import { siteUrl } from "@/lib/site";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

function selectedVariant(product: CatalogProduct, params: SearchParams): CatalogVariant {
  const wanted = typeof params.variant === "string" ? params.variant : null;
  // An unknown SKU in the URL falls back to the first variant rather than failing.
  return product.variants.find((v) => v.sku === wanted) ?? product.variants[0]!;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const product = await getProduct((await params).slug);
  if (!product || product.variants.length === 0) return { title: "Product not found" };
  const variant = selectedVariant(product, await searchParams);
  const title = product.variants.length > 1 ? `${product.name}, ${variant.label}` : product.name;
  return {
    title,
    description: product.tagline,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: {
      title,
      description: product.tagline,
      url: `/products/${product.slug}`,
      images: [{ url: product.imagePath, width: 800, height: 800, alt: product.name }],
    },
  };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const product = await getProduct((await params).slug);
  if (!product || product.variants.length === 0) notFound();
  const [query, stock, savedPen, instructions] = await Promise.all([
    searchParams,
    getLiveStock(product.slug),
    savedPenSlug(),
    getInstructionsForProduct(product),
  ]);
  const variant = selectedVariant(product, query);
  const status = stockStatus(stock.get(variant.sku) ?? 0);
  const category = categoryForKind(product.kind);
  const config = needleConfig(variant);
  const savedPenFit = product.kind === "CARTRIDGE" && savedPen ? product.fits.some((f) => f.pen.slug === savedPen) : null;
  const savedPenName = product.fits.find((f) => f.pen.slug === savedPen)?.pen.name;
  const doc = instructions ? pageDoc(instructions.doc) : null;

  const specs: [string, string][] = [];
  if (config) specs.push(["Needle configuration", needleConfigLabel(config)]);
  if (variant.needleMaterial) specs.push(["Needle material", variant.needleMaterial]);
  if (sterilizationLabel(variant.sterilization)) specs.push(["Sterilization", sterilizationLabel(variant.sterilization)!]);
  if (variant.maxDepthMm !== null) specs.push(["Made for depths up to", `${variant.maxDepthMm} mm`]);
  specs.push(["Pack", `${variant.packSize} ${variant.packUnit}`]);
  specs.push(["Use", variant.homeUse ? "Home use" : "Trained professionals only"]);
  specs.push(["SKU", variant.sku]);

  return (
    <article>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(productJsonLd(product, siteUrl(), stock)) }} />
      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-muted">
        <ol className="flex flex-wrap gap-2">
          <li>
            <Link href="/" className="underline">
              Home
            </Link>{" "}
            /
          </li>
          <li>
            <Link href={`/shop/${category.slug}`} className="underline">
              {category.title}
            </Link>{" "}
            /
          </li>
          <li aria-current="page">{product.name}</li>
        </ol>
      </nav>

      <div className="grid gap-8 md:grid-cols-2">
        {/* eslint-disable-next-line @next/next/no-img-element -- local SVG */}
        <img src={product.imagePath} alt={product.name} width={800} height={800} className="aspect-square w-full rounded-lg border border-line bg-white" />
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{product.name}</h1>
          <p className="mt-2 text-lg text-muted">{product.tagline}</p>
          <p className="mt-4 text-2xl font-semibold" data-testid="price">
            {formatMoney(variant.priceCents, variant.currency)}
          </p>
          <p
            className={`mt-1 text-sm font-medium ${status.tone === "out" ? "text-danger" : status.tone === "low" ? "text-warn" : "text-brand-dark"}`}
            data-testid="stock-status"
          >
            {status.label}
          </p>

          {product.variants.length > 1 && (
            <fieldset className="mt-6">
              <legend className="text-sm font-medium">Choose a size</legend>
              <ul className="mt-2 flex flex-wrap gap-2">
                {product.variants.map((v) => {
                  const selected = v.sku === variant.sku;
                  return (
                    <li key={v.sku}>
                      <Link
                        href={`/products/${product.slug}?variant=${encodeURIComponent(v.sku)}`}
                        aria-current={selected ? "true" : undefined}
                        scroll={false}
                        replace
                        className={`block rounded border px-3 py-2 text-sm ${selected ? "border-brand bg-brand-soft font-semibold" : "border-line bg-white hover:border-brand"}`}
                      >
                        {v.label} · {formatMoney(v.priceCents, v.currency)}
                        {(stock.get(v.sku) ?? 0) <= 0 ? " · out of stock" : ""}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          )}

          {mayBuy(variant) ? (
            <AddToCart key={variant.id} variantId={variant.id} inStock={status.inStock} productName={product.name} />
          ) : (
            <div className="mt-6 rounded border border-warn/30 bg-warn-soft p-3 text-sm text-warn" data-testid="professional-only">
              <p className="font-semibold">For trained professionals only</p>
              <p className="mt-1">{PROFESSIONAL_ONLY_MESSAGE} Depths above 0.5 mm are professional work and are not covered by our home instructions.</p>
            </div>
          )}

          {savedPenFit === false && (
            <p role="alert" data-testid="fit-warning" className="mt-6 rounded border border-danger/30 bg-red-50 p-3 text-sm text-danger">
              This cartridge does not fit the pen you told us you have. See the pens it fits below.
            </p>
          )}
          {savedPenFit === true && savedPenName && <p className="mt-6 rounded bg-brand-soft p-3 text-sm">Fits your {savedPenName}.</p>}

          <dl className="mt-6 divide-y divide-line rounded-lg border border-line bg-white text-sm">
            {specs.map(([term, value]) => (
              <div key={term} className="grid grid-cols-2 gap-2 px-3 py-2">
                <dt className="text-muted">{term}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>

      <div className="mt-10 grid gap-10 md:grid-cols-2">
        <section aria-labelledby="about-heading">
          <h2 id="about-heading" className="text-xl font-semibold">
            About this product
          </h2>
          <div className="prose-store mt-3">
            {product.description.split(/\n\s*\n/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
          {(product.concerns.length > 0 || product.areas.length > 0) && (
            <div className="mt-4 space-y-2 text-sm">
              {product.concerns.length > 0 && (
                <p>
                  <span className="text-muted">Concerns: </span>
                  {product.concerns.map((t, i) => (
                    <span key={t.slug}>
                      {i > 0 && ", "}
                      <Link href={`/shop/${category.slug}?concern=${t.slug}`} className="underline">
                        {t.name}
                      </Link>
                    </span>
                  ))}
                </p>
              )}
              {product.areas.length > 0 && (
                <p>
                  <span className="text-muted">Areas: </span>
                  {product.areas.map((t) => t.name).join(", ")}
                </p>
              )}
            </div>
          )}
        </section>

        {product.kind === "KIT" && product.kitContents.length > 0 && (
          <section aria-labelledby="box-heading" id="in-the-box">
            <h2 id="box-heading" className="text-xl font-semibold">
              What is in the box
            </h2>
            <ul className="mt-3 divide-y divide-line rounded-lg border border-line bg-white" data-testid="kit-contents">
              {product.kitContents.map((item, i) => (
                <li key={i} className="flex gap-3 px-3 py-2 text-sm">
                  <span className="w-8 shrink-0 text-right font-semibold">{item.quantity}×</span>
                  {item.productSlug ? (
                    <Link href={`/products/${item.productSlug}${item.sku ? `?variant=${encodeURIComponent(item.sku)}` : ""}`} className="underline">
                      {item.label}
                    </Link>
                  ) : (
                    <span>{item.label}</span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}

        {product.kind === "CARTRIDGE" && (
          <section aria-labelledby="fits-heading" id="pens">
            <h2 id="fits-heading" className="text-xl font-semibold">
              Pens this cartridge fits
            </h2>
            {product.fits.length === 0 ? (
              <p className="mt-3 text-sm">No pen has been fit-tested with this cartridge yet.</p>
            ) : (
              <ul className="mt-3 divide-y divide-line rounded-lg border border-line bg-white" data-testid="compatible-pens">
                {product.fits.map((f) => (
                  <li key={f.pen.slug} className="px-3 py-2 text-sm">
                    <span className="font-medium">{f.pen.name}</span>
                    <span className="text-muted">
                      {" "}
                      · {f.pen.connector} connector · fit verified {formatDate(f.verifiedAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-2 text-xs text-muted">Cartridges are made for particular pens; one that does not click in securely must not be used.</p>
          </section>
        )}
      </div>

      {instructions && doc && (
        <section aria-labelledby="instructions-heading" className="mt-12" id="instructions">
          <div className="flex flex-wrap items-baseline justify-between gap-3">
            <h2 id="instructions-heading" className="text-2xl font-semibold">
              {product.kind === "KIT" ? "Instructions" : "Instructions that come with it"}
            </h2>
            <p className="flex gap-4 text-sm no-print">
              <Link href={`/products/${product.slug}/booklet`} className="underline">
                Printable booklet
              </Link>
              <a href={`/products/${product.slug}/booklet.pdf`} className="underline" download>
                Download PDF
              </a>
            </p>
          </div>
          <p className="mt-1 text-sm text-muted" data-testid="guide-version">
            {instructions.doc.versionLabel}
          </p>
          {/* minmax(0, 1fr): a wide depth table scrolls inside its own box instead of widening the page on a phone. */}
          <div className="mt-4 grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
            <div className="min-w-0 lg:sticky lg:top-4 lg:self-start">
              <InstructionsContents doc={doc} />
            </div>
            <div className="min-w-0 space-y-8">
              <InstructionsSections
                doc={doc}
                before={{
                  [sectionAnchors.DEPTH_GUIDE]:
                    instructions.attached.kind === "full" ? (
                      <DepthFinder
                        guide={instructions.attached.guide.content.DEPTH_GUIDE}
                        action={`/products/${product.slug}`}
                        hidden={query.variant && typeof query.variant === "string" ? { variant: query.variant } : {}}
                        area={typeof query.area === "string" ? query.area : null}
                        concern={typeof query.concern === "string" ? query.concern : null}
                      />
                    ) : undefined,
                }}
              />
            </div>
          </div>
        </section>
      )}
    </article>
  );
}

/** On the page the pens a cartridge fits are already shown above; the booklet keeps them. */
function pageDoc<T extends { sections: { id: string }[] }>(doc: T): T {
  return { ...doc, sections: doc.sections.filter((s) => s.id !== compatiblePensAnchor) };
}
