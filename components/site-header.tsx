// The store's header, the same static HTML on every page (nothing per visitor
// is rendered here: the account link and cart count are filled in by the
// browser, components/visitor.tsx).
//
// Phones: the name, the account and cart links and a Menu button on one row,
// the search box full width below. The Menu is a <details> disclosure, so it
// opens and closes without JavaScript and is announced as a button with its
// state. From the md breakpoint the shop's sections are a row of their own
// and the Menu is not shown.
import Link from "next/link";
import { AccountLink, CartLink } from "@/components/visitor";
import { categories } from "@/lib/catalog/categories";
import { siteName } from "@/lib/site";

const sections = [...categories.map((c) => ({ href: `/shop/${c.slug}`, title: c.title })), { href: "/instructions", title: "Instructions" }];

export function SiteHeader() {
  return (
    <header className="border-b border-line bg-white no-print">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="mr-auto text-xl font-semibold tracking-tight text-brand-dark">
          {siteName}
        </Link>
        <form action="/shop" method="get" role="search" className="order-last flex w-full gap-2 md:order-none md:w-auto">
          <label htmlFor="site-search" className="sr-only">
            Search the store
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search products"
            className="min-w-0 flex-1 rounded border border-line px-2 py-1.5 text-base md:w-64 md:flex-none md:text-sm"
          />
          <button type="submit" className="rounded bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-dark">
            Search
          </button>
        </form>
        <div className="flex items-center gap-4">
          <AccountLink />
          <CartLink />
        </div>
        <details className="relative md:hidden" data-testid="menu">
          <summary className="flex cursor-pointer list-none items-center gap-1.5 rounded border border-line px-2.5 py-1.5 text-sm font-medium [&::-webkit-details-marker]:hidden">
            <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" className="shrink-0">
              <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
            Menu
          </summary>
          <nav
            aria-label="Shop"
            className="absolute right-0 top-full z-30 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-lg border border-line bg-white p-2 shadow-lg"
          >
            <ul className="text-base">
              {sections.map((s) => (
                <li key={s.href}>
                  <Link href={s.href} className="block rounded px-3 py-2.5 hover:bg-brand-soft hover:text-brand-dark">
                    {s.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </details>
      </div>
      <nav aria-label="Shop" className="mx-auto hidden max-w-6xl px-4 pb-3 md:block">
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm font-medium">
          {sections.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="hover:text-brand hover:underline">
                {s.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
