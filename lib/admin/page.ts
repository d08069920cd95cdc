// The first line of every /admin page: the staff member, or the same 404 as a
// missing page for anyone without the capability; a staff member whose
// back-office session expired is sent to sign in again.
import "server-only";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db, type Db } from "@/lib/db";
import { storeSecret } from "@/lib/secret";
import { FLASH_COOKIE, FLASH_PARAM, openFlash, type Flash } from "./flash";
import { can, currentStaff, type Actor, type Capability } from "./staff";

export async function adminPage(capability: Capability, path = "/admin"): Promise<Actor & { kind: "staff" }> {
  const staff = await currentStaff();
  if (staff.state === "expired") redirect(`/signin?callbackUrl=${encodeURIComponent(path.startsWith("/admin") ? path : "/admin")}&expired=1`);
  if (staff.state !== "staff" || !can(staff.actor.role, capability)) notFound();
  return staff.actor;
}

/**
 * A back-office page's title ("Staff | Back office"), given only to someone
 * who may see the page: anyone else's 404 must carry the same title as a
 * missing page's, not one that says the page exists. Use as
 * `export const generateMetadata = adminMetadata("staff.manage", "Staff")`.
 */
export function adminMetadata(capability: Capability, title: string): () => Promise<Metadata> {
  return async () => {
    const staff = await currentStaff();
    return staff.state === "staff" && can(staff.actor.role, capability) ? { title: { absolute: `${title} | Back office` } } : {};
  };
}

/** The flash this page was sent back with (see lib/admin/flash.ts), or null. */
export async function pageFlash(query: Record<string, string | string[] | undefined>): Promise<Flash | null> {
  return openFlash((await cookies()).get(FLASH_COOKIE)?.value, storeSecret(), query[FLASH_PARAM]);
}

/** The values and messages for one form: only when the flash came from that form's action. */
export function formState(flash: Flash | null, action: string): { values: Record<string, string>; errors: Record<string, string>; formError?: string } {
  if (!flash || flash.action !== action) return { values: {}, errors: {} };
  return { values: flash.values, errors: flash.errors, formError: flash.formError };
}

/**
 * A lib/admin function with the store's database bound, for pages and the
 * action route: app/ never imports lib/db itself (the layout rule,
 * docs/decisions/0010), it calls lib functions, and those take the database
 * first so tests pass their own. `withAdminDb(listStaff)(actor)`.
 */
export function withAdminDb<A extends unknown[], R>(fn: (prisma: Db, ...args: A) => R): (...args: A) => R {
  return (...args) => fn(db(), ...args);
}
