"use client";
// On a kit page, for a verified professional: the professional guide's depth
// guide and client screening, fetched from /api/professional/sections once
// the visitor view says the account holds a valid licence. The page itself is
// the same static HTML for everyone, so nothing professional is ever in it;
// the renderer is loaded only when there is something to show.
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import type { Instructions } from "@/lib/guides/instructions";
import { useVisitor } from "@/components/visitor";

const Sections = dynamic(() => import("@/components/guide/instructions-view").then((m) => m.InstructionsSections));

export function ProfessionalSections({ productSlug }: { productSlug: string }) {
  const { view } = useVisitor();
  const [doc, setDoc] = useState<Instructions | null>(null);
  const professional = view?.professional === true;
  useEffect(() => {
    if (!professional) return;
    const controller = new AbortController();
    fetch(`/api/professional/sections?product=${encodeURIComponent(productSlug)}`, { signal: controller.signal, cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<Instructions | null>) : null))
      .then((d) => setDoc(d && d.sections.length > 0 ? d : null))
      .catch(() => {});
    return () => controller.abort();
  }, [professional, productSlug]);
  if (!doc || !professional) return null;
  return (
    <section aria-labelledby="professional-heading" className="mt-12 rounded-lg border border-brand/30 bg-white p-4 sm:p-6" data-testid="professional-sections">
      <h2 id="professional-heading" className="text-2xl font-semibold">
        For verified professionals
      </h2>
      <p className="mt-1 text-sm text-muted">
        Shown because your account holds a professional licence. From {doc.versionLabel}. Work within your training and scope of practice.
      </p>
      <div className="mt-4 min-w-0 space-y-8">
        <Sections doc={doc} idPrefix="pro-" />
      </div>
    </section>
  );
}
