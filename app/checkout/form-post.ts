// What the two routes the checkout form posts to share (POST /checkout/start
// and POST /checkout/quote): the same refusals of a cross-site post and of a
// body too large to be the form, and the sealed retry cookie that takes what
// was typed back to the form without JavaScript (lib/checkout/retry.ts).
import type { NextRequest } from "next/server";
import { config } from "@/lib/config";
import { RETRY_COOKIE, RETRY_COOKIE_PATH } from "@/lib/checkout/retry";
import { readFormBody } from "@/lib/http/form-body";

/** The checkout form is well under 2 KB; a bigger body is not one. */
const MAX_BODY = 16 * 1024;

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export const TOO_LARGE = "That form was too large to send. Please check what you typed and try again.";
export const UNREADABLE = "We could not read that form. Please fill it in and try again.";
export const CROSS_SITE = "This form can only be sent from the store's own pages.\n";

/**
 * Cross-site posts are refused before they get here (scripts/serve.ts); this
 * keeps that true behind a bare `next start`.
 */
export function isCrossSite(request: NextRequest): boolean {
  return request.headers.get("sec-fetch-site") === "cross-site";
}

/** The retry cookie's attributes: HttpOnly, for /checkout only. */
export function retryCookie() {
  return { name: RETRY_COOKIE, path: RETRY_COOKIE_PATH, httpOnly: true, sameSite: "lax" as const, secure: config().https };
}

/** The posted form, read at most MAX_BODY bytes far (lib/http/form-body.ts). */
export function readForm(request: NextRequest): Promise<FormData | "too-large" | "unreadable"> {
  return readFormBody(request, MAX_BODY);
}
