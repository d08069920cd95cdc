import { adminMetadata } from "@/lib/admin/page";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, FlashNotice, SubmitButton } from "@/components/admin/form";
import { ordersWithVersion } from "@/lib/admin/guide-pages";
import { adminPage, formState, pageFlash } from "@/lib/admin/page";
import { can } from "@/lib/admin/roles";
import { formatDateTime } from "@/lib/catalog/format";
import { label } from "@/lib/orders/status";
import { isId } from "@/lib/validation";

export const generateMetadata = adminMetadata("guides.draft", "Orders by guide version");

type Props = { params: Promise<{ versionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VersionOrdersPage({ params, searchParams }: Props) {
  const { versionId } = await params;
  const path = `/admin/guides/versions/${encodeURIComponent(versionId)}/orders`;
  const actor = await adminPage("guides.draft", path);
  const query = await searchParams;
  const flash = await pageFlash(query);
  const page = typeof query.page === "string" && /^\d{1,6}$/.test(query.page) ? Number(query.page) : 1;
  const data = isId(versionId) ? await ordersWithVersion(actor, versionId, page) : null;
  if (!data) notFound();
  const { version, newer, orders } = data;
  const mayNotify = can(actor.role, "guides.notify");

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/admin/guides/${version.guideSlug}`} className="underline">
            {version.guideTitle}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{`Orders sold with version ${version.number}`}</h1>
        <p className="text-sm text-muted">
          {`${version.guideTitle}, version ${version.number}`}
          {version.publishedAt ? `, published ${formatDateTime(version.publishedAt)}` : " (draft)"}
          {version.changeNote ? `: ${version.changeNote}` : ""}
        </p>
        <p className="text-sm">{`${data.total} order${data.total === 1 ? "" : "s"}, ${data.paid} of them paid.`}</p>
      </header>
      <FlashNotice flash={flash} />

      {newer && (
        <section aria-labelledby="notify-heading" className="max-w-2xl space-y-2 rounded-lg border border-line bg-white p-4">
          <h2 id="notify-heading" className="font-semibold">
            {`Version ${newer.number} is current`}
          </h2>
          {mayNotify ? (
            <ActionForm action="guide.notify" label="Email the revised guide" state={formState(flash, "guide.notify")} className="space-y-3">
              <p className="text-sm">
                {`Each paid order below gets one email with what changed and a link to version ${newer.number}; the version it was sold with stays in the order. Pressing again emails nobody twice.`}
              </p>
              <input type="hidden" name="fromVersionId" value={version.id} />
              <SubmitButton>Email these customers the revised guide</SubmitButton>
            </ActionForm>
          ) : (
            <p className="text-sm">The owner can email these customers a link to the revised guide.</p>
          )}
        </section>
      )}

      {orders.length === 0 ? (
        <p className="text-sm text-muted">No order was sold with this version.</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white" data-testid="version-orders">
          {orders.map((o) => (
            <li key={o.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-3 text-sm">
              <span className="font-semibold">{o.number}</span>
              <span className="text-muted">
                <time dateTime={o.createdAt}>{formatDateTime(o.createdAt)}</time>
              </span>
              <span className="min-w-0 break-all">{o.email}</span>
              <span className="rounded bg-paper px-1.5 py-0.5 text-xs">{label(o.status)}</span>
            </li>
          ))}
        </ul>
      )}

      {data.pages > 1 && (
        <nav aria-label="Pages" className="flex flex-wrap items-center gap-4 text-sm">
          {data.page > 1 && (
            <Link href={`${path}?page=${data.page - 1}`} className="underline" rel="prev">
              Newer orders
            </Link>
          )}
          <span>{`Page ${data.page} of ${data.pages}`}</span>
          {data.page < data.pages && (
            <Link href={`${path}?page=${data.page + 1}`} className="underline" rel="next">
              Older orders
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
