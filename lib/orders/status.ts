// The order status machine. Every change of status, whether a payment event
// or the shop's fulfilment, goes through `assertTransition`.
// The statuses themselves are the schema's enum (prisma/schema.prisma), never retyped here.
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export type { OrderStatus };

export const transitions: Record<OrderStatus, readonly OrderStatus[]> = {
  AWAITING_PAYMENT: ["PAID", "CANCELLED"],
  // The shop may cancel a paid order before anything has left (lib/admin/orders.ts):
  // its stock goes back and the payment is refunded in full.
  PAID: ["PACKED", "CANCELLED", "REFUNDED"],
  PACKED: ["SHIPPED", "CANCELLED", "REFUNDED"],
  SHIPPED: ["DELIVERED", "REFUNDED"],
  DELIVERED: ["REFUNDED"],
  // A payment that lands after the hold lapsed reinstates the order if its
  // stock can be taken again; a late payment later refunded ends refunded.
  CANCELLED: ["PAID", "REFUNDED"],
  REFUNDED: [],
};

export class TransitionError extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`An order that is ${label(from).toLowerCase()} cannot become ${label(to).toLowerCase()}.`);
  }
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return transitions[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new TransitionError(from, to);
}

/** Statuses in which the goods are (or were) on their way: stock is not returned on refund. */
export const shippedStatuses: readonly OrderStatus[] = ["SHIPPED", "DELIVERED"];
export const paidStatuses: readonly OrderStatus[] = ["PAID", "PACKED", "SHIPPED", "DELIVERED"];

export function label(status: OrderStatus): string {
  return {
    AWAITING_PAYMENT: "Awaiting payment",
    PAID: "Paid",
    PACKED: "Packed",
    SHIPPED: "Shipped",
    DELIVERED: "Delivered",
    CANCELLED: "Cancelled",
    REFUNDED: "Refunded",
  }[status];
}
