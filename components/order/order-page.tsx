// The one page that shows an order, for all three ways in: the confirmation
// link (/orders/<token>), a tracking link (/track/<token>) and the account
// (/account/orders/<id>). The route files only say which opening they are;
// openOrder decides whether it opens anything and what it may see. Anything
// it refuses is the same 404 as an order that does not exist.
import Link from "next/link";
import { notFound } from "next/navigation";
import { openOrder } from "@/lib/data";
import type { OrderOpening } from "@/lib/orders/access";
import { OrderHeader } from "./order-header";
import { OrderDetail } from "./order-detail";

export async function OrderPage({ opening }: { opening: OrderOpening }) {
  const opened = await openOrder(opening);
  if (!opened) notFound();
  return (
    <article className="space-y-8">
      <OrderHeader opened={opened} />
      <OrderDetail opened={opened} />
      {opened.via !== "account" && (
        <p className="text-sm">
          <Link href="/" className="underline">
            Back to the store
          </Link>
        </p>
      )}
    </article>
  );
}
