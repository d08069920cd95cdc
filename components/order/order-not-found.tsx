// What an order link that opens nothing shows (a mistyped, expired or
// revoked link, or an order that is not this visitor's): where to go
// instead, without saying which of those it was.
import Link from "next/link";

export function OrderNotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-semibold">We could not open that order</h1>
      <p className="mt-3 text-muted">
        The link may be incomplete or may have expired. You can look up an order with its number and the email address it was placed with.
      </p>
      <p className="mt-6 flex flex-wrap justify-center gap-4">
        <Link href="/track" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
          Find your order
        </Link>
        <Link href="/account" prefetch={false} className="self-center underline">
          Your account
        </Link>
      </p>
    </div>
  );
}
