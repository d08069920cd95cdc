import { describe, expect, it } from "vitest";
import { assertTransition, canTransition, transitions, TransitionError, type OrderStatus } from "@/lib/orders/status";

const all = Object.keys(transitions) as OrderStatus[];

describe("the order status machine", () => {
  it("follows payment through fulfilment", () => {
    const path: OrderStatus[] = ["AWAITING_PAYMENT", "PAID", "PACKED", "SHIPPED", "DELIVERED", "REFUNDED"];
    for (let i = 1; i < path.length; i++) expect(() => assertTransition(path[i - 1]!, path[i]!)).not.toThrow();
  });

  it.each([
    ["AWAITING_PAYMENT", "SHIPPED"],
    ["AWAITING_PAYMENT", "PACKED"],
    ["PAID", "DELIVERED"],
    ["PAID", "AWAITING_PAYMENT"],
    ["SHIPPED", "PACKED"],
    ["DELIVERED", "SHIPPED"],
    ["CANCELLED", "SHIPPED"],
    ["REFUNDED", "PAID"],
  ] as [OrderStatus, OrderStatus][])("refuses %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(TransitionError);
  });

  it("ends at refunded: nothing leaves it", () => {
    for (const to of all) expect(canTransition("REFUNDED", to)).toBe(false);
  });

  it("never goes back to awaiting payment", () => {
    for (const from of all) expect(canTransition(from, "AWAITING_PAYMENT")).toBe(false);
  });
});
