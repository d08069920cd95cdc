// A back-office action: what a form at /admin/... posts to. Each one names the
// capability it needs, the zod schema of its fields, and what it does. Every
// action is reached through one route, /admin/actions/<name>
// (app/admin/actions/[action]/route.ts), which in this order: refuses a
// cross-site post, finds the action, finds the staff member and checks the
// capability (anyone else, and any unknown name, gets the same 404), reads
// at most MAX_ADMIN_BODY bytes of form, validates it, and runs it. The
// lib/admin function the action calls checks the capability again itself.
import type { z } from "zod";
import type { Db } from "@/lib/db";
import type { Actor, Capability } from "./roles";

/** A message for the person at the form: next to `field` when given, else at the top of the form. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type ActionDone = {
  /** A path under /admin to go to. */
  redirect: string;
  notice?: string;
};

export type AdminAction<S extends z.ZodType = z.ZodType> = {
  name: string;
  capability: Capability;
  input: S;
  /** Where the form lives: errors are shown there. Built from the raw fields (already checked to be plain text). */
  back(fields: Record<string, string>): string;
  run(ctx: { db: Db; actor: Actor }, input: z.infer<S>): Promise<ActionDone>;
};

export function defineAction<S extends z.ZodType>(action: AdminAction<S>): AdminAction<S> {
  return action;
}

/** A form of the back office is at most this large (a guide section's text is the largest). */
export const MAX_ADMIN_BODY = 128 * 1024;

/**
 * A path under /admin, or /admin: never a redirect off the back office.
 * Spaces and characters beyond ASCII are percent-encoded, so the path is
 * always a valid Location header (an id typed into a form cannot make it fail).
 */
export function adminPath(path: string): string {
  if (!/^\/admin(?:[/?#]|$)/.test(path) || path.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(path)) return "/admin";
  try {
    return path.replace(/[^\u0021-\u007e]+/g, (run) => encodeURIComponent(run));
  } catch {
    return "/admin"; // a lone surrogate
  }
}
