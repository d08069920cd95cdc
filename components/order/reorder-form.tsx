"use client";
import Link from "next/link";
import { useActionState } from "react";
import { reorderAction } from "@/app/orders/actions";
import type { ReorderState } from "@/lib/orders/reorder";
import type { OrderVia } from "@/lib/orders/access";

export function ReorderForm({ via, reference }: { via: OrderVia; reference: string }) {
  const [state, action, pending] = useActionState<ReorderState, FormData>(reorderAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="via" value={via} />
      <input type="hidden" name="ref" value={reference} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-brand px-4 py-2 font-medium text-brand hover:bg-brand hover:text-white disabled:opacity-60"
      >
        Buy the same cartridges again
      </button>
      <p role="status" aria-live="polite" className="text-sm" data-testid="reorder-status">
        {state.error && <span className="text-warn">{state.error}</span>}
        {state.message && (
          <>
            {state.message}{" "}
            <Link href="/cart" className="underline">
              Go to your cart
            </Link>
          </>
        )}
      </p>
    </form>
  );
}
