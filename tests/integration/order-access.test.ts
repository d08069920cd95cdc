// IDOR probes: every way of asking for an order that is not yours must come
// back exactly as a nonexistent order does (null), while owners can read theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readableOrder, readableOrderByConfirmationToken, readableOrderByTrackingToken, type Viewer } from "@/lib/orders/access";
import { issueTrackingToken } from "@/lib/orders/tracking";
import { newAccessToken } from "@/lib/orders/tokens";
import { testDb } from "../support/db";
import { makeUser, paidOrder, settle, tempOutbox, type PaidOrder } from "../support/orders";

const prisma = testDb();
const outbox = tempOutbox();
type Party = { name: string; userId: string | null; orders: (PaidOrder & { tracking: string; expired: string })[] };
const parties: Party[] = [];
const users: string[] = [];

const flip = (token: string, at = 5) => token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);

beforeAll(async () => {
  const a = await makeUser(prisma, "alice");
  const b = await makeUser(prisma, "bob");
  users.push(a.id, b.id);
  const specs: { name: string; userId: string | null; email: string }[] = [
    { name: "alice", userId: a.id, email: a.email },
    { name: "bob", userId: b.id, email: b.email },
    { name: "guest", userId: null, email: "guest-probe@example.test" },
  ];
  const past = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
  for (const s of specs) {
    const party: Party = { name: s.name, userId: s.userId, orders: [] };
    for (let n = 0; n < 2; n++) {
      const o = await paidOrder(prisma, { lines: [["CRT-12-10", 1]], email: s.email, userId: s.userId });
      const tracking = (await issueTrackingToken(prisma, o.id)).token;
      const expired = (await issueTrackingToken(prisma, o.id, past)).token;
      party.orders.push({ ...o, tracking, expired });
    }
    parties.push(party);
  }
}, 120_000);

afterAll(async () => {
  await settle(
    prisma,
    parties.flatMap((p) => p.orders),
  );
  await prisma.trackingToken.deleteMany({ where: { orderId: { in: parties.flatMap((p) => p.orders.map((o) => o.id)) } } });
  // Deleting the users unowns their orders and deletes their carts (schema: SetNull, Cascade).
  await prisma.user.deleteMany({ where: { id: { in: users } } });
  outbox.restore();
  await prisma.$disconnect();
});

describe("who may read an order", () => {
  it("lets each owner read their own orders by account, confirmation link and tracking link", async () => {
    for (const p of parties) {
      for (const o of p.orders) {
        if (p.userId) expect((await readableOrder(prisma, o.id, { userId: p.userId }))?.number).toBe(o.number);
        expect((await readableOrder(prisma, o.id, { confirmationToken: o.accessToken }))?.id).toBe(o.id);
        expect((await readableOrder(prisma, o.id, { trackingToken: o.tracking }))?.id).toBe(o.id);
        expect((await readableOrderByConfirmationToken(prisma, o.accessToken))?.id).toBe(o.id);
        expect((await readableOrderByTrackingToken(prisma, o.tracking))?.id).toBe(o.id);
      }
    }
  });

  it("answers every foreign, expired, tampered or made-up request exactly as for an order that does not exist", async () => {
    const probes: { what: string; run: () => Promise<unknown> }[] = [];
    const all = parties.flatMap((p) => p.orders.map((o) => ({ ...o, owner: p })));
    const byId = (what: string, id: string, viewer: Viewer) => probes.push({ what, run: () => readableOrder(prisma, id, viewer) });

    for (const target of all) {
      for (const other of all) {
        if (other.id === target.id) continue;
        // Someone else's account asking for this order by its id.
        if (other.owner.userId && other.owner !== target.owner) byId(`user ${other.owner.name} → ${target.number}`, target.id, { userId: other.owner.userId });
        // A valid tracking link or confirmation link, but of another order.
        byId(`tracking of ${other.number} → ${target.number}`, target.id, { trackingToken: other.tracking });
        byId(`confirmation of ${other.number} → ${target.number}`, target.id, { confirmationToken: other.accessToken });
      }
      byId(`expired tracking → ${target.number}`, target.id, { trackingToken: target.expired });
      probes.push({ what: `expired tracking link of ${target.number}`, run: () => readableOrderByTrackingToken(prisma, target.expired) });
      byId(`tampered tracking → ${target.number}`, target.id, { trackingToken: flip(target.tracking) });
      byId(`tampered confirmation → ${target.number}`, target.id, { confirmationToken: flip(target.accessToken, 20) });
      probes.push({ what: `tampered tracking link`, run: () => readableOrderByTrackingToken(prisma, flip(target.tracking, 42)) });
      probes.push({ what: `tampered confirmation link`, run: () => readableOrderByConfirmationToken(prisma, flip(target.accessToken, 0)) });
      byId(`random tokens → ${target.number}`, target.id, { trackingToken: newAccessToken(), confirmationToken: newAccessToken() });
      byId(`no credentials → ${target.number}`, target.id, {});
      byId(`empty user → ${target.number}`, target.id, { userId: "" });
      // The readable order number is never an id, even for its owner.
      byId(`number as id (owner) ${target.number}`, target.number, {
        userId: target.owner.userId,
        trackingToken: target.tracking,
        confirmationToken: target.accessToken,
      });
      byId(`user id as order id`, target.owner.userId ?? "guest", { userId: target.owner.userId });
      byId(`token as id`, target.accessToken, { confirmationToken: target.accessToken });
      byId(`case-changed id`, target.id.toUpperCase(), { userId: target.owner.userId, confirmationToken: target.accessToken });
    }
    for (let n = 0; n < 10; n++) {
      probes.push({ what: "random tracking link", run: () => readableOrderByTrackingToken(prisma, newAccessToken()) });
      probes.push({ what: "random confirmation link", run: () => readableOrderByConfirmationToken(prisma, newAccessToken()) });
    }
    const huge = "A".repeat(100_000);
    const odd = ["", " ", huge, "%00", "../../etc/passwd", "' OR 1=1 --", "null", "undefined", "SP-AAAA-AAAA"];
    for (const s of odd) {
      const owner = parties[0]!;
      byId(`odd id ${s.slice(0, 12)}`, s, { userId: owner.userId, trackingToken: s, confirmationToken: s });
      byId(`odd tokens on a real id`, owner.orders[0]!.id, { trackingToken: s, confirmationToken: s, userId: s });
      probes.push({ what: `odd tracking link ${s.slice(0, 12)}`, run: () => readableOrderByTrackingToken(prisma, s) });
      probes.push({ what: `odd confirmation link ${s.slice(0, 12)}`, run: () => readableOrderByConfirmationToken(prisma, s) });
    }

    expect(probes.length).toBeGreaterThanOrEqual(100);
    const leaks: string[] = [];
    for (const p of probes) {
      const result = await p.run();
      if (result !== null) leaks.push(p.what);
    }
    expect(leaks).toEqual([]);
    console.info(`[order-access] ${probes.length} probes, 0 readable`);
  }, 120_000);
});
