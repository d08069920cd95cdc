// One order view for the three ways in: the confirmation link, a tracking link
// and the account all open the same order through openOrder, differ only in
// what that opening may see and where its links point, and are served by the
// same page and route handlers.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openOrder, type OrderOpening } from "@/lib/orders/access";
import { orderBookletGet, orderCalendarGet } from "@/lib/orders/order-routes";
import { issueTrackingToken } from "@/lib/orders/tracking";
import { newAccessToken } from "@/lib/orders/tokens";
import { testDb } from "../support/db";
import { makeUser, paidOrder, settle, tempOutbox, type PaidOrder } from "../support/orders";

const prisma = testDb();
const outbox = tempOutbox();
let owner: { id: string; email: string };
let stranger: { id: string };
let order: PaidOrder;
let tracking: string;
let expired: string;

beforeAll(async () => {
  owner = await makeUser(prisma, "opening-owner");
  stranger = await makeUser(prisma, "opening-stranger");
  order = await paidOrder(prisma, { lines: [["CRT-12-10", 1]], email: owner.email, userId: owner.id });
  tracking = (await issueTrackingToken(prisma, order.id)).token;
  expired = (await issueTrackingToken(prisma, order.id, new Date(Date.now() - 8 * 24 * 60 * 60 * 1000))).token;
}, 120_000);

afterAll(async () => {
  await settle(prisma, [order]);
  await prisma.trackingToken.deleteMany({ where: { orderId: order.id } });
  await prisma.user.deleteMany({ where: { id: { in: [owner.id, stranger.id] } } });
  outbox.restore();
  await prisma.$disconnect();
});

const openings = (): Record<"confirmation" | "tracking" | "account", OrderOpening> => ({
  confirmation: { via: "confirmation", token: order.accessToken },
  tracking: { via: "tracking", token: tracking },
  account: { via: "account", orderId: order.id, userId: owner.id },
});

describe("opening an order", () => {
  it("opens the same order the three ways, with the URLs of each way", async () => {
    const { confirmation, tracking: byTracking, account } = openings();
    const c = (await openOrder(prisma, confirmation))!;
    const t = (await openOrder(prisma, byTracking))!;
    const a = (await openOrder(prisma, account))!;
    for (const opened of [c, t, a]) {
      expect(opened.order.id).toBe(order.id);
      expect(opened.order.number).toBe(order.number);
      expect(opened.order.status).toBe("PAID");
      expect(opened.order.items.map((i) => i.sku)).toEqual(["CRT-12-10"]);
    }
    expect([c.via, t.via, a.via]).toEqual(["confirmation", "tracking", "account"]);
    const itemId = c.order.items[0]!.id;
    expect(c.urls).toMatchObject({ page: `/orders/${order.accessToken}`, calendar: `/orders/${order.accessToken}/aftercare.ics` });
    expect(c.urls.booklet(itemId)).toBe(`/orders/${order.accessToken}/items/${itemId}/booklet.pdf`);
    expect(t.urls).toMatchObject({ page: `/track/${tracking}`, calendar: `/track/${tracking}/aftercare.ics` });
    expect(t.urls.booklet(itemId)).toBe(`/track/${tracking}/items/${itemId}/booklet.pdf`);
    expect(a.urls).toMatchObject({ page: `/account/orders/${order.id}`, calendar: `/account/orders/${order.id}/aftercare.ics` });
    expect(a.urls.booklet(itemId)).toBe(`/account/orders/${order.id}/items/${itemId}/booklet.pdf`);
    expect(c.reorder).toEqual({ via: "confirmation", reference: order.accessToken });
    expect(t.reorder).toEqual({ via: "tracking", reference: tracking });
    expect(a.reorder).toEqual({ via: "account", reference: order.id });
  });

  it("leaves the shipping address and email out of an order opened by a tracking link", async () => {
    const { confirmation, tracking: byTracking, account } = openings();
    const c = (await openOrder(prisma, confirmation))!;
    const t = (await openOrder(prisma, byTracking))!;
    const a = (await openOrder(prisma, account))!;
    expect(c.order.email).toBe(owner.email.toLowerCase());
    expect(c.order.shipping?.line1).toBeTruthy();
    expect(a.order.email).toBe(c.order.email);
    expect(a.order.shipping).toEqual(c.order.shipping);
    expect(t.order.email).toBeNull();
    expect(t.order.shipping).toBeNull();
    // Nothing of the address is anywhere in what the tracking opening returns.
    expect(JSON.stringify(t)).not.toContain(c.order.shipping!.line1);
    expect(JSON.stringify(t)).not.toContain(c.order.email!);
    // Everything else is the same order.
    const { email: _e, shipping: _s, ...rest } = c.order;
    expect(t.order).toMatchObject(rest);
  });

  it("opens nothing for a foreign, signed-out, expired, altered or made-up reference", async () => {
    const refused: OrderOpening[] = [
      { via: "account", orderId: order.id, userId: stranger.id },
      { via: "account", orderId: order.id, userId: null },
      { via: "account", orderId: order.id, userId: "" },
      { via: "account", orderId: order.number, userId: owner.id },
      { via: "account", orderId: order.accessToken, userId: owner.id },
      { via: "tracking", token: expired },
      { via: "tracking", token: order.accessToken },
      { via: "tracking", token: newAccessToken() },
      { via: "confirmation", token: tracking },
      { via: "confirmation", token: newAccessToken() },
      { via: "confirmation", token: order.accessToken.slice(0, -1) + (order.accessToken.endsWith("A") ? "B" : "A") },
      { via: "confirmation", token: "" },
      { via: "tracking", token: "../../etc/passwd" },
    ];
    for (const opening of refused) expect(await openOrder(prisma, opening), JSON.stringify(opening)).toBeNull();
  });
});

