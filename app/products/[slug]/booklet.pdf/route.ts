import { productBookletGet } from "@/lib/guides/booklet-response";

/** The booklet as a PDF of the current guide version, built once and kept (lib/guides/booklet-store.ts); `?v=` pins one version. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return productBookletGet(request, (await params).slug);
}
