// Product search: forgiving of typos, finds words by their start, and ranks a
// product higher when the words are in its name, needle configuration or SKU
// than when they are only in its description. So "catridge" finds the
// cartridges, "16pin", "16-pin" and "16 pin" are the same words and put the
// 16-pin cartridges before the kits whose box holds some, and a SKU typed as
// printed on the box finds its product first.
//
// One MiniSearch index per catalog object, built the first time that catalog
// is searched and kept as long as the catalog is (like ./catalog-index.ts):
// a request never builds it. The answer for a query is remembered per catalog
// too, so a listing's later pages and its filters reuse it.
//
// Every word of a query must be found (typo-tolerant) in some field of a
// product; when nothing is found, suggest() offers a corrected query and the
// closest products instead of an empty page.
import MiniSearch, { type SearchOptions } from "minisearch";
import { needleConfig, needleConfigLabel } from "./format";
import type { Catalog, CatalogProduct, ProductKind } from "./types";

/** The products a query finds: their ids, best match first, and each id's place in that order. */
export type SearchHits = {
  readonly ids: readonly string[];
  readonly rank: ReadonlyMap<string, number>;
};

export type SearchSuggestions = {
  /** The query with its unknown words replaced by the nearest words the catalog uses, when that finds something. */
  didYouMean: string | null;
  /** The products nearest to the query (or to didYouMean), best first. */
  closest: CatalogProduct[];
};

export type CatalogSearch = {
  /** The products whose text holds every word of `q`, best match first (an empty query finds nothing). */
  find(q: string): SearchHits;
  /** For a query that found nothing: a corrected query and the nearest products, of one kind when given. */
  suggest(q: string, kind?: ProductKind | null, limit?: number): SearchSuggestions;
};

type SearchDocument = {
  id: string;
  name: string;
  config: string;
  sku: string;
  kind: string;
  pen: string;
  concern: string;
  area: string;
  tagline: string;
  description: string;
};

/** How much a word found in each field counts: what a shopper means by a product's name first. */
const BOOST: Record<Exclude<keyof SearchDocument, "id">, number> = {
  name: 6,
  config: 4,
  sku: 4,
  kind: 2,
  pen: 2,
  concern: 2,
  area: 1,
  tagline: 1,
  description: 0.4,
};
const FIELDS = Object.keys(BOOST) as (keyof typeof BOOST)[];

/** Words so common in the shop's text that requiring them would only lose results. */
const STOP_WORDS = new Set(["a", "an", "and", "the", "for", "of", "with", "to", "in", "on", "or", "by", "per"]);

const KIND_WORDS: Record<ProductKind, string> = {
  KIT: "kit pen kit",
  CARTRIDGE: "cartridge needle cartridge",
  AFTERCARE: "aftercare",
  ACCESSORY: "accessory safety",
};

/** Queries remembered per catalog; made-up queries cannot grow it without end. */
const MAX_QUERIES = 500;

/**
 * The words of a text as the index keeps them: lowercase, accents dropped, numbers apart
 * from letters ("16-pin", "16pin" and "16 pin" are all "16", "pin"), and a plural's "s"
 * dropped so "cartridges" and "cartridge" are one word. Stop words are dropped.
 */
export function searchWords(text: string): string[] {
  return splitWords(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(singular);
}

function splitWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/(\d)([a-z])/g, "$1 $2")
    .replace(/([a-z])(\d)/g, "$1 $2")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}

const hasDigit = (term: string) => /\d/.test(term);

// Typo tolerance grows with the word: none for short words and numbers ("16" must not find
// "18", nor "pin" find "pen"), one letter from five letters on, two from nine.
const fuzziness = (term: string) => (hasDigit(term) ? 0 : term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0);
const prefixOf = (term: string) => term.length >= 3 && !hasDigit(term);

const FIND: SearchOptions = { combineWith: "AND", fuzzy: fuzziness, prefix: prefixOf, boost: BOOST };
/** For suggestions only: any word, and further from it. */
const NEAR: SearchOptions = {
  combineWith: "OR",
  fuzzy: (term) => (hasDigit(term) ? 0 : term.length >= 4 ? 0.34 : 0),
  maxFuzzy: 3,
  prefix: prefixOf,
  boost: BOOST,
};

function documentOf(p: CatalogProduct): SearchDocument {
  const configs = new Set(p.variants.map(needleConfig).filter((c): c is string => c !== null));
  return {
    id: p.id,
    name: p.name,
    config: [...configs].map((c) => `${c} ${needleConfigLabel(c)}`).join(" "),
    sku: p.variants.map((v) => v.sku).join(" "),
    kind: KIND_WORDS[p.kind],
    // The pen a kit holds, the pens a cartridge fits: "h1 cartridge".
    pen: [p.penModel?.name ?? "", ...p.fits.map((f) => f.pen.name)].join(" "),
    concern: p.concerns.map((t) => t.name).join(" "),
    area: p.areas.map((t) => t.name).join(" "),
    tagline: p.tagline,
    description: p.description,
  };
}

/** A SKU as typed, without case, spaces or dashes: "crt 16 10" is "CRT-16-10". */
const compactSku = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, "");

const searches = new WeakMap<Catalog, CatalogSearch>();

/** The search of this catalog object: its index is built on first use, then kept as long as the catalog is. */
export function catalogSearch(catalog: Catalog): CatalogSearch {
  let search = searches.get(catalog);
  if (!search) {
    search = buildSearch(catalog);
    searches.set(catalog, search);
  }
  return search;
}

