import type { AdminAction } from "./actions";

export const productActions: AdminAction[] = [];
