// The shop's side of an order after payment, for the command line
// (`npm run fulfil`, scripts/fulfil.ts) and scripts: packed, shipped,
// delivered. These go through the back office's own steps
// (lib/admin/orders.ts) as a CLI actor, so each step locks the order, is
// checked against the status machine (an impossible move throws
// TransitionError and changes nothing), and is written to the order's
// timeline and the audit log under "cli:<os user>". The customer's mails are
// jobs enqueued in the same transaction as the step (lib/jobs).
import { userInfo } from "node:os";
import * as orders from "@/lib/admin/orders";
import { ActionError } from "@/lib/admin/actions";
import type { Actor } from "@/lib/admin/roles";
import type { Db } from "@/lib/db";
import type { OrderStatus } from "./status";

export class FulfilmentError extends Error {}

export type FulfilledOrder = { id: string; number: string; status: OrderStatus; jobKeys: string[] };

export type MailKind = "shipped" | "delivered";

/** The command line's actor: the owner's rights, named by the operating system's user. */
export function cliActor(): Actor & { kind: "cli" } {
  let user = process.env.USER || process.env.USERNAME || "unknown";
  try {
    user = userInfo().username || user;
  } catch {
    // No passwd entry (some containers): the environment's name will do.
  }
  return { kind: "cli", email: `cli:${user}`, role: "OWNER" };
}

/** Input mistakes (a carrier we do not ship with, a malformed tracking number) as the command line reports them. */
async function asCli<T extends orders.StepResult>(work: () => Promise<T>): Promise<FulfilledOrder> {
  try {
    const done = await work();
    return { id: done.id, number: done.number, status: done.status, jobKeys: done.jobKeys };
  } catch (error) {
    if (error instanceof ActionError) throw new FulfilmentError(error.message);
    throw error;
  }
}

export function markPacked(prisma: Db, orderId: string, now = new Date(), actor: Actor = cliActor()): Promise<FulfilledOrder> {
  return asCli(() => orders.markPacked(prisma, actor, { orderId }, now));
}

/** Ships every unit not yet shipped, in one parcel with this carrier and tracking number. */
export function markShipped(
  prisma: Db,
  orderId: string,
  shipment: { carrier: string; trackingNumber: string },
  now = new Date(),
  actor: Actor = cliActor(),
): Promise<FulfilledOrder> {
  return asCli(() => orders.ship(prisma, actor, { orderId, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, lines: "all" }, now));
}

export function markDelivered(prisma: Db, orderId: string, now = new Date(), actor: Actor = cliActor()): Promise<FulfilledOrder> {
  return asCli(() => orders.markDelivered(prisma, actor, { orderId }, now));
}

/** The order with this number (e.g. "SP-7K4Q-9XM2"), for the shop's own tools. */
export const orderIdByNumber = orders.orderIdByNumber;
