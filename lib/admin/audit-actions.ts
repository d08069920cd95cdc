import type { AdminAction } from "./actions";

export const auditActions: AdminAction[] = [];
