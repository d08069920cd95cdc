"use server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { oauthProviders, signIn } from "@/auth";
import { allowSignInLink } from "@/lib/accounts";
import { safeReturnPath } from "@/lib/accounts/redirect";
import { requestClientIp } from "@/lib/request-origin";
import { db } from "@/lib/db";
import { retryAfterMinutes } from "@/lib/rate-limit";
import { email, formField } from "@/lib/validation";

export type SignInState = { error?: string; formError?: string; email?: string };

const emailInput = email();

export async function signInWithEmail(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const typed = formField(formData, "email", 300) ?? "";
  const parsed = emailInput.safeParse(typed);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter your email address.", email: typed };
  const limit = await allowSignInLink(db(), parsed.data, requestClientIp(await headers()));
  if (!limit.allowed) {
    const minutes = retryAfterMinutes(limit.retryAfterSeconds);
    return {
      formError: `Too many sign-in links have been asked for just now. Use the newest link in your inbox, or try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      email: typed,
    };
  }
  try {
    // Sends the link. Auth.js would redirect to its own /api/auth/verify-request,
    // which only redirects again; go straight to our page instead.
    await signIn("nodemailer", { email: parsed.data.toLowerCase(), redirectTo: safeReturnPath(formData.get("callbackUrl")), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      console.error(`[accounts] sign-in link not sent: ${error.type}`);
      return { formError: "We could not send the sign-in link just now. Please try again in a moment.", email: typed };
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
