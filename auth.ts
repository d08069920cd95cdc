// Accounts with Auth.js: sign-in by a magic link sent through the store's own
// mail (SMTP, or the local outbox when SMTP_URL is unset), plus GitHub and
// Google when their credentials are set. Sessions live in the database.
//
// The configuration is built per request (NextAuth's lazy form) because the
// Prisma adapter needs db(), and db() needs DATABASE_URL, which the build does
// not have.
import { createHmac } from "node:crypto";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import Nodemailer from "next-auth/providers/nodemailer";
import { cookies, headers } from "next/headers";
import { allowSignInLink, onSignIn, reconcilePenAtSignIn } from "@/lib/accounts";
import { PEN_COOKIE, PEN_COOKIE_OPTIONS, savedPenSlug } from "@/lib/catalog/pen-preference";
import { signInEmail } from "@/lib/accounts/sign-in-email";
import { CART_COOKIE } from "@/lib/cart";
import { db } from "@/lib/db";
import { config as storeConfig } from "@/lib/config";
import { sendMail } from "@/lib/mail";
import { requestClientIp } from "@/lib/request-origin";
import { storeSecret } from "@/lib/secret";
import { siteUrl } from "@/lib/site";

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The sign-in page's code for "too many links asked for". */
export const SIGN_IN_LIMITED = "TooManyLinks";

/** Which optional sign-in providers have credentials, for the sign-in page. */
export function oauthProviders(): { id: "github" | "google"; name: string }[] {
  const list: { id: "github" | "google"; name: string }[] = [];
  if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  if (process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET) list.push({ id: "google", name: "Google" });
  return list;
}

function authSecret(): string {
  // AUTH_SECRET wins; otherwise a key of its own derived from the store secret,
  // so one secret to keep still covers sign-in.
  return storeConfig().authSecret || createHmac("sha256", storeSecret()).update("auth").digest("hex");
}

/**
 * The sign-in link, rebuilt on the configured public origin: only its path
 * and query are kept from what Auth.js made, and the page it returns to is
 * reduced to a path on this site. Auth.js already builds it from AUTH_URL
 * (set to SITE_URL below); this holds even if that ever changes.
 */
export function signInLinkOnOwnOrigin(url: string): string {
  const made = new URL(url);
  const link = new URL(`${made.pathname}${made.search}`, siteUrl());
  const back = link.searchParams.get("callbackUrl");
  if (back !== null) {
    let path = "/";
    try {
      const target = new URL(back, siteUrl());
      if (target.origin === link.origin) path = `${target.pathname}${target.search}`;
    } catch {
      // not a URL: the home page
    }
    link.searchParams.set("callbackUrl", new URL(path, siteUrl()).toString());
  }
  return link.toString();
}

function config(): NextAuthConfig {
  // Auth.js builds every URL it emails or redirects to from AUTH_URL when it
  // is set, and otherwise from the request's Host / X-Forwarded-Host, which a
  // client can forge. The store's one public origin is SITE_URL.
  process.env.AUTH_URL = siteUrl();
  const providers: NextAuthConfig["providers"] = [
    Nodemailer({
      // Never used: sendVerificationRequest below sends through lib/mail.
      // The provider insists on a value.
      server: process.env.SMTP_URL || "smtp://localhost:25",
      maxAge: 24 * 60 * 60,
      async sendVerificationRequest({ identifier, url }) {
        await sendMail({ to: identifier, ...(await signInEmail(signInLinkOnOwnOrigin(url))) });
      },
    }),
  ];
  const oauth = oauthProviders().map((p) => p.id);
  if (oauth.includes("github")) providers.push(GitHub({ clientId: process.env.AUTH_GITHUB_ID, clientSecret: process.env.AUTH_GITHUB_SECRET }));
  if (oauth.includes("google")) providers.push(Google({ clientId: process.env.AUTH_GOOGLE_ID, clientSecret: process.env.AUTH_GOOGLE_SECRET }));

  return {
    // The adapter is typed against @prisma/client; ours is the same client generated elsewhere.
    adapter: PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]),
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
    trustHost: true,
    secret: authSecret(),
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    providers,
    callbacks: {
      // Every way of asking for a sign-in link (our form, or Auth.js's own
      // POST /api/auth/signin/nodemailer) passes here just before the token
      // is made and the link mailed, so the limit lives here. A refusal is a
      // redirect to the sign-in page with a code of ours: nothing is sent.
      async signIn({ user, email }) {
        if (!email?.verificationRequest) return true;
        const limit = await allowSignInLink(db(), user.email ?? "", requestClientIp(await headers()));
        if (limit.allowed) return true;
        console.warn("[accounts] sign-in link refused: too many asked for this email or client address");
        return `/signin?error=${SIGN_IN_LIMITED}`;
      },
      // After sign-in or sign-out, only a path on this site; answered as a
      // path so the browser stays on the host it used (behind a proxy, or
      // 127.0.0.1 vs localhost, the server's idea of its origin can differ).
      redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//")) return url;
        try {
          const target = new URL(url);
          const own = [baseUrl, siteUrl()].map((u) => new URL(u).origin);
          if (own.includes(target.origin)) return `${target.pathname}${target.search}${target.hash}`;
        } catch {
          // not a URL: fall through
        }
        return "/";
      },
      session({ session, user }) {
        if (user) session.user.id = user.id;
        return session;
      },
    },
    events: {
      async signIn({ user }) {
        if (!user.id) return;
        // The guest cart joins the account's cart and guest orders with the
        // verified email attach. A failure here must not block the sign-in.
        try {
          const jar = await cookies();
          const token = jar.get(CART_COOKIE)?.value ?? null;
          await onSignIn(db(), user.id, user.email ?? null, token);
          const pen = await reconcilePenAtSignIn(db(), user.id, await savedPenSlug());
          if (pen) jar.set(PEN_COOKIE, pen, PEN_COOKIE_OPTIONS);
        } catch (error) {
          console.error("[accounts] after sign-in:", (error as Error).message);
        }
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
