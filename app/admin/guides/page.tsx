import { adminMetadata } from "@/lib/admin/page";
import Link from "next/link";
import { FlashNotice } from "@/components/admin/form";
import { guidesOverview } from "@/lib/admin/guide-pages";
import { adminPage, pageFlash } from "@/lib/admin/page";
import { formatDate } from "@/lib/catalog/format";

export const generateMetadata = adminMetadata("guides.draft", "Guides");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GuidesPage({ searchParams }: Props) {
  const actor = await adminPage("guides.draft", "/admin/guides");
  const flash = await pageFlash(await searchParams);
  const guides = await guidesOverview(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Guides</h1>
      <FlashNotice flash={flash} />
      <p className="max-w-2xl text-sm text-muted">
        Each guide travels with the products below it. A change is made in a draft of the next version, checked in a preview and against the published version,
        and published by the owner with a note; orders keep the version they were sold with.
      </p>
      <ul className="grid gap-4 md:grid-cols-2" data-testid="guide-list">
        {guides.map((g) => (
          <li key={g.slug} className="min-w-0 rounded-lg border border-line bg-white p-4">
            <h2 className="text-lg font-semibold">
              <Link href={`/admin/guides/${g.slug}`} className="underline">
                {g.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm">
              {g.current ? `Version ${g.current.number}, published ${formatDate(g.current.publishedAt)}` : "Not published yet"}
              {" · "}
              {g.audience === "HOME" ? "Home use" : "Professionals"}
            </p>
            <p className="mt-1 text-sm">
              {g.draft ? (
                <span className="rounded bg-warn-soft px-1.5 py-0.5 text-warn">{`Draft of version ${g.draft.number} open`}</span>
              ) : (
                <span className="text-muted">No draft open</span>
              )}
            </p>
            <p className="mt-2 break-words text-sm text-muted">
              {g.products.length ? `Used by ${g.products.map((p) => p.name).join(", ")}` : "No product uses it."}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
