"use client";
// The per-visitor parts of pages that are static HTML (docs/decisions/0014):
// the account link, the cart count, the remembered pen and a product's live
// stock. One small JSON request (GET /api/visitor) per page view fills them
// in; until it answers, each part shows what static HTML can honestly say
// ("Sign in", "Cart", the stock band), in the same space, so nothing moves.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { StockStatus } from "@/lib/catalog/format";
import type { VisitorView } from "@/lib/catalog/visitor";

type Visitor = { view: VisitorView | null; setCartCount(count: number): void };

const VisitorContext = createContext<Visitor>({ view: null, setCartCount: () => {} });

const PRODUCT_PATH = /^\/products\/([a-z0-9][a-z0-9-]{0,99})$/;

export function VisitorProvider({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const [view, setView] = useState<VisitorView | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const product = PRODUCT_PATH.exec(pathname)?.[1];
    fetch(product ? `/api/visitor?product=${product}` : "/api/visitor", { signal: controller.signal, cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<VisitorView>) : null))
      .then((v) => v && setView(v))
      .catch(() => {
        // Offline or navigating away: the static parts stay as they are.
      });
    return () => controller.abort();
  }, [pathname]);
  const setCartCount = useCallback((cartCount: number) => setView((v) => (v ? { ...v, cartCount } : v)), []);
  const value = useMemo(() => ({ view, setCartCount }), [view, setCartCount]);
  return <VisitorContext.Provider value={value}>{children}</VisitorContext.Provider>;
}

export function useVisitor(): Visitor {
  return useContext(VisitorContext);
}

// The account, sign-in and cart pages are made per visitor on every request:
// they are not prefetched, or every catalog page view (served from the page
// cache in a millisecond) would make the server render three of them.
export function AccountLink() {
  const { view } = useVisitor();
  return view?.signedIn ? (
    <Link href="/account" prefetch={false} className="text-sm font-medium hover:underline" data-testid="account-link">
      Account
    </Link>
  ) : (
    <Link href="/signin" prefetch={false} className="text-sm font-medium hover:underline" data-testid="account-link">
      Sign in
    </Link>
  );
}

export function CartLink() {
  const { view } = useVisitor();
  const count = view?.cartCount ?? 0;
  return (
    <Link
      href="/cart"
      prefetch={false}
      className="inline-flex items-center gap-1.5 whitespace-nowrap text-sm font-medium hover:underline"
      data-testid="cart-link"
    >
      Cart
      {/* Space kept for the count, so the header does not move when it arrives. */}
      <span
        className={`inline-block min-w-6 rounded-full px-1.5 text-center text-xs leading-5 ${count > 0 ? "bg-brand text-white" : "invisible"}`}
        data-testid="cart-count"
        aria-hidden={count > 0 ? undefined : true}
      >
        {count > 0 ? <span className="sr-only">, </span> : null}
        {count}
        {count > 0 ? <span className="sr-only">{count === 1 ? " item" : " items"}</span> : null}
      </span>
    </Link>
  );
}

/** A product's availability: the band from the static page, replaced by the live status once known. */
export function LiveStock({ sku, band }: { sku: string; band: StockStatus }) {
  const { view } = useVisitor();
  const status = view?.stock?.[sku] ?? band;
  const tone = status.tone === "out" ? "text-danger" : status.tone === "low" ? "text-warn" : "text-brand-dark";
  return (
    <p className={`mt-1 text-sm font-medium ${tone}`} data-testid="stock-status" aria-live="polite">
      {status.label}
    </p>
  );
}

/** Whether this cartridge fits the visitor's pen: one line, always there, filled in once the pen is known. */
export function PenFit({ fits }: { fits: { slug: string; name: string }[] }) {
  const { view } = useVisitor();
  const pen = view?.pen;
  if (pen && fits.some((f) => f.slug === pen.slug)) {
    return (
      <p className="mt-6 rounded bg-brand-soft p-3 text-sm" data-testid="fit-note">
        Fits your {pen.name}.
      </p>
    );
  }
  if (pen) {
    return (
      <p role="alert" data-testid="fit-warning" className="mt-6 rounded border border-danger/30 bg-red-50 p-3 text-sm text-danger">
        This cartridge does not fit the {pen.name} you told us you have. See the pens it fits below.
      </p>
    );
  }
  return (
    <p className="mt-6 rounded border border-line bg-white p-3 text-sm text-muted" data-testid="fit-unknown">
      <Link href="#pens" className="underline">
        Check which pens it fits
      </Link>{" "}
      before you order: a cartridge must click securely into your pen.
    </p>
  );
}
