import type { AdminAction } from "./actions";

export const stockActions: AdminAction[] = [];
