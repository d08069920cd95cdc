// Booklet PDFs over HTTP: the stored file (booklet-store.ts) with its content
// hash as a strong ETag, and 304 Not Modified for a client that already has it.
//
// The public booklet has two addresses:
//   /products/<slug>/booklet.pdf          whatever the current guide version is:
//                                         cacheable, but revalidated every time
//                                         (a new version changes its ETag);
//   /products/<slug>/booklet.pdf?v=<ver>  exactly one booklet (booklet-key.ts),
//                                         cacheable for a year as immutable.
// A `v` that is not the current booklet's (a page cached before a publish, or
// a made-up value) gets the current booklet under the revalidated policy, so
// nothing but the true version is ever kept as immutable.
import { getProduct } from "@/lib/catalog";
import { config } from "@/lib/config";
import { db, type Db } from "@/lib/db";
import { getInstructionsForProduct } from "@/lib/guides";
import { storeFileHeaders } from "@/lib/security-headers";
import { BOOKLET_VERSION_PARAM, bookletVersion, productBookletInput } from "./booklet-key";
import { storedBooklet, type StoredBooklet } from "./booklet-store";
import type { Instructions } from "./instructions";

export const REVALIDATE_EVERY_TIME = "public, max-age=0, must-revalidate";
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** The strong ETag of a stored booklet: its content hash, quoted. */
export const bookletEtag = (hash: string) => `"${hash}"`;

/**
 * Whether If-None-Match names this ETag. GET uses the weak comparison
 * (RFC 9110, 13.1.2): W/"x" matches "x"; `*` matches any current file.
 */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || (t.startsWith("W/") ? t.slice(2) : t) === etag;
  });
}

/** A stored booklet as a download, or 304 with no body when the client's copy is this one. */
export function bookletPdfResponse(
  request: Request,
  booklet: StoredBooklet,
  { filename, cacheControl, headers = {} }: { filename: string; cacheControl: string; headers?: Record<string, string> },
): Response {
  const etag = bookletEtag(booklet.hash);
  const common = { ETag: etag, "Cache-Control": cacheControl, ...headers };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(booklet.pdf, {
    headers: {
      ...common,
      "Content-Type": "application/pdf",
      "Content-Length": String(booklet.pdf.byteLength),
      "Content-Disposition": `attachment; filename="${filename}"`,
    },
  });
}

// ------------------------------------------------------------ the public booklet

/** What the public booklet of a product is made from. */
export type ProductBooklet = { slug: string; guideNumber: number; doc: Instructions };

/** The product's booklet as it stands now (from the cached catalog and guides), or null if it has none. */
export async function currentProductBooklet(slug: string): Promise<ProductBooklet | null> {
  const product = await getProduct(slug);
  const instructions = product ? await getInstructionsForProduct(product) : null;
  return product && instructions ? { slug: product.slug, guideNumber: instructions.attached.guide.number, doc: instructions.doc } : null;
}

/**
 * GET /products/<slug>/booklet.pdf[?v=…] for a booklet already looked up (tests look it up without Next.js's data cache).
 * proxy.ts does not see this path: every answer carries the store's file headers itself (`https`: the site's setting).
 */
export async function productBookletResponse(prisma: Db, request: Request, booklet: ProductBooklet | null, { https }: { https: boolean }): Promise<Response> {
  const headers = storeFileHeaders(https);
  if (!booklet)
    return new Response("No instruction booklet for that product.", { status: 404, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  const stored = await storedBooklet(prisma, productBookletInput(booklet.doc));
  const asked = new URL(request.url).searchParams.get(BOOKLET_VERSION_PARAM);
  return bookletPdfResponse(request, stored, {
    filename: `${booklet.slug}-instructions-v${booklet.guideNumber}.pdf`,
    cacheControl: asked === bookletVersion(stored.hash) ? IMMUTABLE : REVALIDATE_EVERY_TIME,
    headers,
  });
}

/** The route handler's whole work, on the store's database. */
export async function productBookletGet(request: Request, slug: string): Promise<Response> {
  return productBookletResponse(db(), request, await currentProductBooklet(slug), { https: config().https });
}
