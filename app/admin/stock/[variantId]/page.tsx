import { adminMetadata } from "@/lib/admin/page";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, FlashNotice, Input, Select, SubmitButton } from "@/components/admin/form";
import { adminPage, formState, pageFlash } from "@/lib/admin/page";
import { can } from "@/lib/admin/staff";
import { MAX_REFERENCE, reasonLabels, stockReasons } from "@/lib/admin/stock";
import { variantStock } from "@/lib/data";
import { formatDateTime } from "@/lib/catalog/format";
import { isId } from "@/lib/validation";

export const generateMetadata = adminMetadata("stock.read", "Stock of a variant");

type Params = { variantId: string };
type Query = Record<string, string | string[] | undefined>;

const reasonOptions = stockReasons.map((r) => ({
  value: r,
  label:
    r === "COUNT_CORRECTION"
      ? "Count correction (enter the counted number free to sell)"
      : r === "DAMAGED"
        ? "Damaged (taken off)"
        : `${reasonLabels[r]} (added)`,
}));

function signed(delta: number): string {
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : "±0";
}

export default async function VariantStockPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Query> }) {
  const { variantId } = await params;
  const path = isId(variantId) ? `/admin/stock/${variantId}` : "/admin/stock";
  const actor = await adminPage("stock.read", path);
  if (!isId(variantId)) notFound();
  const [stock, flash] = await Promise.all([variantStock(actor, variantId), searchParams.then(pageFlash)]);
  if (!stock) notFound();
  const mayWrite = can(actor.role, "stock.write");
  const adjustState = formState(flash, "stock.adjust");
  const thresholdState = formState(flash, "stock.threshold");

  const figures = [
    { key: "free", label: "Free to sell", value: stock.free, note: "What shoppers can buy now. Adjustments change this figure." },
    {
      key: "held",
      label: "Held by open checkouts",
      value: stock.held,
      note: "In checkouts waiting for payment; back to free to sell if not paid before the hold expires.",
    },
    { key: "awaiting", label: "Paid, waiting to ship", value: stock.awaiting, note: "Sold but not shipped yet, so still on the shelf." },
    { key: "on-hand", label: "On hand", value: stock.onHand, note: "Free to sell + held + waiting to ship: what should be on the shelf." },
    { key: "sold", label: "Sold", value: stock.sold, note: "Units in paid orders (shipped or not), less refunded units." },
  ];

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/admin/stock" className="underline">
            All stock
          </Link>
        </p>
        <h1 className="text-2xl font-semibold break-words">
          {stock.productName}
          {stock.variantLabel ? ` — ${stock.variantLabel}` : ""}
        </h1>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <span className="font-mono break-all">{stock.sku}</span>
          {stock.low && <span className="rounded bg-warn-soft px-2 py-0.5 text-xs font-medium text-warn">{stock.free === 0 ? "Out of stock" : "Low"}</span>}
          {stock.productActive ? (
            <Link href={`/products/${stock.productSlug}`} className="underline">
              See it in the store
            </Link>
          ) : (
            <span>Hidden from the store</span>
          )}
        </p>
      </div>

      <FlashNotice flash={flash} />

      <section aria-labelledby="figures-heading" className="space-y-3">
        <h2 id="figures-heading" className="text-lg font-semibold">
          Figures
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2">
          {figures.map((f) => (
            <div key={f.key} className="rounded border border-line p-3" data-testid={`figure-${f.key}`}>
              <dt className="text-sm font-medium">{f.label}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid={`figure-${f.key}-value`}>
                {f.value}
              </dd>
              <dd className="text-xs text-muted">{f.note}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-muted">Listed as low at {stock.threshold} or fewer free to sell.</p>
      </section>

      <section aria-labelledby="holds-heading" className="space-y-3">
        <h2 id="holds-heading" className="text-lg font-semibold">
          Open checkouts holding it
        </h2>
        {stock.holds.length === 0 ? (
          <p className="text-sm text-muted">No checkout is holding this variant.</p>
        ) : (
          <ul className="divide-y divide-line rounded border border-line text-sm" data-testid="stock-holds">
            {stock.holds.map((h) => (
              <li key={h.orderId} className="flex flex-wrap justify-between gap-x-4 gap-y-1 p-3">
                <span className="font-mono">{h.orderNumber}</span>
                <span>{h.quantity} held</span>
                <span className="text-muted">
                  {h.lapsed
                    ? `Expired ${formatDateTime(h.expiresAt.toISOString())}; goes back at the next sweep`
                    : `Until ${formatDateTime(h.expiresAt.toISOString())}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {mayWrite && (
        <section aria-labelledby="adjust-heading" id="adjust" className="space-y-3">
          <h2 id="adjust-heading" className="text-lg font-semibold">
            Adjust stock
          </h2>
          <ActionForm action="stock.adjust" label={`Adjust stock of ${stock.sku}`} state={adjustState} className="max-w-xl space-y-4">
            <input type="hidden" name="variantId" value={stock.variantId} />
            <Select name="reason" label="Reason" options={reasonOptions} state={adjustState} defaultValue="RECEIVED" />
            <Input
              name="quantity"
              label="Quantity"
              hint={`Units received, damaged or returned. For a count correction: the number free to sell (units on the shelf less ${stock.held} held and ${stock.awaiting} waiting to ship).`}
              inputMode="numeric"
              autoComplete="off"
              state={adjustState}
            />
            <Input
              name="reference"
              label="Reference (optional)"
              hint="A delivery note, an order number, a count sheet."
              maxLength={MAX_REFERENCE}
              autoComplete="off"
              state={adjustState}
            />
            <SubmitButton>Save adjustment</SubmitButton>
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="history-heading" id="history" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        {stock.history.length === 0 ? (
          <p className="text-sm text-muted">No adjustments yet.</p>
        ) : (
          <ol className="divide-y divide-line rounded border border-line text-sm" data-testid="stock-history">
            {stock.history.map((h) => (
              <li key={h.id} className="space-y-1 p-3" data-testid="stock-history-line">
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <span className="font-medium">
                    {reasonLabels[h.reason]} <span className="tabular-nums">{signed(h.delta)}</span>
                  </span>
                  <span className="tabular-nums">Free to sell after: {h.stockAfter}</span>
                </div>
                <div className="flex flex-wrap gap-x-4 gap-y-1 text-muted">
                  <span>{formatDateTime(h.at.toISOString())}</span>
                  <span className="break-all">{h.actorEmail}</span>
                  {h.reference && <span className="break-all">Reference: {h.reference}</span>}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      {mayWrite && (
        <section aria-labelledby="threshold-heading" id="low-stock-threshold" className="space-y-3">
          <h2 id="threshold-heading" className="text-lg font-semibold">
            Low-stock threshold
          </h2>
          <ActionForm action="stock.threshold" label={`Low-stock threshold of ${stock.sku}`} state={thresholdState} className="max-w-xl space-y-4">
            <input type="hidden" name="variantId" value={stock.variantId} />
            <Input
              name="threshold"
              label="List as low at or below"
              hint="Free to sell, 0 to 10,000."
              inputMode="numeric"
              autoComplete="off"
              defaultValue={String(stock.threshold)}
              state={thresholdState}
            />
            <SubmitButton tone="plain">Save threshold</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
