import type { AdminAction } from "./actions";

export const staffActions: AdminAction[] = [];
