// What names a booklet PDF: the sha256 of everything that goes into the file.
// Two requests whose inputs hash alike get the same bytes (booklet-store.ts
// keeps one copy per hash), so the hash is also the PDF's ETag and the version
// in its immutable URL. No database and no PDFKit here: a page computes its
// booklet's versioned URL while rendering.
import { createHash } from "node:crypto";
import { siteName, siteUrl } from "@/lib/site";
import type { Instructions } from "./instructions";

/**
 * Part of every hash. Bump it with any change that alters the PDF drawn from
 * the same instructions (booklet-pdf.ts's layout, fonts, wording, or a PDFKit
 * upgrade): every booklet then gets a new hash and is built afresh on its next
 * request, while files already handed out keep their old, still valid, ETags.
 */
export const BOOKLET_LAYOUT_VERSION = 3;

/**
 * Everything renderBookletPdf draws from (its metadata's author is siteName,
 * hashed below). `origin` is the store's address the product links point to.
 */
export type BookletInput = { doc: Instructions; footer: string; origin: string };

export function bookletHash(input: BookletInput): string {
  // The current instructions are one shared object per product and guide
  // version (getInstructionsForProduct): hash each once, not per download.
  const key = `${input.footer}\u0000${input.origin}`;
  const known = hashes.get(input.doc)?.get(key);
  if (known) return known;
  const content = canonicalJson({ layout: BOOKLET_LAYOUT_VERSION, author: siteName, footer: input.footer, origin: input.origin, doc: input.doc });
  const hash = createHash("sha256").update(content).digest("hex");
  let byInput = hashes.get(input.doc);
  if (!byInput) hashes.set(input.doc, (byInput = new Map()));
  byInput.set(key, hash);
  return hash;
}

/** Hashes by document object, then footer and origin. A document is never changed once built. */
const hashes = new WeakMap<Instructions, Map<string, string>>();

/**
 * JSON with object keys sorted: an order's instructions come back from a jsonb
 * column, whose key order is PostgreSQL's, not the order they were built in.
 * The same document must give the same hash either way.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

// ------------------------------------------------------------ the public booklet

/** The product booklet's input: the product's current instructions, with the version in the footer. */
export function productBookletInput(doc: Instructions, origin = siteUrl()): BookletInput {
  return { doc, footer: `${siteName} · ${doc.versionLabel}`, origin };
}

/** The query parameter naming the version of /products/<slug>/booklet.pdf. */
export const BOOKLET_VERSION_PARAM = "v";

/** 64 bits of the hash: enough that an old or guessed value never names the current file by chance. */
export function bookletVersion(hash: string): string {
  return hash.slice(0, 16);
}

/**
 * The URL of exactly this booklet, served as immutable: its content can never
 * change. A page built before a new guide version was published links an old
 * version; that URL then answers with the current booklet, revalidated.
 */
export function productBookletUrl(slug: string, doc: Instructions): string {
  return `/products/${slug}/booklet.pdf?${BOOKLET_VERSION_PARAM}=${bookletVersion(bookletHash(productBookletInput(doc)))}`;
}
