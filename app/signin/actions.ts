"use server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { oauthProviders, signIn } from "@/auth";
import { signInLinkLimitReached } from "@/lib/data";
import { safeReturnPath } from "@/lib/accounts/redirect";
import { requestClientIp } from "@/lib/request-origin";
import { email as emailRule, formField } from "@/lib/validation";

export type SignInState = { error?: string; formError?: string; email?: string };

const emailInput = emailRule();

export async function signInWithEmail(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const typed = formField(formData, "email", 300) ?? "";
  const parsed = emailInput.safeParse(typed);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter your email address.", email: typed };
  const email = parsed.data.toLowerCase();
  const notSent = async (): Promise<SignInState> => {
    if (await signInLinkLimitReached(email, requestClientIp(await headers()))) {
      return {
        formError: "Too many sign-in links have been asked for just now. Use the newest link in your inbox, or try again in 15 minutes.",
        email: typed,
      };
    }
    return { formError: "We could not send the sign-in link just now. Please try again in a moment.", email: typed };
  };
  try {
    // Sends the link; the sign-in link limit is counted where the mail is
    // sent (auth.ts), so this form and Auth.js's own endpoint share it.
    // Auth.js would redirect to its own /api/auth/verify-request, which only
    // redirects again; go straight to our page instead.
    // A failed send comes back as a redirect to the error page, not a throw.
    const next = await signIn("nodemailer", { email, redirectTo: safeReturnPath(formData.get("callbackUrl")), redirect: false });
    if (typeof next === "string" && new URL(next, "http://x").searchParams.has("error")) return notSent();
  } catch (error) {
    if (error instanceof AuthError) {
      console.error(`[accounts] sign-in link not sent: ${error.type}`);
      return notSent();
    }
    throw error;
  }
  redirect("/signin/check-email");
}

export async function signInWithProvider(formData: FormData): Promise<void> {
  const provider = formField(formData, "provider", 40) ?? "";
  if (!oauthProviders().some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo: safeReturnPath(formData.get("callbackUrl")) });
}
