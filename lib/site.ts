export const siteName = "Stillpoint";
export const siteTagline = "Microneedling supplies, with the instructions in the box and on the page.";

/** The public address of the store, for canonical links, the sitemap and JSON-LD. */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? "http://localhost:3000").replace(/\/$/, "");
}
