// The layout rule holds and is checked: ESLint refuses a page or component
// that imports the database or the generated Prisma client
// (docs/decisions/0010-layout-rule-and-lint.md). Lints virtual files through
// ESLint's Node API with the project's own config.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").length;
}

describe("layout rule", () => {
  it.each([
    ['import { db } from "@/lib/db";', "app/checkout/page.tsx"],
    ['import { db } from "../../lib/db";', "app/cart/page.tsx"],
    ['import { PrismaClient } from "@/lib/generated/prisma/client";', "app/orders/[token]/page.tsx"],
    ['import type { Db } from "@/lib/db";', "components/order/order-detail.tsx"],
    ['import { Prisma } from "../lib/generated/prisma/client";', "components/cart-line.tsx"],
    ['import { PrismaClient } from "@prisma/client";', "app/api/stripe/webhook/route.ts"],
  ])(
    "refuses %s in %s",
    async (line, file) => {
      expect(await restrictedImports(file, `${line}\nexport const x = 1;\n`)).toBe(1);
    },
    60_000,
  );

  it("lets app/ call lib functions, and lib/ use the database", async () => {
    expect(await restrictedImports("app/checkout/page.tsx", 'import { loadCart } from "@/lib/data";\nexport const x = loadCart;\n')).toBe(0);
    expect(await restrictedImports("lib/cart/extra.ts", 'import { db } from "@/lib/db";\nexport const x = db;\n')).toBe(0);
  }, 60_000);
});
