import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InstructionsContents, InstructionsSections } from "@/components/guide/instructions-view";
import { getProduct } from "@/lib/catalog";
import { getInstructionsForProduct } from "@/lib/guides";
import { productBookletUrl } from "@/lib/guides/booklet-key";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await getProduct((await params).slug);
  return product ? { title: `${product.name}: instruction booklet`, robots: { index: false } } : { title: "Not found" };
}

/** The booklet as a print-friendly page: the same sections as the PDF. */
export default async function BookletPage({ params }: Props) {
  const product = await getProduct((await params).slug);
  if (!product) notFound();
  const instructions = await getInstructionsForProduct(product);
  if (!instructions) notFound();
  const { doc } = instructions;
  return (
    <article className="mx-auto max-w-3xl space-y-8 print:max-w-none">
      <header>
        <p className="text-sm text-muted no-print">
          <Link href={`/products/${product.slug}`} className="underline">
            Back to {product.name}
          </Link>
          {" · "}
          <a href={productBookletUrl(product.slug, doc)} className="underline" download>
            Download as PDF
          </a>
          {" · "}Use your browser’s Print command to print this page.
        </p>
        <h1 className="mt-4 text-3xl font-semibold">{doc.title}: instructions for use</h1>
        <p className="mt-2 text-sm text-muted" data-testid="guide-version">
          {doc.versionLabel}
        </p>
      </header>
      <InstructionsContents doc={doc} />
      <InstructionsSections doc={doc} />
    </article>
  );
}
