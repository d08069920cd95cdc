import { describe, expect, it } from "vitest";
import { copyItems, describeFindings, findClaims } from "@/lib/copy/claims";
import { products } from "@/prisma/seed-data/catalog";
import { guides } from "@/prisma/seed-data/guides";

const flagged = (text: string) => findClaims([{ source: "probe", field: "text", text }]).map((f) => f.claim);

describe("the claims check", () => {
  it.each([
    ["This pen is FDA approved.", "FDA approved / cleared"],
    ["Our FDA-cleared cartridges", "FDA approved / cleared"],
    ["Medical-grade stainless steel", "medical-grade"],
    ["Stimulates collagen for firmer skin", "collagen or elastin claim"],
    ["A painless session", "painless"],
    ["Pain-free at any depth", "painless"],
    ["No risk of irritation", "no risk"],
    ["Treats acne scars in weeks", "promise to treat a condition"],
    ["Removes wrinkles and fine lines", "promise to treat a condition"],
    ["Gets rid of stretch marks", "promise to treat a condition"],
    ["Reduces cellulite", "promise to treat a condition"],
    ["Professional scar removal at home", "condition treatment claim"],
    ["Speeds up wound healing", "heals wounds"],
    ["Boosts serum absorption by 300%", "absorption boost"],
    ["Delivers your serum deeper", "absorption boost"],
    ["Clinically proven formula", "clinically proven / guaranteed"],
    ["Fits every Dermapen", "third-party trademark"],
  ])("flags “%s”", (text, claim) => {
    expect(flagged(text)).toContain(claim);
  });

  it.each([
    "Keep the treatment area clean.",
    "Click the cartridge in firmly until it sits securely.",
    "Broad-spectrum sunscreen for the days after a session.",
    "Stretch marks: professional only, not for home use.",
    "Acne-scar texture",
    "Redness usually settles within three days.",
  ])("lets plain, factual copy through: “%s”", (text) => {
    expect(flagged(text)).toEqual([]);
  });

  it("names the product, the field and the phrase", () => {
    const findings = findClaims(copyItems("product “Home Starter Kit”", { description: "Gentle and painless." }));
    expect(describeFindings(findings)).toBe("product “Home Starter Kit” (description): “painless” is a forbidden claim: painless");
  });

  it("passes on every product and guide in the seed", () => {
    const items = [...products.flatMap((p) => copyItems(`product ${p.slug}`, p)), ...guides.flatMap((g) => copyItems(`guide ${g.slug}`, g))];
    expect(items.length).toBeGreaterThan(500);
    expect(describeFindings(findClaims(items))).toBe("");
  });
});
