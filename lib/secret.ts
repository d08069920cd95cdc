// The store's signing secret (STORE_SECRET). Production sets it, the same on
// every instance. Without it (a development machine, the embedded default) a
// random secret is made once and kept in .data/store-secret (the store's
// data folder, lib/data-folder.ts).
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";
import { storeDataDir } from "@/lib/data-folder";

let cached: string | undefined;

export function storeSecret(): string {
  if (cached) return cached;
  // Checked at start (lib/config.ts): in production it is always set and long enough.
  const fromEnv = config().storeSecret;
  if (fromEnv) return (cached = fromEnv);
  const file = path.join(storeDataDir(), "store-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    // Several server processes may get here at once (scripts/serve.ts): each
    // writes its own whole file, and only the first link() puts one in place,
    // so none ever reads a half-written secret or a different one.
    const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(draft, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  return (cached = readFileSync(file, "utf8").trim());
}
