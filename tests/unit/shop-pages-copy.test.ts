import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeFindings, findClaims } from "@/lib/copy/claims";

// The information pages' copy is written in their source files, not in the
// database that `npm run check:claims` scans: hold it to the same list.
const files = [
  "app/shipping/[[...rest]]/page.tsx",
  "app/returns/page.tsx",
  "app/contact/page.tsx",
  "app/privacy/page.tsx",
  "app/terms/page.tsx",
  "components/product/delivery-estimate.tsx",
  "components/product/goes-with.tsx",
  "lib/catalog/goes-with.ts",
  "lib/site-pages.ts",
];

describe("the shop's information pages", () => {
  it("make none of the claims the store must not make", () => {
    const items = files.map((f) => ({ source: f, field: "source", text: readFileSync(path.resolve(import.meta.dirname, "../..", f), "utf8") }));
    const findings = findClaims(items);
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it("are checked by this test: a planted claim is found", () => {
    expect(findClaims([{ source: "planted", field: "text", text: "Our cartridges are medical-grade." }])).toHaveLength(1);
  });
});
