"use client";
// A calm page for errors the visitor cannot fix. The digest ties it to the
// server log line; no stack trace reaches the browser.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-semibold">Something went wrong on our side</h1>
      <p className="mt-3 text-muted">Nothing you entered was lost. Please try again in a moment.</p>
      {error.digest && <p className="mt-2 text-sm text-muted">Reference: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}
