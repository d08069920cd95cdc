// Who may do what in the back office (/admin). Two roles:
//   OWNER  everything: orders, fulfilment, stock, products, guides (drafts and
//          publishing), refunds, staff and the audit log.
//   STAFF  orders, fulfilment, stock, products and guide drafts; no refunds,
//          no publishing, no staff changes, no audit log.
// The first owner is the account whose email is STORE_OWNER_EMAIL (a setting
// the app cannot change); the owner invites everyone else by email.
//
// Every lib/admin function that writes takes an Actor and calls authorize()
// first, so the check sits next to what it guards whichever way it is reached
// (a back-office form, the command line, a test). A refusal is AdminRefused,
// which every /admin page and action answers with the same 404 as a missing
// page: nobody learns what exists from being refused.
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { currentUser } from "@/lib/accounts/session";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { roleOf } from "./roles";
import { staffSessionState } from "./staff-session";

export { can, capabilities, type Capability, roleOf, AdminRefused, authorize, type Actor } from "./roles";
export { touchStaffSession } from "./staff-session";
import type { Actor } from "./roles";

/** Auth.js's database-session cookie: `__Secure-` when the store is on https, as Auth.js names it. */
const sessionCookieName = () => (config().https ? "__Secure-authjs.session-token" : "authjs.session-token");

export type StaffLookup = { state: "staff"; actor: Actor & { kind: "staff" } } | { state: "expired" } | { state: "none" };

/**
 * The signed-in staff member behind this request, read once per request.
 * "expired": a staff member whose back-office session went unused for
 * STAFF_IDLE_MINUTES (or who never used this session for the back office and
 * signed in longer ago than that): the session is ended and they must sign in
 * again. "none": a customer or a visitor.
 */
export const currentStaff = cache(async (): Promise<StaffLookup> => {
  const user = await currentUser();
  if (!user) return { state: "none" };
  const prisma = db();
  const role = await roleOf(prisma, user.email);
  if (!role) return { state: "none" };
  const jar = await cookies();
  const token = jar.get(sessionCookieName())?.value;
  if (!token) return { state: "none" };
  // The session Auth.js just read for this user; a token of someone else's (or a stray cookie) keeps nothing alive.
  const session = await staffSessionState(prisma, token, config().staffIdleMinutes, new Date(), user.id);
  if (session === "foreign") return { state: "none" };
  if (session === "expired") return { state: "expired" };
  return { state: "staff", actor: { kind: "staff", email: user.email.toLowerCase(), role, userId: user.id } };
});

export type { StaffRole };
