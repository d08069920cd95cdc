"use client";
// The last resort, when the root layout itself failed: it replaces the whole
// document, so it brings its own <html> and plain styles (the layout's CSS may
// not have loaded). Like app/error.tsx it shows only the error id (digest),
// which matches the server's log line; never the message or stack.
import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <main className="mx-auto max-w-xl px-4 py-12 text-center">
          <h1 className="text-3xl font-semibold">Something went wrong on our side</h1>
          <p className="mt-3">Please try again in a moment.</p>
          {error.digest && (
            <p className="mt-2 text-sm" data-testid="error-id">
              If it keeps happening, tell us this error id: <code>{error.digest}</code>
            </p>
          )}
          <button type="button" onClick={reset} className="mt-6 rounded bg-brand px-4 py-2 text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
