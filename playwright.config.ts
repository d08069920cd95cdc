import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// Debian's Chromium by default; CHROMIUM_PATH points elsewhere, and with
// neither, Playwright's own browser (if installed) is used.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous: a 2-core CI machine runs the server, the build's workers and two
  // browsers at once, and the longest journeys (sign-in, buy, track) take ~15 s
  // unloaded. A failure still fails; it just is not a race against the clock.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  projects: [
    { name: "store", testIgnore: /(publishing|admin-guides|bad-input-fuzz|forged-headers|shared-cache|purchase|journey)\.spec\.ts/ },
    // Tests that change shared content run after the store's, so no other test sees it mid-change.
    { name: "publishing", testMatch: /publishing\.spec\.ts/, dependencies: ["store"] },
    // The bad-input run compares every variant's price and stock before and after: not while other tests buy.
    { name: "bad-input", testMatch: /bad-input-fuzz\.spec\.ts/, dependencies: ["store"] },
    // The back office publishes the home guide and buys a kit: after the other publishing test and the stock counts.
    { name: "admin-guides", testMatch: /admin-guides\.spec\.ts/, dependencies: ["publishing", "bad-input"] },
    // Forged-header tests use up 127.0.0.1's rate limits and count exactly; the shared-cache test
    // (two more instances and a Redis) buys out an item's stock; the purchase tests count the
    // stock of the kit several other tests buy, so none of those may buy it meanwhile: last of all.
    { name: "last", testMatch: /(forged-headers|shared-cache|purchase)\.spec\.ts/, dependencies: ["bad-input", "publishing", "admin-guides"] },
    // The whole purchase with an accessibility scan of every page: it buys a kit, so after every test that counts stock or limits.
    { name: "journey", testMatch: /journey\.spec\.ts/, dependencies: ["last"] },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    // The production build made by `npm test`, on the test database.
    command: "node --import tsx scripts/serve.ts",
    url: `http://127.0.0.1:${port}/robots.txt`,
    reuseExistingServer: false,
    timeout: 60_000,
    // One server process, as the tests' timing assumes (a mail is in the outbox by the next page load);
    // tests/e2e/server-processes.spec.ts starts a store of its own with two.
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      STORE_MODE: "demo",
      PORT: String(port),
      LISTEN_ADDRESS: "127.0.0.1",
      SITE_URL: `http://127.0.0.1:${port}`,
      WEB_CONCURRENCY: "1",
    },
  },
});
