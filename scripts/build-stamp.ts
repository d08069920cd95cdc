// A fingerprint of everything the production build is made from, stored in
// .next/ after a build so `npm start` rebuilds only when something changed.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./proc";

const stampFile = path.join(root, ".next/source-fingerprint");
const inputs = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "auth.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p).sort()) visit(path.join(p, entry));
    } else {
      hash.update(`${path.relative(root, p)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const p of inputs) visit(path.join(root, p));
  return hash.digest("hex");
}

export function buildIsCurrent(): boolean {
  return existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === sourceFingerprint();
}

export function markBuilt(): void {
  writeFileSync(stampFile, sourceFingerprint());
}
