import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { accountOrders, latestApplication, licencesOf, listAddresses, savedPenModel } from "@/lib/data";
import { penErrorMessage } from "@/lib/accounts";
import { currentUser } from "@/lib/accounts/session";
import { formatDate, formatMoney, getCatalog } from "@/lib/catalog";
import { countries } from "@/lib/addresses";
import { label } from "@/lib/orders/status";
import { deleteAddressAction, savePenAction, signOutAction } from "./actions";
import { AddressForm } from "./address-form";

export const metadata: Metadata = { title: "Your account", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/account");
  const [orders, addresses, pen, catalog, query, application, licences] = await Promise.all([
    accountOrders(user.id),
    listAddresses(user.id),
    savedPenModel(user.id),
    getCatalog(),
    searchParams,
    latestApplication(user.id),
    licencesOf(user.id),
  ]);
  const penError = penErrorMessage(query.penError);
  const penSaved = query.pen === "saved";
  const professional = professionalSummary(application, licences);

  return (
    <div className="space-y-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Your account</h1>
          <p className="mt-2 text-muted" data-testid="account-email">
            Signed in as {user.email}
          </p>
        </div>
        <form action={signOutAction}>
          <button type="submit" className="rounded border border-line bg-white px-4 py-2 text-sm font-medium hover:bg-brand-soft">
            Sign out
          </button>
        </form>
      </header>

      <section aria-labelledby="orders-heading" className="space-y-3">
        <h2 id="orders-heading" className="text-xl font-semibold">
          Orders
        </h2>
        {orders.length === 0 ? (
          <p className="text-muted">No orders yet. Orders you place while signed in, or earlier with {user.email}, show here.</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line bg-white" data-testid="account-orders">
            {orders.map((o) => (
              <li key={o.id} className="flex flex-wrap items-baseline justify-between gap-2 p-4">
                <div>
                  <Link href={`/account/orders/${o.id}`} className="font-medium underline hover:text-brand">
                    Order {o.number}
                  </Link>
                  <p className="text-sm text-muted">
                    {formatDate(o.createdAt.toISOString())} · {o.items.map((i) => `${i.quantity} × ${i.name}`).join(", ")}
                  </p>
                </div>
                <div className="text-right text-sm">
                  <p className="font-medium">{formatMoney(o.totalCents, o.currency)}</p>
                  <p className="text-muted">{label(o.status)}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="addresses-heading" className="space-y-4">
        <h2 id="addresses-heading" className="text-xl font-semibold">
          Saved addresses
        </h2>
        {addresses.length === 0 ? (
          <p className="text-muted">No saved addresses yet.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="saved-addresses">
            {addresses.map((a) => (
              <li key={a.id} className="flex items-start justify-between gap-3 rounded-lg border border-line bg-white p-4 text-sm">
                <address className="not-italic">
                  {a.name}
                  <br />
                  {a.line1}
                  {a.line2 && (
                    <>
                      <br />
                      {a.line2}
                    </>
                  )}
                  <br />
                  {[a.city, a.region, a.postalCode].filter(Boolean).join(", ")}
                  <br />
                  {countries[a.country] ?? a.country}
                </address>
                <form action={deleteAddressAction}>
                  <input type="hidden" name="addressId" value={a.id} />
                  <button type="submit" className="text-danger underline" aria-label={`Delete the address for ${a.name}, ${a.line1}`}>
                    Delete
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <details className="rounded-lg border border-line bg-white p-4" open={addresses.length === 0}>
          <summary className="cursor-pointer font-medium">Add an address</summary>
          <div className="mt-4">
            <AddressForm countries={countries} />
          </div>
        </details>
      </section>

      <section aria-labelledby="professional-heading" className="space-y-2">
        <h2 id="professional-heading" className="text-xl font-semibold">
          Professional account
        </h2>
        <p className="text-sm text-muted" data-testid="professional-summary">
          {professional.text}
        </p>
        <Link href="/account/professional" className="inline-block font-medium underline hover:text-brand">
          {professional.link}
        </Link>
      </section>

      <section aria-labelledby="pen-heading" id="pen" className="space-y-3">
        <h2 id="pen-heading" className="text-xl font-semibold">
          Your pen
        </h2>
        <p className="text-sm text-muted">Cartridge listings show what fits it, and your cart tells you if something does not.</p>
        <form action={savePenAction} className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="account-pen" className="block text-sm font-medium">
              Pen model
            </label>
            <select
              id="account-pen"
              name="pen"
              defaultValue={pen?.slug ?? ""}
              aria-invalid={penError ? true : undefined}
              aria-describedby={penError ? "account-pen-error" : undefined}
              className="mt-1 w-full max-w-xs rounded border border-line bg-white px-2 py-1.5"
            >
              <option value="">I have not chosen a pen</option>
              {catalog.penModels.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-brand px-3 py-1.5 font-medium text-brand-dark hover:bg-brand-soft">
            Save pen
          </button>
        </form>
        {penError && (
          <p id="account-pen-error" className="text-sm text-danger">
            {penError}
          </p>
        )}
        {penSaved && !penError && (
          <p role="status" className="text-sm text-brand-dark">
            Saved{pen ? `: ${pen.name}` : ""}.
          </p>
        )}
      </section>
    </div>
  );
}

/** One line on where the customer stands as a professional, and what the link to their professional page says. */
function professionalSummary(
  application: Awaited<ReturnType<typeof latestApplication>>,
  licences: Awaited<ReturnType<typeof licencesOf>>,
): { text: string; link: string } {
  const now = new Date();
  const current = licences.find((l) => l.validUntil > now);
  const expiry = (d: Date) => formatDate(d.toISOString(), "UTC");
  if (application?.status === "SUBMITTED") return { text: "Your application is waiting for review.", link: "See your application" };
  if (application?.status === "NEEDS_INFO") return { text: "Our team needs more from you to finish your application.", link: "Update your application" };
  if (application?.status === "DRAFT") return { text: "You have started an application and not sent it yet.", link: "Finish your application" };
  if (current) {
    const soon = current.validUntil.getTime() - now.getTime() <= 30 * 24 * 3600_000;
    return {
      text: `Verified professional. Your licence expires on ${expiry(current.expiresOn)}.${soon ? " Renew it to keep ordering professional-only items." : ""}`,
      link: soon ? "Send your renewed licence" : "Your licence",
    };
  }
  if (licences[0]) return { text: `Your licence expired on ${expiry(licences[0].expiresOn)}.`, link: "Send your renewed licence" };
  if (application?.status === "REJECTED") return { text: "Your last application was not approved.", link: "See why, or apply again" };
  return {
    text: "Trained practitioners can apply to order professional-only kits and deeper cartridges.",
    link: "Apply for a professional account",
  };
}
