import Link from "next/link";
import { adminMetadata, adminPage } from "@/lib/admin/page";
import { can } from "@/lib/admin/staff";

export const generateMetadata = adminMetadata("orders.read", "Back office");

export default async function AdminHome() {
  const actor = await adminPage("orders.read", "/admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Back office</h1>
      <p className="text-muted">
        Signed in as {actor.email}. Start with the{" "}
        <Link href="/admin/orders?needs=action" prefetch={false} className="underline">
          orders that need action
        </Link>{" "}
        or the{" "}
        <Link href="/admin/stock?low=1" prefetch={false} className="underline">
          low-stock list
        </Link>
        .
      </p>
      {can(actor.role, "professionals.review") && (
        <p className="text-muted">
          Professional accounts:{" "}
          <Link href="/admin/professionals" prefetch={false} className="underline">
            applications waiting for a decision
          </Link>
          .
        </p>
      )}
    </div>
  );
}
