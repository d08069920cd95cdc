import type { Metadata } from "next";
import { readPageKey } from "@/lib/catalog/page-keys";
import { GuidePage, guideMetadata } from "./guide";
import { hubMetadata, InstructionsHub } from "./hub";

// /instructions (slug "all") and /instructions/<guide> (?version=N in [key]):
// static HTML, kept until a guide or the catalog changes (docs/decisions/0014).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string; key: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string; key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return slug === "all" ? hubMetadata : guideMetadata(slug);
}

export default async function InstructionsPage({ params }: Props) {
  const { slug, key } = await params;
  return slug === "all" ? <InstructionsHub /> : <GuidePage slug={slug} query={readPageKey(key)} />;
}
