import type { Metadata } from "next";
import { TRACKING_TOKEN_DAYS } from "@/lib/orders/tracking";
import { LookupForm } from "./lookup-form";

export const metadata: Metadata = { title: "Track an order", robots: { index: false, follow: true } };

// Rendered per request so its scripts carry the strict policy's nonce
// (proxy.ts): this form takes an email address. Prerendered HTML has none.
export const dynamic = "force-dynamic";

export default function TrackPage() {
  return (
    <article className="space-y-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Track an order</h1>
        <p className="mt-2 max-w-prose text-muted">
          {"Enter your order number and the email address you ordered with. We will email a link to that address that shows where your order is " +
            `and the instructions that came with it. The link works for ${TRACKING_TOKEN_DAYS} days.`}
        </p>
      </header>
      <LookupForm />
    </article>
  );
}
