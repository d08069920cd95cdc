import type { AdminAction } from "./actions";

export const orderActions: AdminAction[] = [];
