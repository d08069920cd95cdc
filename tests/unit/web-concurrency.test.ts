// WEB_CONCURRENCY: how many server processes scripts/serve.ts runs. "auto"
// (the default with a PostgreSQL server) is one a core, fewer under a
// container's CPU quota, at most 8; the embedded database allows exactly one,
// and the store refuses to start rather than run two processes on it.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUTO_PROCESS_LIMIT, checkConfig, resolveProcessCount } from "@/lib/config";

const root = path.resolve(import.meta.dirname, "../..");
const server = { DATABASE_URL: "postgresql://store:secret@db.internal:5432/store", STORE_MODE: "demo" };

function setting(env: Record<string, string | undefined>) {
  const result = checkConfig(env);
  return result.ok ? { value: result.config.webConcurrency } : { problems: result.problems };
}

describe("the WEB_CONCURRENCY setting", () => {
  it("defaults to one a core with a PostgreSQL server, and to one process with the embedded database", () => {
    expect(setting(server)).toEqual({ value: "auto" });
    expect(setting({})).toEqual({ value: 1 });
    // The launcher's embedded database is a DATABASE_URL too, marked EMBEDDED_DB=1.
    expect(setting({ DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:5555/postgres", STORE_MODE: "demo", EMBEDDED_DB: "1" })).toEqual({ value: 1 });
  });

  it("takes a number of processes or auto, in any case and with spaces around", () => {
    expect(setting({ ...server, WEB_CONCURRENCY: "3" })).toEqual({ value: 3 });
    expect(setting({ ...server, WEB_CONCURRENCY: " AUTO " })).toEqual({ value: "auto" });
    expect(setting({ ...server, WEB_CONCURRENCY: "64" })).toEqual({ value: 64 });
    expect(setting({ ...server, WEB_CONCURRENCY: "" })).toEqual({ value: "auto" });
  });

  it("refuses anything else, naming the setting", () => {
    for (const bad of ["0", "65", "-1", "1.5", "two", "2x", "0x2", "1e1"]) {
      expect(setting({ ...server, WEB_CONCURRENCY: bad }), bad).toEqual({ problems: ['WEB_CONCURRENCY must be "auto" or a whole number from 1 to 64'] });
    }
  });

  it("refuses more than one process with the embedded database, saying what to do instead", () => {
    for (const value of ["2", "auto"]) {
      const result = setting({ WEB_CONCURRENCY: value });
      expect(result.problems).toHaveLength(1);
      expect(result.problems![0]).toMatch(/^WEB_CONCURRENCY must be 1 with the embedded database .*set DATABASE_URL to a PostgreSQL server/);
    }
    expect(setting({ WEB_CONCURRENCY: "1" })).toEqual({ value: 1 });
  });
});

describe("the number of processes auto gives", () => {
  it("is one a core, within the limit", () => {
    expect(resolveProcessCount("auto", { cores: 2 })).toBe(2);
    expect(resolveProcessCount("auto", { cores: 1 })).toBe(1);
    expect(resolveProcessCount("auto", { cores: 96 })).toBe(AUTO_PROCESS_LIMIT);
  });

  it("follows a container's CPU quota, rounded up, never below one", () => {
    expect(resolveProcessCount("auto", { cores: 16, cpuQuota: 2 })).toBe(2);
    expect(resolveProcessCount("auto", { cores: 16, cpuQuota: 1.5 })).toBe(2);
    expect(resolveProcessCount("auto", { cores: 16, cpuQuota: 0.25 })).toBe(1);
    expect(resolveProcessCount("auto", { cores: 4, cpuQuota: null })).toBe(4);
  });

  it("leaves a number as it is", () => {
    expect(resolveProcessCount(3, { cores: 1 })).toBe(3);
  });
});

describe("npm start", () => {
  it("exits before starting the embedded database when asked for several processes on it", async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
        cwd: root,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", WEB_CONCURRENCY: "2" } as unknown as NodeJS.ProcessEnv,
      });
      let text = "";
      child.stdout.on("data", (d) => (text += d));
      child.stderr.on("data", (d) => (text += d));
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      child.on("exit", (exit) => {
        clearTimeout(timer);
        resolve({ code: exit, output: text });
      });
    });
    expect(code).toBe(78);
    expect(output).toContain("WEB_CONCURRENCY must be 1 with the embedded database");
    expect(output).not.toContain("embedded PostgreSQL (PGlite) on");
  });
});
