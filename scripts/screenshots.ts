// `npm run screenshots`: the phone journey as pictures, for a person to look at.
//
// Walks what a shopper does on a phone (390×844, touch, the device pixel
// ratio of a current phone): home → a kit page (its top, then its
// instructions) → add to cart → cart → checkout (filled in, the total shown)
// → demo payment → confirmation, and saves a screenshot of each screen.
// Each picture is what the phone's screen shows at that moment (not the whole
// page), because that is what the shopper sees; the file names say which.
//
// It starts the same store as `npm run bench` (its own database, a build if
// the sources changed, scripts/serve.ts in demo mode on 127.0.0.1), or takes
// one with --url. It buys one kit with demo payments, so point --url only at
// a store whose data may change.
//
//   npm run screenshots -- [--url http://127.0.0.1:PORT] [--out docs/screenshots/phone]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { root } from "./proc";
import { freePort, makeBenchDatabase, startStore, type BenchDatabase, type RunningStore } from "./bench/store";

const log = (message: string) => console.log(`[screenshots] ${message}`);
const KIT = "/products/home-complete-kit";

async function walk(page: Page, base: string, out: string): Promise<string[]> {
  const saved: string[] = [];
  const shot = async (name: string) => {
    // Fonts and pictures in place, no caret blinking: the same picture every run.
    await page.waitForLoadState("load");
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(out, `${String(saved.length + 1).padStart(2, "0")}-${name}.png`);
    await page.screenshot({ path: file, caret: "hide", animations: "disabled" });
    saved.push(file);
    log(`saved ${path.relative(root, file)}`);
  };

  await page.goto(base + "/");
  await shot("home");

  await page.goto(base + KIT);
  await page.locator("form[data-hydrated]").first().waitFor();
  await shot("kit-top");

  await page.getByRole("navigation", { name: "Instructions contents" }).getByRole("link", { name: "How to use it, step by step" }).click();
  await page.waitForURL(/#how-to-use/);
  await shot("kit-instructions");

  await page.locator("#add-to-cart").getByRole("button", { name: "Add to cart" }).click();
  await page.getByTestId("added").waitFor();
  await shot("added-to-cart");

  await page.getByRole("link", { name: "View cart and check out" }).click();
  await page.getByTestId("cart-lines").waitFor();
  await shot("cart");

  await page.getByRole("link", { name: "Check out" }).click();
  await page.getByLabel("Email").fill("screenshots@example.com");
  await page.getByLabel("Full name").fill("Ada Example");
  await page.getByLabel("Address line 1").fill("12 Orchard Lane");
  await page.getByLabel("Town or city").fill("Portland");
  await page.getByLabel("State, county or region (optional)").fill("ME");
  await page.getByLabel("Postal code").fill("04101");
  await page.getByLabel("Country").selectOption("US");
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot("checkout-top");
  await page.getByRole("checkbox", { name: /who must not use these products/ }).check();
  await page.getByRole("button", { name: "Continue to payment" }).scrollIntoViewIfNeeded();
  await shot("checkout-continue");

  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.waitForURL(/\/pay\/demo\//);
  await shot("payment");

  await page.getByRole("button", { name: /^Pay / }).click();
  await page.getByTestId("order-heading").waitFor();
  await shot("confirmation");
  await page.getByTestId("order-instructions").first().scrollIntoViewIfNeeded();
  await shot("confirmation-instructions");
  return saved;
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      out: { type: "string", default: path.join("docs", "screenshots", "phone") },
      help: { type: "boolean", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log("npm run screenshots -- [--url http://127.0.0.1:PORT] [--out DIR]");
    return;
  }
  const out = path.resolve(root, values.out!);
  mkdirSync(out, { recursive: true });
  let db: BenchDatabase | null = null;
  let store: RunningStore | null = null;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  const cleanUp = async () => {
    await browser.close();
    await store?.stop();
    await db?.drop().catch((e: Error) => console.error(`[screenshots] could not drop the database: ${e.message}`));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  try {
    let base: string;
    if (values.url) {
      base = values.url.replace(/\/+$/, "");
    } else {
      db = await makeBenchDatabase(process.env.DATABASE_URL);
      store = await startStore(db, await freePort());
      base = store.url;
    }
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      reducedMotion: "reduce",
    });
    const page = await context.newPage();
    const saved = await walk(page, base, out);
    log(`${saved.length} screenshots in ${path.relative(root, out) || "."}`);
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  console.error(`[screenshots] ${(error as Error).stack ?? error}`);
  process.exit(1);
});
