// A store server of a test's own: scripts/serve.ts on a free loopback port in
// demo mode, with whatever settings the test adds. For tests that need more
// than the one server Playwright starts (a second instance, several
// processes, an unreachable database).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** A port nobody uses now (other checkouts on this machine run their own stores). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const port = (probe.address() as { port: number }).port;
  probe.close();
  return port;
}

export type StoreServer = { child: ChildProcess; port: number; output(): string };

/** Starts the store; what it prints is kept (output()) unless `quiet`, when only its errors reach the test's own stderr. */
export function startStore(port: number, env: Record<string, string>, { quiet = false } = {}): StoreServer {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      STORE_MODE: "demo",
      PORT: String(port),
      LISTEN_ADDRESS: "127.0.0.1",
      SITE_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: quiet ? ["ignore", "ignore", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  if (!quiet) {
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
  }
  return { child, port, output: () => output };
}
