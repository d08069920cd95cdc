// The folder where the store keeps what it writes on its own machine when no
// server is configured: the embedded database (pglite/), the generated store
// secret (store-secret) and the mail outbox (outbox/, unless OUTBOX_DIR says
// otherwise). STORE_DATA_DIR moves it (CI proves the embedded start in a
// temporary folder); the default is `.data` in the working folder.
import path from "node:path";

export function storeDataDir(env: NodeJS.ProcessEnv = process.env, base = process.cwd()): string {
  return path.resolve(base, env.STORE_DATA_DIR || ".data");
}
