// Stripe's webhook endpoint. Authenticated by its signature, which is made
// over the exact bytes sent: the body is read as text and handed on
// unparsed. Without Stripe configured there is no such endpoint.
import { stripeConfigured } from "@/lib/payments";
import { handleStripeWebhook } from "@/lib/data";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (!stripeConfigured()) return new Response("Not found", { status: 404 });
  const raw = await request.text();
  const { status, body } = await handleStripeWebhook(raw, request.headers.get("stripe-signature"));
  return new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
