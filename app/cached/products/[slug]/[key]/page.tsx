import { Suspense } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  categoryForKind,
  formatDate,
  formatMoney,
  getProduct,
  needleConfig,
  needleConfigLabel,
  sterilizationLabel,
  stockBand,
  type CatalogProduct,
  type CatalogVariant,
} from "@/lib/catalog";
import { jsonForScript, productJsonLd } from "@/lib/catalog/json-ld";
import { readPageKey } from "@/lib/catalog/page-keys";
import { BuyBox, type BuyVariant } from "@/components/product/buy-box";
import { DeliveryEstimate } from "@/components/product/delivery-estimate";
import { GoesWith } from "@/components/product/goes-with";
import { ProductGallery } from "@/components/product/gallery";
import { PenFit } from "@/components/visitor";
import { GUEST, mayBuy, PROFESSIONAL_ONLY_MESSAGE } from "@/lib/professional/eligibility";
import { DepthFinder } from "@/components/guide/depth-finder";
import { InstructionsContents, InstructionsSections } from "@/components/guide/instructions-view";
import { ProfessionalSections } from "@/components/product/professional-sections";
import { compatiblePensAnchor, getInstructionsForProduct, sectionAnchors } from "@/lib/guides";
import { productBookletUrl } from "@/lib/guides/booklet-key";
import { siteUrl } from "@/lib/site";

// Static HTML, made on the first request for each product (and each ?variant=
// or depth-finder choice, folded into [key] by proxy.ts) and kept until a
// catalog change invalidates it (docs/decisions/0014). Nothing here may read
// the request: the visitor's own parts are filled in by components/visitor.tsx.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string; key: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string; key: string }> };

function selectedVariant(product: CatalogProduct, query: Record<string, string>): CatalogVariant {
  // An unknown SKU in the URL falls back to the first variant rather than failing.
  return product.variants.find((v) => v.sku === query.variant) ?? product.variants[0]!;
}

function specsOf(variant: CatalogVariant): [string, string][] {
  const specs: [string, string][] = [];
  const config = needleConfig(variant);
  if (config) specs.push(["Needle configuration", needleConfigLabel(config)]);
  if (variant.needleMaterial) specs.push(["Needle material", variant.needleMaterial]);
  const sterilization = sterilizationLabel(variant.sterilization);
  if (sterilization) specs.push(["Sterilization", sterilization]);
  if (variant.maxDepthMm !== null) specs.push(["Made for depths up to", `${variant.maxDepthMm} mm`]);
  specs.push(["Pack", `${variant.packSize} ${variant.packUnit}`]);
  specs.push(["Use", variant.homeUse ? "Home use" : "Trained professionals only"]);
  specs.push(["SKU", variant.sku]);
  return specs;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, key } = await params;
  const product = await getProduct(slug);
  if (!product || product.variants.length === 0) return { title: "Product not found" };
  const variant = selectedVariant(product, readPageKey(key));
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

export default async function ProductPage({ params }: Props) {
  const { slug, key } = await params;
  const product = await getProduct(slug);
  if (!product || product.variants.length === 0) notFound();
  const query = readPageKey(key);
  const instructions = await getInstructionsForProduct(product);
  const variant = selectedVariant(product, query);
  const category = categoryForKind(product.kind);
  const doc = instructions ? pageDoc(instructions.doc) : null;
  // Stock as of this page's making, by band only; the live figure comes from the browser.
  const stock = new Map(product.variants.map((v) => [v.sku, v.stock]));
  const buyVariants: BuyVariant[] = product.variants.map((v) => ({
    id: v.id,
    sku: v.sku,
    label: v.label,
    price: formatMoney(v.priceCents, v.currency),
    band: stockBand(v.stock),
    // As a guest may (the page is the same for everyone); a verified professional's browser is told otherwise (/api/visitor).
    buyable: mayBuy(v, GUEST),
    specs: specsOf(v),
  }));

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
        <ProductGallery product={product} />
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{product.name}</h1>
          <p className="mt-2 text-lg text-muted">{product.tagline}</p>
          <BuyBox productName={product.name} variants={buyVariants} initialSku={variant.sku} professionalOnlyMessage={PROFESSIONAL_ONLY_MESSAGE} />
          {product.kind === "CARTRIDGE" && <PenFit fits={product.fits.map((f) => ({ slug: f.pen.slug, name: f.pen.name }))} />}
          <DeliveryEstimate prices={product.variants.map((v) => v.priceCents)} />
        </div>
      </div>

      {/* Below the fold: each <Suspense> is hydrated on its own, after the part above, in
          small slices (React hydrates a finished server boundary at idle priority), so the
          long instructions do not hold the phone's main thread in one long task. */}
      <Suspense>
        <div className="render-when-near mt-10 grid gap-10 md:grid-cols-2">
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

        <GoesWith product={product} />
      </Suspense>

      {instructions && doc && (
        <Suspense>
          <section aria-labelledby="instructions-heading" className="mt-12" id="instructions">
            <div className="flex flex-wrap items-baseline justify-between gap-3">
              <h2 id="instructions-heading" className="text-2xl font-semibold">
                {product.kind === "KIT" ? "Instructions" : "Instructions that come with it"}
              </h2>
              <p className="flex gap-4 text-sm no-print">
                <Link href={`/products/${product.slug}/booklet`} className="underline">
                  Printable booklet
                </Link>
                <a href={productBookletUrl(product.slug, instructions.doc)} className="underline" download>
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
                          hidden={query.variant ? { variant: query.variant } : {}}
                          area={query.area ?? null}
                          concern={query.concern ?? null}
                        />
                      ) : undefined,
                  }}
                />
              </div>
            </div>
          </section>
        </Suspense>
      )}
      {product.kind === "KIT" && <ProfessionalSections productSlug={product.slug} />}
    </article>
  );
}

/** On the page the pens a cartridge fits are already shown above; the booklet keeps them. */
function pageDoc<T extends { sections: { id: string }[] }>(doc: T): T {
  return { ...doc, sections: doc.sections.filter((s) => s.id !== compatiblePensAnchor) };
}
