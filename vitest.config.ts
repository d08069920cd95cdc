import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next.js resolves `server-only` to an empty module on the server; so do the tests.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Integration tests share one database: run files one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    // The offline demo's settings (lib/config.ts); a test sets Stripe or SMTP itself.
    env: { STORE_MODE: "demo" },
    hookTimeout: 60_000,
  },
});
