// The order page's forms (app/admin/orders/[number]/page.tsx): each posts to
// /admin/actions/order.<verb> and calls the lib/admin/orders.ts step. Every
// form carries the order's id (what is changed) and its number (where to go
// back to: only ever a well-formed number, and after a success the number
// the order itself has). A payment held for review is released here too
// (order.release-hold), with a note saying what was checked.
import { z } from "zod";
import { TransitionError } from "@/lib/orders/status";
import { id, text } from "@/lib/validation";
import { ActionError, defineAction, type AdminAction } from "./actions";
import { addNote, CANCEL_REASON_MAX, cancelOrder, isOrderNumber, markDelivered, markPacked, NOTE_MAX, releaseHold, ship, type StepResult } from "./orders";

const orderPage = (number: string | undefined) => (isOrderNumber(number) ? `/admin/orders/${number.toUpperCase()}` : "/admin/orders");

const base = {
  orderId: id("We could not find that order."),
  number: z.string().max(20).optional(),
};

/** A move the status machine refuses is something the person must know, in the same words. */
async function step<T extends StepResult>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TransitionError) throw new ActionError(`${error.message} Nothing was changed.`);
    throw error;
  }
}

const QTY_FIELD = /^qty_([A-Za-z0-9_-]{1,64})$/;

export const orderActions: AdminAction[] = [
  defineAction({
    name: "order.note",
    capability: "orders.write",
    input: z.object({
      ...base,
      note: text({ max: NOTE_MAX, tooLong: `Keep a note under ${NOTE_MAX} characters.`, multiline: true })
        .transform((v) => v.trim())
        .pipe(z.string().min(1, "Write the note first.")),
    }),
    back: (f) => orderPage(f.number),
    run: async ({ db, actor }, input) => {
      const done = await step(() => addNote(db, actor, { orderId: input.orderId, note: input.note }));
      return { redirect: orderPage(done.number), notice: "Note added. Only the shop sees it." };
    },
  }),

  defineAction({
    name: "order.release-hold",
    capability: "orders.write",
    input: z.object({
      ...base,
      note: text({ max: NOTE_MAX, tooLong: `Keep a note under ${NOTE_MAX} characters.`, multiline: true })
        .transform((v) => v.trim())
        .pipe(z.string().min(1, "Say what you checked before releasing the hold.")),
    }),
    back: (f) => orderPage(f.number),
    run: async ({ db, actor }, input) => {
      const done = await step(() => releaseHold(db, actor, { orderId: input.orderId, note: input.note }));
      return { redirect: orderPage(done.number), notice: `The hold on ${done.number} is released: it can be packed and shipped.` };
    },
  }),

  defineAction({
    name: "order.pack",
    capability: "orders.write",
    input: z.object(base),
    back: (f) => orderPage(f.number),
    run: async ({ db, actor }, input) => {
      const done = await step(() => markPacked(db, actor, { orderId: input.orderId }));
      return { redirect: orderPage(done.number), notice: `Order ${done.number} is marked packed.` };
    },
  }),

  defineAction({
    name: "order.ship",
    capability: "orders.write",
    // The per-line quantities are fields named qty_<order item id>; read below.
    input: z.looseObject({
      ...base,
      carrier: z.string().max(40),
      trackingNumber: text({ max: 60, tooLong: "A tracking number is at most 40 characters." }),
    }),
    back: (f) => orderPage(f.number),
    run: async ({ db, actor }, input) => {
      const lines: { orderItemId: string; quantity: number }[] = [];
      for (const [name, value] of Object.entries(input)) {
        const m = QTY_FIELD.exec(name);
        if (!m) continue;
        const raw = typeof value === "string" ? value.trim() : "";
        if (!/^\d{1,5}$/.test(raw || "0")) throw new ActionError("Enter a whole number of units (0 to leave it out of this parcel).", name);
        lines.push({ orderItemId: m[1]!, quantity: Number(raw || "0") });
      }
      if (lines.length === 0) throw new ActionError("Choose at least one item to put in this parcel.");
      const done = await step(() => ship(db, actor, { orderId: input.orderId, carrier: input.carrier, trackingNumber: input.trackingNumber, lines }));
      return {
        redirect: orderPage(done.number),
        notice: done.status === "SHIPPED" ? `Shipped: every item of ${done.number} is on its way.` : `Parcel shipped. Part of ${done.number} is still to ship.`,
      };
    },
  }),

  defineAction({
    name: "order.deliver",
    capability: "orders.write",
    input: z.object(base),
    back: (f) => orderPage(f.number),
    run: async ({ db, actor }, input) => {
      const done = await step(() => markDelivered(db, actor, { orderId: input.orderId }));
      return { redirect: orderPage(done.number), notice: `Order ${done.number} is marked delivered.` };
    },
  }),

  defineAction({
    name: "order.cancel",
    capability: "orders.write",
    input: z.object({
      ...base,
      reason: text({ max: CANCEL_REASON_MAX, tooLong: `Keep the reason under ${CANCEL_REASON_MAX} characters.`, multiline: true })
        .transform((v) => v.trim())
        .pipe(z.string().min(1, "Say why the order is cancelled (the customer sees this).")),
      confirm: z.literal("yes", { error: "Tick the box to confirm the cancellation." }),
    }),
    back: (f) => orderPage(f.number),
    run: async ({ db, actor }, input) => {
      const done = await step(() => cancelOrder(db, actor, { orderId: input.orderId, reason: input.reason }));
      return { redirect: orderPage(done.number), notice: `Order ${done.number} is cancelled. The customer will get an email.` };
    },
  }),
];
