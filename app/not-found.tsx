import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-semibold">We could not find that page</h1>
      <p className="mt-3 text-muted">The product or category may have moved, or the address may have a typo.</p>
      <p className="mt-6 flex justify-center gap-4">
        <Link href="/" className="underline">
          Home
        </Link>
        <Link href="/shop" className="underline">
          All products
        </Link>
      </p>
    </div>
  );
}
