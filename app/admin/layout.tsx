// The back office's frame: a section list for the staff member's role. Anyone
// else gets the store's 404 here, and every page checks its own capability
// again (a layout is not re-run on every navigation). Links are not
// prefetched: every back-office page is dynamic and checks the session (and
// moves its idle clock), so a prefetch would be a full request per link.
import Link from "next/link";
import type { Metadata } from "next";
import { adminPage, withAdminDb } from "@/lib/admin/page";
import { waitingApplications } from "@/lib/admin/professionals";
import { can, currentStaff } from "@/lib/admin/staff";

// No title here: each page names itself through adminMetadata, only for
// those who may see it, so a refusal's 404 is titled like a missing page.
export async function generateMetadata(): Promise<Metadata> {
  return (await currentStaff()).state === "staff" ? { robots: { index: false, follow: false } } : {};
}
export const dynamic = "force-dynamic";

const sections = [
  { href: "/admin/orders", label: "Orders", capability: "orders.read" },
  { href: "/admin/stock", label: "Stock", capability: "stock.read" },
  { href: "/admin/products", label: "Products", capability: "products.write" },
  { href: "/admin/guides", label: "Guides", capability: "guides.draft" },
  { href: "/admin/professionals", label: "Professionals", capability: "professionals.review" },
  { href: "/admin/staff", label: "Staff", capability: "staff.manage" },
  { href: "/admin/audit", label: "Audit log", capability: "audit.read" },
] as const;

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const actor = await adminPage("orders.read");
  // Applications waiting for a decision, next to "Professionals" (one count).
  const waiting = can(actor.role, "professionals.review") ? await withAdminDb(waitingApplications)(actor) : 0;
  return (
    <div className="space-y-6" data-testid="admin">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3">
        <nav aria-label="Back office">
          <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm font-medium">
            <li>
              <Link href="/admin" prefetch={false} className="underline-offset-4 hover:underline">
                Back office
              </Link>
            </li>
            {sections
              .filter((s) => can(actor.role, s.capability))
              .map((s) => (
                <li key={s.href}>
                  {/* No prefetch: every back-office page is dynamic and checks its capability per request. */}
                  <Link href={s.href} prefetch={false} className="underline-offset-4 hover:underline">
                    {s.label}
                    {s.href === "/admin/professionals" && waiting > 0 && (
                      <span className="ml-1 rounded-full bg-warn-soft px-1.5 text-xs text-warn" data-testid="admin-professionals-waiting">
                        {waiting}
                        <span className="sr-only"> waiting</span>
                      </span>
                    )}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <p className="text-sm text-muted" data-testid="admin-actor">
          {actor.email} · {actor.role === "OWNER" ? "Owner" : "Staff"}
        </p>
      </div>
      {children}
    </div>
  );
}
