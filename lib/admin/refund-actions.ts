import type { AdminAction } from "./actions";

export const refundActions: AdminAction[] = [];
