// Every back-office action, by name. Each area keeps its own list next to the
// functions it calls; this is the one place the route looks them up.
import type { AdminAction } from "./actions";
import { auditActions } from "./audit-actions";
import { guideActions } from "./guide-actions";
import { orderActions } from "./order-actions";
import { productActions } from "./product-actions";
import { professionalActions } from "./professional-actions";
import { refundActions } from "./refund-actions";
import { staffActions } from "./staff-actions";
import { stockActions } from "./stock-actions";

const all: AdminAction[] = [
  ...orderActions,
  ...refundActions,
  ...stockActions,
  ...productActions,
  ...guideActions,
  ...staffActions,
  ...auditActions,
  ...professionalActions,
];

const byName = new Map<string, AdminAction>();
for (const action of all) {
  if (byName.has(action.name)) throw new Error(`Two back-office actions are named ${action.name}`);
  byName.set(action.name, action);
}

export function findAction(name: string): AdminAction | null {
  return byName.get(name) ?? null;
}

export function allActions(): readonly AdminAction[] {
  return all;
}
