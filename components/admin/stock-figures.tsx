// Stock figures as a compact list of label and number, wrapping on a phone.
export function StockFigureList({ items }: { items: { label: string; value: number }[] }) {
  return (
    <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
      {items.map((item) => (
        <div key={item.label} className="flex gap-1.5">
          <dt className="text-muted">{item.label}</dt>
          <dd className="font-medium tabular-nums">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