// A sale that moves a variant across a stock band makes a new catalog version, yet no word
// of it changes: the last index built is kept with the text it was built from, and a new
// catalog whose text is the same uses it again instead of building another (about half a
// second at 2,000 products).
let lastIndex: { text: string; index: MiniSearch<SearchDocument> } | null = null;

function indexOf(documents: SearchDocument[]): MiniSearch<SearchDocument> {
  const text = JSON.stringify(documents);
  if (lastIndex?.text === text) return lastIndex.index;
  const index = new MiniSearch<SearchDocument>({
    fields: FIELDS,
    tokenize: splitWords,
    processTerm: (term) => (STOP_WORDS.has(term) ? null : singular(term)),
    searchOptions: FIND,
  });
  index.addAll(documents);
  lastIndex = { text, index };
  return index;
}

function buildSearch(catalog: Catalog): CatalogSearch {
  const products = catalog.products;
  const position = new Map(products.map((p, i) => [p.id, i]));
  const byId = new Map(products.map((p) => [p.id, p]));
  const bySku = new Map<string, string>();
  for (const p of products) for (const v of p.variants) bySku.set(compactSku(v.sku), p.id);
  const documents = products.map(documentOf);
  const index = indexOf(documents);

  // Every word the catalog uses, with how many products use it and the form it is written
  // in most often, for "Did you mean". Built when first needed: only a query that finds
  // nothing asks for it.
  let vocabulary: Map<string, { products: number; spelling: string }> | undefined;
  const words = () => {
    if (!vocabulary) {
      vocabulary = new Map();
      for (const document of documents) {
        const seen = new Set<string>();
        for (const raw of splitWords(FIELDS.map((f) => document[f]).join(" "))) {
          const word = singular(raw);
          if (STOP_WORDS.has(raw) || seen.has(word)) continue;
          seen.add(word);
          const entry = vocabulary.get(word);
          if (entry) entry.products++;
          else vocabulary.set(word, { products: 1, spelling: raw });
        }
      }
    }
    return vocabulary;
  };

  /** Best first; equal scores keep catalog order, so the answer is the same in every process. */
  const ranked = (results: { id: string; score: number }[]) =>
    results.sort((a, b) => b.score - a.score || position.get(a.id)! - position.get(b.id)!).map((r) => r.id);

  const found = new Map<string, SearchHits>();
  const find = (q: string): SearchHits => {
    const key = q.trim().toLowerCase().replace(/\s+/g, " ");
    let hits = found.get(key);
    if (hits) {
      found.delete(key);
    } else {
      const ids = key === "" ? [] : ranked(index.search(key));
      // A SKU typed whole goes first, whatever its words score.
      const sku = bySku.get(compactSku(key));
      if (sku && /\d/.test(key)) ids.splice(0, ids.length, sku, ...ids.filter((id) => id !== sku));
      hits = { ids, rank: new Map(ids.map((id, i) => [id, i])) };
      if (found.size >= MAX_QUERIES) found.delete(found.keys().next().value!);
    }
    found.set(key, hits);
    return hits;
  };

  const suggest = (q: string, kind: ProductKind | null = null, limit = 4): SearchSuggestions => {
    const ofKind = (ids: readonly string[]) =>
      ids
        .map((id) => byId.get(id)!)
        .filter((p) => kind === null || p.kind === kind)
        .slice(0, limit);
    const vocabulary = words();
    let changed = false;
    const corrected = splitWords(q).flatMap((raw) => {
      const word = singular(raw);
      if (STOP_WORDS.has(raw) || vocabulary.has(word)) return [raw];
      const nearest = nearestWord(word, vocabulary);
      changed = true;
      return nearest ? [nearest] : [];
    });
    const didYouMean = changed && corrected.length > 0 ? corrected.join(" ") : null;
    if (didYouMean) {
      const closest = ofKind(find(didYouMean).ids);
      if (closest.length > 0) return { didYouMean, closest };
    }
    const near = q.trim() === "" ? [] : ranked(index.search(q, NEAR));
    return { didYouMean: null, closest: ofKind(near) };
  };

  return { find, suggest };
}

/** The catalog's word nearest to `word` in spelling (the most used of equals), or null when none is near. */
function nearestWord(word: string, vocabulary: Map<string, { products: number; spelling: string }>): string | null {
  // A letter or two is no word to correct: "e" would become any one-letter word.
  if (hasDigit(word) || word.length < 3) return null;
  const most = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  let best: { distance: number; products: number; spelling: string } | null = null;
  for (const [candidate, { products, spelling }] of vocabulary) {
    if (hasDigit(candidate) || candidate.length < 3 || Math.abs(candidate.length - word.length) > most) continue;
    const distance = editDistance(word, candidate, most);
    if (distance > most) continue;
    if (!best || distance < best.distance || (distance === best.distance && products > best.products)) best = { distance, products, spelling };
  }
  return best?.spelling ?? null;
}

/** Levenshtein distance with adjacent swaps counted as one edit; anything over `most` is reported as most + 1. */
export function editDistance(a: string, b: string, most = Infinity): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      smallest = Math.min(smallest, d);
    }
    if (smallest > most) return most + 1;
    rows.push(row);
  }
  return Math.min(rows[a.length]![b.length]!, most + 1);
}
