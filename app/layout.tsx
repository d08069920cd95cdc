import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { VisitorProvider } from "@/components/visitor";
import { demoPaymentsEnabled } from "@/lib/payments";
import { siteName, siteTagline, siteUrl } from "@/lib/site";
import { infoPages } from "@/lib/site-pages";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: `${siteName}: microneedling cartridges, pen kits and aftercare`, template: `%s | ${siteName}` },
  description: siteTagline,
  openGraph: { siteName, type: "website", locale: "en_US" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2f6b63" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen flex flex-col font-sans antialiased">
        <VisitorProvider>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          {demoPaymentsEnabled() && (
            <div className="bg-warn-soft px-4 py-2 text-center text-sm text-warn no-print" data-testid="demo-banner">
              Demo store: payments are simulated and no money is taken. Emails are kept in the{" "}
              <Link href="/outbox" prefetch={false} className="underline">
                outbox
              </Link>{" "}
              instead of being sent.
            </div>
          )}
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
            {children}
          </main>
          <footer className="border-t border-line bg-white text-sm text-muted no-print">
            <div className="mx-auto max-w-6xl space-y-2 px-4 py-6">
              <nav aria-label="Store information">
                <ul className="flex flex-wrap gap-x-5 gap-y-2">
                  {infoPages.map((p) => (
                    <li key={p.href}>
                      <Link href={p.href} className="underline hover:text-brand">
                        {p.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
              <p>
                {siteName} sells cosmetic microneedling supplies. Our instructions inform; they are not medical advice. If you have a skin condition or take
                medication, ask a clinician before microneedling.
              </p>
              <p>Pen models named here are our own. Cartridges are single-use: never share or reuse one.</p>
            </div>
          </footer>
        </VisitorProvider>
      </body>
    </html>
  );
}
