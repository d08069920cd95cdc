"use client";
// The header's "Sign in" / "Account" link. It asks Auth.js for the session
// from the browser so that the shared layout stays static (reading the
// session on the server would make every page dynamic).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";

export function AccountLink() {
  const pathname = usePathname();
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/auth/session", { signal: controller.signal, cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((s: { user?: unknown } | null) => setSignedIn(Boolean(s && s.user)))
      .catch(() => {
        // Offline or navigating away: keep showing "Sign in".
      });
    return () => controller.abort();
  }, [pathname]);
  return signedIn ? (
    <Link href="/account" className="text-sm font-medium hover:underline" data-testid="account-link">
      Account
    </Link>
  ) : (
    <Link href="/signin" className="text-sm font-medium hover:underline" data-testid="account-link">
      Sign in
    </Link>
  );
}
