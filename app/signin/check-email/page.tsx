import type { Metadata } from "next";
import Link from "next/link";
import { outboxOpenToThisRequest } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Check your email", robots: { index: false, follow: false } };

export const dynamic = "force-dynamic";

export default async function CheckEmailPage() {
  const outbox = await outboxOpenToThisRequest();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-semibold tracking-tight">Check your email</h1>
      <p>We have sent you a link to sign in. It works once and expires in 24 hours.</p>
      <p className="text-muted">
        Nothing there after a few minutes? Look in your spam folder, or{" "}
        <Link href="/signin" className="underline">
          ask for a new link
        </Link>
        .
      </p>
      {outbox && (
        <p className="rounded border border-warn/30 bg-warn-soft p-3 text-sm text-warn">
          Demo store: the email is kept in the{" "}
          <Link href="/outbox" className="underline">
            outbox
          </Link>{" "}
          instead of being sent.
        </p>
      )}
    </div>
  );
}