describe("the shared route handlers", () => {
  it("answer the calendar and booklet the same for the three openings, and 404 for a refused one", async () => {
    const request = (path: string) => new Request(`http://store.test${path}?date=2026-03-10&depth=0.5`);
    const opened = (await openOrder(prisma, openings().confirmation))!;
    const itemId = opened.order.items[0]!.id;
    const calendars: string[] = [];
    for (const opening of Object.values(openings())) {
      const response = await orderCalendarGet(request("/x/aftercare.ics"), opening);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="aftercare-${order.number}-2026-03-10.ics"`);
      calendars.push((await response.text()).replace(/DTSTAMP:\S+/g, ""));
      const booklet = await orderBookletGet(request("/x/booklet.pdf"), opening, itemId);
      expect(booklet.status).toBe(opened.order.items[0]!.instructions ? 200 : 404);
      expect(booklet.headers.get("Cache-Control")).toBe("private, no-store");
    }
    expect(new Set(calendars).size).toBe(1);

    const foreign: OrderOpening = { via: "account", orderId: order.id, userId: stranger.id };
    expect((await orderCalendarGet(request("/x/aftercare.ics"), foreign)).status).toBe(404);
    expect((await orderBookletGet(request("/x/booklet.pdf"), foreign, itemId)).status).toBe(404);
    expect((await orderCalendarGet(request("/x/aftercare.ics"), { via: "tracking", token: expired })).status).toBe(404);
    // An item of another order (or none) is the same 404.
    expect((await orderBookletGet(request("/x/booklet.pdf"), openings().tracking, "no-such-item")).status).toBe(404);
  });

  it("is what every order route file calls: none of them reads the order itself", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/^(page\.tsx|route\.ts)$/.test(name)) files.push(path);
      }
    };
    for (const dir of ["app/orders/[token]", "app/track/[token]", "app/account/orders/[id]"]) walk(dir);
    expect(files).toHaveLength(9);
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      expect(source, file).toMatch(/from "@\/(components\/order\/order-page|lib\/orders\/order-routes)"/);
      expect(source, file).not.toMatch(/@\/lib\/db|@\/lib\/orders\/access|readableOrder|prisma/);
    }
  });
});
