// The settings are checked once, at start (lib/config.ts). Production is
// DATABASE_URL without STORE_MODE=demo: it must refuse to start, naming every
// missing or invalid setting, rather than run demo payments and a public
// outbox against a real database, or start and fail every request later.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkConfig } from "@/lib/config";

const root = path.resolve(import.meta.dirname, "../..");

const production = {
  DATABASE_URL: "postgresql://store:secret@db.internal:5432/store",
  SITE_URL: "https://shop.example.com",
  STORE_SECRET: "x".repeat(40),
  STRIPE_SECRET_KEY: "sk_live_abc123",
  STRIPE_WEBHOOK_SECRET: "whsec_abc123",
  SMTP_URL: "smtps://user:pass@smtp.example.com:465",
};

function problems(env: Record<string, string | undefined>): string[] {
  const result = checkConfig(env);
  return result.ok ? [] : result.problems;
}

/** Runs `npm start`'s script with exactly this environment and answers its exit code and output. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("the store's settings", () => {
  it("production with every setting starts, with links on SITE_URL and secure cookies", () => {
    const result = checkConfig(production);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.mode).toBe("production");
    expect(result.config.siteUrl).toBe("https://shop.example.com");
    expect(result.config.https).toBe(true);
    expect(result.config.hostname).toBe("0.0.0.0");
    expect(result.config.trustedProxyHops).toBe(0);
  });

  it("production names every missing setting at once", () => {
    const list = problems({ DATABASE_URL: production.DATABASE_URL }).join("\n");
    for (const name of ["SITE_URL", "STORE_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "SMTP_URL"]) expect(list).toContain(name);
    expect(list).toContain("STORE_MODE=demo");
  });

  it("names each invalid setting", () => {
    expect(problems({ ...production, STORE_SECRET: "short" })).toEqual([expect.stringMatching(/^STORE_SECRET must be at least 32/)]);
    expect(problems({ ...production, SITE_URL: "shop.example.com" }).join()).toMatch(/^SITE_URL/);
    expect(problems({ ...production, STRIPE_WEBHOOK_SECRET: "" }).join()).toMatch(/STRIPE_WEBHOOK_SECRET is required/);
    expect(problems({ ...production, TRUSTED_PROXY_HOPS: "lots" }).join()).toMatch(/^TRUSTED_PROXY_HOPS/);
    expect(problems({ ...production, PORT: "70000" }).join()).toMatch(/^PORT/);
  });

  it("the demo needs nothing, but a Stripe key without its webhook secret is refused even there", () => {
    const demo = checkConfig({});
    expect(demo.ok && demo.config.mode).toBe("demo");
    expect(demo.ok && demo.config.hostname).toBe("127.0.0.1");
    expect(problems({ STRIPE_SECRET_KEY: "sk_test_abc" }).join()).toMatch(/STRIPE_WEBHOOK_SECRET is required/);
  });

  it("an operator opts a real database into the demo with STORE_MODE=demo, and only then", () => {
    const opted = checkConfig({ DATABASE_URL: production.DATABASE_URL, STORE_MODE: "demo" });
    expect(opted.ok && opted.config.mode).toBe("demo");
    expect(problems({ DATABASE_URL: production.DATABASE_URL, STORE_MODE: "yes" }).join()).toMatch(/^STORE_MODE/);
  });

  it("PORT moves the default public address with it", () => {
    const result = checkConfig({ PORT: "3700" });
    expect(result.ok && result.config.siteUrl).toBe("http://localhost:3700");
  });

  it("STRIPE_API_BASE redirects a test key only", () => {
    const test = checkConfig({ STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1", STRIPE_API_BASE: "http://127.0.0.1:12111" });
    expect(test.ok && test.config.stripe?.apiBase).toBe("http://127.0.0.1:12111");
    const live = checkConfig({ ...production, STRIPE_API_BASE: "http://127.0.0.1:12111" });
    expect(live.ok && live.config.stripe?.apiBase).toBeNull();
  });
});

describe("where licence copies are kept", () => {
  it("a folder by default, or UPLOAD_DIR", () => {
    const byDefault = checkConfig(production);
    expect(byDefault.ok && byDefault.config.uploads).toEqual({ kind: "folder", dir: null });
    const moved = checkConfig({ ...production, UPLOAD_DIR: "/srv/uploads" });
    expect(moved.ok && moved.config.uploads).toEqual({ kind: "folder", dir: "/srv/uploads" });
  });

  it("a bucket needs its endpoint and keys, all named at once", () => {
    const partial = checkConfig({ ...production, UPLOAD_S3_BUCKET: "licences" });
    expect(partial.ok).toBe(false);
    if (!partial.ok) {
      for (const name of ["UPLOAD_S3_ENDPOINT", "UPLOAD_S3_ACCESS_KEY_ID", "UPLOAD_S3_SECRET_ACCESS_KEY"]) expect(partial.problems.join("\n")).toContain(name);
    }
    const full = checkConfig({
      ...production,
      UPLOAD_S3_BUCKET: "licences",
      UPLOAD_S3_ENDPOINT: "https://s3.example.com",
      UPLOAD_S3_ACCESS_KEY_ID: "AKIA",
      UPLOAD_S3_SECRET_ACCESS_KEY: "secret",
    });
    expect(full.ok && full.config.uploads).toMatchObject({ kind: "s3", bucket: "licences", endpoint: "https://s3.example.com", region: "us-east-1" });
    expect(checkConfig({ ...production, UPLOAD_S3_BUCKET: "Not A Bucket!" }).ok).toBe(false);
  });
});

describe("npm start refuses to start a misconfigured production store", () => {
  it("exits before starting anything, naming every missing setting", async () => {
    const { code, output } = await start({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(code).toBe(78);
    for (const name of ["SITE_URL", "STORE_SECRET", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "SMTP_URL"]) expect(output).toContain(name);
    expect(output).not.toContain("embedded PostgreSQL");
    expect(output).not.toContain("migrate");
  });

  it("refuses a short STORE_SECRET instead of failing every request later", async () => {
    const { code, output } = await start({ ...production, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", STORE_SECRET: "too-short" });
    expect(code).toBe(78);
    expect(output).toContain("STORE_SECRET must be at least 32 characters");
  });

  it("refuses a Stripe key without its webhook secret", async () => {
    const { code, output } = await start({ ...production, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", STRIPE_WEBHOOK_SECRET: "" });
    expect(code).toBe(78);
    expect(output).toContain("STRIPE_WEBHOOK_SECRET is required");
  });
});
