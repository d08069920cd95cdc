import type { AdminAction } from "./actions";

export const guideActions: AdminAction[] = [];
