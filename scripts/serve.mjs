// The store's server, started without a TypeScript loader in the process.
//
//   node scripts/serve.mjs [--dev]
//
// scripts/serve.ts (and the few lib/ modules it uses) is bundled by esbuild
// into one plain ES module under .next/stillpoint-server/, then imported.
// Packages stay outside the bundle and load from node_modules as usual.
//
// Why not `node --import tsx scripts/serve.ts`: tsx's loader hooks run on a
// thread of their own, and every dynamic import() Next.js makes while
// answering a request (its incremental cache loads its handler that way)
// waited on a message to that thread and back; tsx's source-map support also
// made every Error Next.js creates read source maps. Measured on the cart
// page, that was about a sixth of the server's time.
//
// The primary process bundles; the worker processes it forks (WEB_CONCURRENCY,
// node:cluster, which runs this file again) import the same bundle, named in
// STILLPOINT_SERVER_BUNDLE. The bundle's name is a hash of its contents, and it
// is written to a temporary name and renamed, so two servers starting at once
// never read half a file.
import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");

async function bundle() {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [path.join(root, "scripts/serve.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    write: false,
    logLevel: "warning",
    // The bundle lives in .next/stillpoint-server/: the modules' own paths mean nothing there.
    define: { "import.meta.dirname": JSON.stringify(path.join(root, "scripts")) },
  });
  const code = result.outputFiles[0].contents;
  const dir = path.join(root, ".next", "stillpoint-server");
  const file = path.join(dir, `serve-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, file);
  }
  return file;
}

const file = process.env.STILLPOINT_SERVER_BUNDLE || (await bundle());
process.env.STILLPOINT_SERVER_BUNDLE = file;
await import(pathToFileURL(file).href);
