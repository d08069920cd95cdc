import { adminMetadata } from "@/lib/admin/page";
// One product in the back office: its copy, whether it is shown and sold, its
// variants (label, price, professional only), and, by kind, what is in the
// box (kits) or which pens it fits (cartridges). Every change shows on the
// storefront on its next request.
import Link from "next/link";
import { notFound } from "next/navigation";
import { adminPage, formState, pageFlash } from "@/lib/admin/page";
import { KIND_LABELS, productPages, storeToday } from "@/lib/admin/products";
import { isId } from "@/lib/validation";
import { FlashNotice } from "@/components/admin/form";
import { FitsEditor, KitContentsEditor, ProductActiveForm, ProductCopyForm, ProductVariantsEditor } from "@/components/admin/product-editor";

export const generateMetadata = adminMetadata("products.write", "Edit product");

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminProduct({ params, searchParams }: Props) {
  const { slug } = await params;
  const actor = await adminPage("products.write", isId(slug, 200) ? `/admin/products/${slug}` : "/admin/products");
  if (!isId(slug, 200)) notFound();
  const [product, query] = await Promise.all([productPages.edit(actor, slug), searchParams]);
  if (!product) notFound();
  const flash = await pageFlash(query);
  const state = (action: string) => formState(flash, action);

  return (
    <div className="space-y-5">
      <p className="text-sm">
        <Link href="/admin/products" className="underline">
          All products
        </Link>
      </p>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold break-words">{product.name}</h1>
        <p className="flex flex-wrap gap-x-3 text-sm text-muted">
          <span>{KIND_LABELS[product.kind]}</span>
          <span className="break-all">{product.slug}</span>
          <span data-testid="product-status">{product.active ? "Active" : "Inactive"}</span>
        </p>
        <p className="text-sm">
          {product.active ? (
            <Link href={`/products/${product.slug}`} className="underline" data-testid="storefront-link">
              See it in the store
            </Link>
          ) : (
            <span className="text-muted">Not in the store while inactive.</span>
          )}
        </p>
      </div>
      <FlashNotice flash={flash} />
      <ProductCopyForm product={product} state={state("product.copy")} />
      <ProductActiveForm product={product} state={state("product.active")} />
      <ProductVariantsEditor product={product} state={state("variant.update")} />
      {product.kind === "KIT" && (
        <KitContentsEditor product={product} states={{ add: state("kit.add"), change: state("kit.quantity"), remove: state("kit.remove") }} />
      )}
      {product.kind === "CARTRIDGE" && (
        <FitsEditor product={product} states={{ add: state("fit.add"), change: state("fit.verify"), remove: state("fit.remove") }} today={storeToday()} />
      )}
    </div>
  );
}
