import { config } from "@/lib/config";

export const siteName = "Stillpoint";
export const siteTagline = "Microneedling supplies, with the instructions in the box and on the page.";

/**
 * The public address of the store (SITE_URL, or http://localhost:PORT in the
 * demo): canonical links, the sitemap, JSON-LD, and every link in a mail.
 * Never taken from a request's Host or X-Forwarded-* headers.
 */
export function siteUrl(): string {
  return config().siteUrl;
}
