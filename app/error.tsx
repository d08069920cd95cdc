"use client";
// A calm page for errors the visitor cannot fix (see components/error-notice.tsx).
import { ErrorNotice } from "@/components/error-notice";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <ErrorNotice digest={error.digest} reset={reset} detail="Nothing you entered was lost. Please try again in a moment." />
    </div>
  );
}
