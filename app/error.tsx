"use client";
// A calm page for errors the visitor cannot fix. It shows the error's digest
// as the error id: the same id is on the server's log line with the stack
// (instrumentation.ts), so support can find it. Never the message or stack:
// those can hold internals (queries, paths) and stay in the log.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-semibold">Something went wrong on our side</h1>
      <p className="mt-3 text-muted">Nothing you entered was lost. Please try again in a moment.</p>
      {error.digest && (
        <p className="mt-2 text-sm text-muted" data-testid="error-id">
          If it keeps happening, tell us this error id: <code>{error.digest}</code>
        </p>
      )}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}
