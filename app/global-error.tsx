"use client";
// The last resort, when the root layout itself failed: it replaces the whole
// document, so it brings its own <html> and the stylesheet. Like app/error.tsx
// it shows only the error id, never the message or stack.
import "./globals.css";
import { ErrorNotice } from "@/components/error-notice";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <main className="mx-auto max-w-xl px-4 py-12 text-center">
          <ErrorNotice digest={error.digest} reset={reset} detail="Please try again in a moment." />
        </main>
      </body>
    </html>
  );
}
