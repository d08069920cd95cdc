// Who is signed in, for server components, server actions and route handlers.
// The session lives in the database (Auth.js "database" strategy); these read
// it through auth() and return plain values, or null for a guest. auth() is
// read once per request (React cache), however many places ask.
import { cookies } from "next/headers";
import { cache } from "react";
import { auth } from "@/auth";

export type CurrentUser = { id: string; email: string; name: string | null };

/** Auth.js's session cookie (`__Secure-` on https; `.0`, `.1`… if ever chunked). */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  // No session cookie, no session: a guest (most requests) costs no Auth.js
  // round (its configuration built, a session request run) and no lookup.
  if (!(await cookies()).getAll().some((c) => SESSION_COOKIE.test(c.name))) return null;
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
});

export async function currentUserId(): Promise<string | null> {
  return (await currentUser())?.id ?? null;
}
