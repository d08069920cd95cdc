// The demo payment page after a failure: a payment request that fails
// half-way (the database throws inside the payment transaction) lands on a
// calm "we are checking your payment" page, never an error page; an order
// that was superseded cannot be paid and the page says why, with the cart.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db";
import { startCheckout } from "@/lib/checkout/start";
import { openOrder } from "@/lib/orders/access";
import { OrderHeader } from "@/components/order/order-header";
import { demoGateway } from "@/lib/payments/demo";
import { cartWith, validInput } from "../support/checkout";
import { testDb } from "../support/db";
import { settle, tempOutbox } from "../support/orders";

const prisma = testDb();
const state = vi.hoisted(() => ({ failTransactions: false, client: null as unknown }));

// The action and page read the store's one client; here it is the test's,
// with transactions that can be made to fail like a dropped connection.
vi.mock("@/lib/db", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db")>()),
  db: () => state.client,
}));
class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));

const { demoPaymentAction } = await import("@/app/pay/demo/[token]/actions");
const { default: DemoPaymentPage } = await import("@/app/pay/demo/[token]/page");

const orderIds: string[] = [];
let outbox: ReturnType<typeof tempOutbox>;

beforeAll(() => {
  outbox = tempOutbox();
  state.client = new Proxy(prisma, {
    get(target, prop, receiver) {
      if (prop === "$transaction" && state.failTransactions) {
        return async () => {
          throw new Error("Connection terminated unexpectedly");
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  }) as Db;
});
afterAll(async () => {
  await settle(
    prisma,
    orderIds.map((id) => ({ id })),
  );
  outbox.restore();
  await prisma.$disconnect();
});

async function submit(token: string, outcome: "pay" | "decline"): Promise<string> {
  const form = new FormData();
  form.set("token", token);
  form.set("outcome", outcome);
  try {
    await demoPaymentAction(form);
  } catch (error) {
    if (error instanceof Redirect) return error.url;
    throw error;
  }
  throw new Error("the action did not redirect");
}

async function page(token: string, search: Record<string, string> = {}): Promise<string> {
  const element = await DemoPaymentPage({ params: Promise.resolve({ token }), searchParams: Promise.resolve(search) });
  return renderToStaticMarkup(element);
}

async function newOrder() {
  const cart = await cartWith(prisma, [["SRM-HA-30", 1]]);
  const started = await startCheckout(prisma, cart, validInput, { baseUrl: "http://store.test", gateway: demoGateway });
  if (!started.ok) throw new Error("checkout failed");
  orderIds.push(started.orderId);
  return { ...started, cart };
}

describe("the demo payment page", () => {
  it("a payment that fails half-way shows 'we are checking your payment', and logs it", async () => {
    const { accessToken, orderId } = await newOrder();
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.join(" ")));
    state.failTransactions = true;
    let url: string;
    try {
      url = await submit(accessToken, "pay");
    } finally {
      state.failTransactions = false;
      spy.mockRestore();
    }
    expect(url).toBe(`/pay/demo/${accessToken}?checking=1`);
    expect(logged.some((l) => l.includes("failed half-way") && l.includes("Connection terminated"))).toBe(true);
    expect(logged.join("\n")).not.toContain(accessToken);
    const html = await page(accessToken, { checking: "1" });
    expect(html).toContain("We are checking your payment");
    expect(html).not.toContain("(simulated)");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("AWAITING_PAYMENT");

    // Once the database answers again, paying works and leads to the order.
    expect(await submit(accessToken, "pay")).toBe(`/orders/${accessToken}`);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
  });

  it("a superseded order cannot be paid: the page says why and links to the cart", async () => {
    const first = await newOrder();
    const second = await startCheckout(prisma, first.cart, validInput, { baseUrl: "http://store.test", gateway: demoGateway });
    if (!second.ok) throw new Error("checkout failed");
    orderIds.push(second.orderId);

    expect(await submit(first.accessToken, "pay")).toBe(`/pay/demo/${first.accessToken}`);
    const order = await prisma.order.findUniqueOrThrow({ where: { id: first.orderId } });
    expect(order).toMatchObject({ status: "CANCELLED", cancelCause: "SUPERSEDED", paidAt: null });
    expect(await prisma.paymentEvent.count({ where: { orderId: first.orderId, type: "demo.payment_succeeded" } })).toBe(0);
    const html = await page(first.accessToken);
    expect(html).toContain("can no longer be paid");
    expect(html).toContain("A newer checkout from the same cart replaced this one");
    expect(html).toContain('href="/cart"');
    expect(html).not.toContain("(simulated)");

    // Its confirmation page says one thing: not completed, nothing charged; not "paid".
    const opened = await openOrder(prisma, { via: "confirmation", token: first.accessToken });
    const header = renderToStaticMarkup(createElement(OrderHeader, { opened: opened! }));
    expect(header).toContain("This order was not completed");
    expect(header).toContain("Nothing was charged");
    expect(header).not.toMatch(/Paid with/i);
  });
});
