// Prisma CLI configuration. The CLI runs its schema engine as WASM through the
// pg driver adapter, so nothing is downloaded (see ../shared/STACK.md): keep
// `engine: "js"` and the `url` line in schema.prisma.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error("DATABASE_URL is not set; scripts/start.ts sets it for the embedded database.");
    }
    return new PrismaPg({ connectionString });
  },
});
