// The store's signing secret (STORE_SECRET). Production sets it, the same on
// every instance. Without it (a development machine, the embedded default) a
// random secret is made once and kept in .data/store-secret (the store's
// data folder, lib/data-folder.ts).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return (cached = readFileSync(file, "utf8").trim());
}
