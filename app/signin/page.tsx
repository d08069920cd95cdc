import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { oauthProviders, SIGN_IN_LIMITED } from "@/auth";
import { currentUserId } from "@/lib/accounts/session";
import { safeReturnPath } from "@/lib/accounts/redirect";
import { signInWithProvider } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Auth.js sends people back here with ?error=<type> when a link fails.
const errorMessages: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Enter your email for a new one.",
  OAuthAccountNotLinked: "That email already has an account here. Sign in with an email link instead.",
  AccessDenied: "Sign-in was cancelled.",
  [SIGN_IN_LIMITED]: "Too many sign-in links have been asked for just now. Use the newest link in your inbox, or try again in 15 minutes.",
};

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const callbackUrl = safeReturnPath(typeof query.callbackUrl === "string" ? query.callbackUrl : undefined);
  if (await currentUserId()) redirect(callbackUrl);
  const errorKey = typeof query.error === "string" ? query.error : null;
  // Only the store's own messages, looked up by own key: "__proto__" or "toString" in the URL name none.
  const error = errorKey ? (Object.hasOwn(errorMessages, errorKey) ? errorMessages[errorKey]! : "We could not sign you in. Please try again.") : null;
  const providers = oauthProviders();
  // The back office ends a staff session after STAFF_IDLE_MINUTES unused (lib/admin/staff.ts) and sends them here.
  const expired = query.expired === "1";

  return (
    <div className="mx-auto max-w-md space-y-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Sign in</h1>
        <p className="mt-2 text-muted">We email you a link; no password needed. Your account keeps your orders, addresses and the pen you use.</p>
      </header>
      {expired && !error && (
        <div role="status" className="rounded border border-line bg-brand-soft p-3 text-sm" data-testid="signin-expired">
          Your back-office session ended after a period of inactivity. Sign in again.
        </div>
      )}
      {error && (
        <div role="alert" className="rounded border border-danger/30 bg-red-50 p-3 text-sm text-danger" data-testid="signin-error">
          {error}
        </div>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      {providers.length > 0 && (
        <section aria-labelledby="other-ways" className="space-y-3 border-t border-line pt-6">
          <h2 id="other-ways" className="text-sm font-medium text-muted">
            Or sign in with
          </h2>
          <div className="flex flex-wrap gap-3">
            {providers.map((p) => (
              <form key={p.id} action={signInWithProvider}>
                <input type="hidden" name="provider" value={p.id} />
                <input type="hidden" name="callbackUrl" value={callbackUrl} />
                <button type="submit" className="rounded border border-line bg-white px-4 py-2 font-medium hover:bg-brand-soft">
                  {p.name}
                </button>
              </form>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
