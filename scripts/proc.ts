import { spawn } from "node:child_process";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const bin = (name: string) => path.join(root, "node_modules/.bin", name);

/**
 * Runs a command to completion. Asynchronous on purpose: the embedded database
 * answers from this process's event loop, so a synchronous child would hang.
 */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args[0]} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}
