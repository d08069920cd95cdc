// @ts-check
import { fileURLToPath } from "node:url";
import { BASE_HEADERS } from "./lib/http/base-headers.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Catalog pages and the data they are made from are kept by the store's own
  // handler: in memory, and in Redis when REDIS_URL is set, invalidated from
  // the database (lib/cache/page-cache-handler.cjs, docs/decisions/0014).
  // Next.js's own memory layer is off so the handler is the only copy.
  cacheHandler: fileURLToPath(new URL("./lib/cache/page-cache-handler.cjs", import.meta.url)),
  cacheMaxMemorySize: 0,
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages that read their own files at run time (PDFKit its
  // fonts) or need Node built-ins: load them from node_modules, do not bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "pdfkit"],
  // Browsers ask for /favicon.ico on pages whose icon link they have not
  // read (a 404 page, a PDF): answer with the store's icon instead of a 404.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [...BASE_HEADERS],
      },
    ];
  },
};

export default nextConfig;
