// Makes the next migration from the schema diff, without a database.
//
// `prisma migrate dev` cannot run here (its WASM engine fails to introspect
// PostgreSQL), so we keep a copy of the schema as it stood at the last
// migration and let `prisma migrate diff` compare the two data models. The
// CLI's driver adapter wants a live connection even for that, so a throwaway
// in-memory embedded database is started for the duration.
//
//   npm run db:migration -- add_guides
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { startEmbeddedDb } from "./embedded-db";
import { bin, root } from "./proc";

const migrationsDir = path.join(root, "prisma/migrations");
const schema = path.join(root, "prisma/schema.prisma");
const snapshot = path.join(migrationsDir, "schema-at-last-migration.prisma");

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <name>   (e.g. add_guides)");
  process.exit(2);
}

const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
const scratch = await startEmbeddedDb({});
let sql: string;
try {
  // Asynchronous on purpose: the database answers from this process's event loop.
  const result = await promisify(execFile)(bin("prisma"), ["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: scratch.url },
  });
  sql = result.stdout;
} finally {
  await scratch.stop();
}

if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log("The schema has not changed since the last migration; nothing written.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(schema, snapshot);
const lock = path.join(migrationsDir, "migration_lock.toml");
if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
