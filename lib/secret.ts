// The store's signing secret (STORE_SECRET). Production sets it, the same on
// every instance. Without it (a development machine, the embedded default) a
// random secret is made once and kept in .data/store-secret.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

let cached: string | undefined;

export function storeSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.STORE_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("STORE_SECRET must be at least 32 characters.");
    return (cached = fromEnv);
  }
  const file = path.join(process.cwd(), ".data", "store-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  return (cached = readFileSync(file, "utf8").trim());
}
