"use client";
// What every error page says: a calm line, the error id (the digest, which is
// on the server's log line with the stack, so support can find it) and a way
// to try again. Never the message or stack: those can hold internals.
export function ErrorNotice({ digest, reset, detail }: { digest?: string; reset: () => void; detail: string }) {
  return (
    <>
      <h1 className="text-3xl font-semibold">Something went wrong on our side</h1>
      <p className="mt-3 text-muted">{detail}</p>
      {digest && (
        <p className="mt-2 text-sm text-muted" data-testid="error-id">
          If it keeps happening, tell us this error id: <code>{digest}</code>
        </p>
      )}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand px-4 py-2 text-white">
        Try again
      </button>
    </>
  );
}
