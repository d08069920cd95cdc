// The security headers every page gets, built in one place (proxy.ts sends
// them; tests call these functions directly). The reasoning is in
// docs/decisions/0005-content-security-policy.md; in short:
//
//   - Paths that are per-person and rendered on every request anyway (cart,
//     checkout, payment, orders, tracking, account, sign-in, outbox, back
//     office, API) get a strict policy: scripts run only with this request's
//     nonce, and what those load ('strict-dynamic').
//   - Every other page may be prerendered (the catalog is meant to be static
//     HTML). Prerendered HTML was written before any request, so it can carry
//     no nonce, and Next.js's inline `self.__next_f.push(...)` scripts differ
//     per page, so a hash cannot be listed either. Those pages keep
//     'unsafe-inline' for scripts but still pin every origin to this site.
//     Sending the nonce policy there would block the page's own scripts.
// No "@/" imports: plain functions, easy to load from tests and scripts.

/** Path prefixes that always render per request and so can carry a nonce. */
export const NONCE_PATH_PREFIXES = ["/cart", "/checkout", "/pay", "/orders", "/track", "/account", "/signin", "/outbox", "/admin", "/api"] as const;

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/** True when `pathname` is one of the prefixes above or below one ("/cartridges" is not "/cart"). */
export function usesNonce(pathname: string): boolean {
  return NONCE_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** 128 random bits, base64: unguessable, and new for every request. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export type PolicyOptions = {
  /** This request's nonce; null for pages that may be prerendered. */
  nonce: string | null;
  /** The site is served over https (config().https). */
  https: boolean;
  /** `next dev`: React rebuilds server error stacks in the browser with eval. */
  dev?: boolean;
  /**
   * Origins a form may end up at after a redirect. A form posted without
   * JavaScript follows the server's 303, and browsers check form-action on
   * that redirect too: Stripe Checkout and the OAuth sign-in pages are such
   * targets when they are configured.
   */
  formTargets?: string[];
};

export function contentSecurityPolicy({ nonce, https, dev = false, formTargets = [] }: PolicyOptions): string {
  const eval_ = dev ? ["'unsafe-eval'"] : [];
  const scriptSrc = nonce
    ? // 'self' and 'unsafe-inline' are ignored by browsers that know
      // 'strict-dynamic'; they are there for old ones that do not.
      ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...eval_]
    : ["'self'", "'unsafe-inline'", ...eval_];
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", ...scriptSrc],
    // Next.js and React set style attributes and inject <style> tags without
    // a nonce; a nonce here would turn 'unsafe-inline' off and break them.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    // The demo outbox shows mail HTML in an <iframe srcdoc sandbox="">: a
    // srcdoc frame is not fetched, so frame-src does not apply to it; it
    // inherits this policy, whose style-src allows the mail's inline styles.
    ["frame-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...formTargets],
    ["frame-ancestors", "'none'"],
  ];
  // On plain http (the demo on localhost) upgrading would send every
  // subresource to an https port nobody listens on.
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * Files customers uploaded (licence copies), served by routes that check who
 * is asking: the applicant's own (app/account/professional/document) and
 * staff's (app/admin/professionals/[id]/document). They are data, never a
 * page of this site: nothing may run or load but the file itself (an image
 * shown inline). proxy.ts's headers win over a route's own, so the policy for
 * these paths is chosen here. The applicant's copy is also sandboxed (a PDF
 * downloads there); staff open PDFs in the browser, and `sandbox` stops
 * Chrome's PDF viewer, so their route's policy leaves it out.
 */
export const UPLOADED_FILE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
export const DOCUMENT_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The headers of a file the store makes itself and serves without proxy.ts (a
 * product's booklet PDF; see the matcher there): the document policy, under
 * which nothing runs or loads but the file, and HSTS over https as for pages.
 */
export function storeFileHeaders(https: boolean): Record<string, string> {
  return policyHeaders(DOCUMENT_POLICY, https);
}

const APPLICANT_FILE = /^\/account\/professional\/document$/;
const STAFF_FILE = /^\/admin\/professionals\/[A-Za-z0-9_-]+\/document$/;

/** The policy for a path that serves an uploaded file, or null for any other path. */
export function uploadedFilePolicy(pathname: string): string | null {
  return STAFF_FILE.test(pathname) ? DOCUMENT_POLICY : APPLICANT_FILE.test(pathname) ? UPLOADED_FILE_POLICY : null;
}

/** The headers proxy.ts adds to a response. */
export function securityHeaders(options: PolicyOptions): Record<string, string> {
  return policyHeaders(contentSecurityPolicy(options), options.https);
}

/** A policy and, only over https, HSTS: over http browsers ignore it, and it would wrongly promise https. */
function policyHeaders(policy: string, https: boolean): Record<string, string> {
  const headers: Record<string, string> = { "Content-Security-Policy": policy };
  if (https) headers["Strict-Transport-Security"] = HSTS_VALUE;
  return headers;
}

/** Where a form may redirect off this site, from the same settings that switch those services on. */
export function formTargetsFromEnv(env: Record<string, string | undefined>): string[] {
  const targets: string[] = [];
  if (env.STRIPE_SECRET_KEY) targets.push("https://checkout.stripe.com");
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) targets.push("https://github.com");
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) targets.push("https://accounts.google.com");
  return targets;
}
