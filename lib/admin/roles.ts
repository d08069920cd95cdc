// The roles and what each may do; no Next.js imports, so the command line and
// tests use the same rules (lib/admin/staff.ts reads the request's session).
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/enums";

export const capabilities = [
  "orders.read",
  "orders.write",
  "refunds",
  "stock.read",
  "stock.write",
  "products.write",
  "guides.draft",
  "guides.publish",
  "guides.notify",
  "staff.manage",
  "audit.read",
  "professionals.review",
] as const;
export type Capability = (typeof capabilities)[number];

const OWNER_ONLY: ReadonlySet<Capability> = new Set(["refunds", "guides.publish", "guides.notify", "staff.manage", "audit.read"]);

/**
 * Someone acting in the back office. `kind: "cli"` is the shop's own command
 * line (`npm run fulfil`), run by whoever has the database's address.
 */
export type Actor = { kind: "staff"; email: string; role: StaffRole; userId: string } | { kind: "cli"; email: string; role: "OWNER" };

export function can(role: StaffRole, capability: Capability): boolean {
  return role === "OWNER" || !OWNER_ONLY.has(capability);
}

/** Thrown for anyone without the right: answered exactly like a page that does not exist. */
export class AdminRefused extends Error {
  constructor() {
    super("Not found.");
  }
}

/** The guard every back-office write calls first. */
export function authorize(actor: Actor | null | undefined, capability: Capability): asserts actor is Actor {
  if (!actor || !can(actor.role, capability)) throw new AdminRefused();
}

/** The role of the account with this email, or null for a customer. */
export async function roleOf(prisma: Db, email: string): Promise<StaffRole | null> {
  const normal = email.trim().toLowerCase();
  if (!normal) return null;
  if (config().ownerEmail && normal === config().ownerEmail) return "OWNER";
  const member = await prisma.staffMember.findUnique({ where: { email: normal }, select: { role: true, removedAt: true } });
  return member && !member.removedAt ? member.role : null;
}

/** How the audit log names an actor's role. */
export function actorRole(actor: Actor): string {
  return actor.kind === "cli" ? "CLI" : actor.role;
}
