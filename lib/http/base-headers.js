// @ts-check
// Headers every response of the store carries. next.config.js sends them on
// whatever Next.js answers; scripts/serve.ts sends them on the catalog pages
// it answers from the page cache itself (lib/cache/front-cache.ts). Plain
// JavaScript, because next.config.js is loaded before anything is compiled.

/** @type {ReadonlyArray<{ key: string; value: string }>} */
export const BASE_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
