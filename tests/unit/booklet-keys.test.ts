// The pure parts of stored booklets: the content hash that names a booklet, the
// byte-bounded memory in front of the table, and If-None-Match.
import { describe, expect, it } from "vitest";
import { ByteLru } from "@/lib/byte-lru";
import { bookletHash, bookletVersion, canonicalJson, productBookletInput, productBookletUrl } from "@/lib/guides/booklet-key";
import { etagMatches } from "@/lib/guides/booklet-response";
import type { Instructions } from "@/lib/guides/instructions";

const doc: Instructions = {
  title: "Home Starter Kit",
  guideTitle: "Home microneedling guide",
  versionLabel: "Home microneedling guide, version 3, published 1 March 2026",
  sections: [{ id: "depth-guide", title: "Needle depth guide", blocks: [{ type: "list", ordered: true, items: ["one", "two"] }] }],
};

describe("a booklet's content hash", () => {
  it("is the same for the same document whatever the order of its keys (a jsonb column reorders them)", () => {
    const reordered = JSON.parse(
      '{"sections":[{"blocks":[{"items":["one","two"],"ordered":true,"type":"list"}],"title":"Needle depth guide","id":"depth-guide"}],' +
        '"versionLabel":"Home microneedling guide, version 3, published 1 March 2026","guideTitle":"Home microneedling guide","title":"Home Starter Kit"}',
    ) as Instructions;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(doc));
    expect(canonicalJson(reordered)).toBe(canonicalJson(doc));
    expect(bookletHash(productBookletInput(reordered))).toBe(bookletHash(productBookletInput(doc)));
    expect(bookletHash(productBookletInput(doc))).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with anything drawn into the PDF: a word, the order of list items, the footer, the address product links point to", () => {
    const base = bookletHash(productBookletInput(doc));
    const changedWord = { ...doc, title: "Home Starter Kit II" };
    const swapped = { ...doc, sections: [{ ...doc.sections[0]!, blocks: [{ type: "list" as const, ordered: true, items: ["two", "one"] }] }] };
    expect(bookletHash(productBookletInput(changedWord))).not.toBe(base);
    expect(bookletHash(productBookletInput(swapped))).not.toBe(base);
    expect(bookletHash({ ...productBookletInput(doc), footer: "Stillpoint · order SP-1 · version 3" })).not.toBe(base);
    expect(bookletHash(productBookletInput(doc, "https://other.example"))).not.toBe(base);
  });

  it("gives the versioned URL of the public booklet", () => {
    const version = bookletVersion(bookletHash(productBookletInput(doc)));
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(productBookletUrl("home-starter-kit", doc)).toBe(`/products/home-starter-kit/booklet.pdf?v=${version}`);
  });
});

describe("the booklets kept in memory", () => {
  const bytes = (n: number) => new Uint8Array(n);

  it("evicts the least recently used once the bytes exceed the budget", () => {
    const lru = new ByteLru(100);
    lru.set("a", bytes(40));
    lru.set("b", bytes(40));
    expect(lru.get("a")).toBeDefined(); // a is now more recent than b
    lru.set("c", bytes(40));
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")?.byteLength).toBe(40);
    expect(lru.get("c")?.byteLength).toBe(40);
    expect(lru.bytes).toBe(80);
  });

  it("never holds more than its budget, and does not keep a value larger than all of it", () => {
    const lru = new ByteLru(100);
    for (let i = 0; i < 50; i++) {
      lru.set(`k${i}`, bytes(7 + (i % 30)));
      expect(lru.bytes).toBeLessThanOrEqual(100);
    }
    lru.set("huge", bytes(101));
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.bytes).toBeLessThanOrEqual(100);
    const small = new ByteLru(100);
    small.set("x", bytes(30));
    small.set("x", bytes(10)); // replacing a value counts its new size only
    expect([small.size, small.bytes]).toEqual([1, 10]);
  });
});

describe("If-None-Match", () => {
  const etag = `"${"a".repeat(64)}"`;
  it("matches the ETag itself, its weak form, a list holding it, and *", () => {
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) expect(etagMatches(header, etag), header).toBe(true);
  });
  it("does not match another ETag, an unquoted hash, or nothing", () => {
    for (const header of [`"${"b".repeat(64)}"`, "a".repeat(64), "", null]) expect(etagMatches(header, etag), String(header)).toBe(false);
  });
});
