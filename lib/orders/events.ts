// An order's timeline: every step with who caused it (the customer, a staff
// member, Stripe, the demo payment page, or the store itself). Written in the
// same transaction as the step. Internal notes are events the customer never
// sees; everything else may appear on their tracking page.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorKind } from "@/lib/generated/prisma/enums";

export type OrderEventInput = {
  orderId: string;
  kind: string;
  actorKind: ActorKind;
  actorEmail?: string | null;
  message: string;
  data?: Prisma.InputJsonValue;
  customerVisible?: boolean;
  at?: Date;
};

export async function recordOrderEvent(tx: Prisma.TransactionClient, event: OrderEventInput): Promise<void> {
  await tx.orderEvent.create({
    data: {
      orderId: event.orderId,
      kind: event.kind,
      actorKind: event.actorKind,
      actorEmail: event.actorEmail ?? null,
      message: event.message,
      data: event.data,
      customerVisible: event.customerVisible ?? true,
      ...(event.at && { at: event.at }),
    },
  });
}
