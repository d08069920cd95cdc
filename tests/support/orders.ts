// Real orders for tests of what happens after payment: made through checkout
// (a guest cart, or a signed-in account's cart) and paid with the demo
// gateway's event, exactly as the store makes them. `settle` refunds them so
// stock held by the test goes back (shipped ones are restocked by hand).
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addToCart } from "@/lib/cart";
import { startCheckout } from "@/lib/checkout/start";
import type { Db } from "@/lib/db";
import { applyPaymentEvent } from "@/lib/orders/payment-events";
import { demoGateway } from "@/lib/payments/demo";
import { cartWith, validInput } from "./checkout";

/** Ends an unpaid test order as an expired payment would: its hold and promo use are released. */
export async function expireOrder(prisma: Db, orderId: string) {
  await applyPaymentEvent(prisma, { provider: "DEMO", eventId: `test-expire:${orderId}`, rawType: "test", kind: "expired", orderId });
}

export type PaidOrder = { id: string; number: string; accessToken: string; email: string; userId: string | null };

export async function paidOrder(
  prisma: Db,
  {
    lines,
    email = "guest@example.test",
    userId = null,
    pay = true,
  }: { lines: [sku: string, quantity: number][]; email?: string; userId?: string | null; pay?: boolean },
): Promise<PaidOrder> {
  let token: string | null = null;
  if (userId) {
    for (const [sku, quantity] of lines) {
      const v = await prisma.variant.findUniqueOrThrow({ where: { sku } });
      await addToCart(prisma, { userId }, v.id, quantity);
    }
  } else {
    token = await cartWith(prisma, lines);
  }
  const started = await startCheckout(prisma, token, { ...validInput, email }, { baseUrl: "http://store.test", gateway: demoGateway, userId });
  if (!started.ok) throw new Error(`checkout failed: ${JSON.stringify(started.errors)}`);
  if (pay) {
    const order = await prisma.order.findUniqueOrThrow({ where: { id: started.orderId } });
    const paid = await applyPaymentEvent(prisma, {
      provider: "DEMO",
      eventId: `test:${started.orderId}:pay`,
      rawType: "test",
      kind: "paid",
      orderId: started.orderId,
      amountCents: order.totalCents,
      currency: order.currency,
    });
    if (paid.outcome !== "paid") throw new Error(`payment not applied: ${paid.outcome}`);
  }
  return { id: started.orderId, number: started.orderNumber, accessToken: started.accessToken, email, userId };
}

/** Refund (paid) or cancel (unpaid) each order so its stock is released. */
export async function settle(prisma: Db, orders: { id: string }[]) {
  for (const o of orders) {
    await applyPaymentEvent(prisma, { provider: "DEMO", eventId: `test:${o.id}:settle`, rawType: "test", kind: "refunded", orderId: o.id });
  }
}

export async function makeUser(prisma: Db, label: string) {
  return prisma.user.create({
    data: { email: `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`, name: label, emailVerified: new Date() },
  });
}

export type OutboxMail = { to: string; subject: string; text: string };

/**
 * Points the mail outbox at a fresh temp folder. `mails()` reads what was
 * sent, oldest first; `restore()` puts the previous folder back.
 */
export function tempOutbox(): { dir: string; mails: () => OutboxMail[]; restore: () => void } {
  const previous = process.env.OUTBOX_DIR;
  const dir = mkdtempSync(join(tmpdir(), "outbox-"));
  process.env.OUTBOX_DIR = dir;
  return {
    dir,
    mails: () =>
      readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as OutboxMail),
    restore: () => {
      if (previous === undefined) delete process.env.OUTBOX_DIR;
      else process.env.OUTBOX_DIR = previous;
    },
  };
}
