import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/lib/catalog/format";
import { getGuides } from "@/lib/guides";

export const hubMetadata: Metadata = {
  title: "Instructions",
  description: "Every instruction guide in the store, readable before you buy: how to use, depth guide, aftercare, who must not use it, disposal.",
  alternates: { canonical: "/instructions" },
};

export async function InstructionsHub() {
  const guides = await getGuides();
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight">Instructions</h1>
      <p className="mt-2 max-w-2xl text-muted">
        Read the full instructions for any product before you buy. Each guide lists who must not use the product, how to use it step by step, the depths our
        home instructions allow, and the aftercare that follows.
      </p>
      <ul className="mt-8 grid gap-4 md:grid-cols-2" data-testid="guide-list">
        {guides.map((g) => {
          const current = g.versions[0];
          return (
            <li key={g.slug} className="rounded-lg border border-line bg-white p-5">
              <h2 className="text-xl font-semibold">
                <Link href={`/instructions/${g.slug}`} className="hover:underline">
                  {g.title}
                </Link>
              </h2>
              <p className="mt-2 text-sm">{g.summary}</p>
              {current && (
                <p className="mt-2 text-xs text-muted">
                  Version {current.number}, published {formatDate(current.publishedAt)}
                </p>
              )}
              {g.products.length > 0 && (
                <p className="mt-3 text-sm">
                  <span className="text-muted">Comes with: </span>
                  {g.products.map((p, i) => (
                    <span key={p.slug}>
                      {i > 0 && ", "}
                      <Link href={`/products/${p.slug}#instructions`} className="underline">
                        {p.name}
                      </Link>
                    </span>
                  ))}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
