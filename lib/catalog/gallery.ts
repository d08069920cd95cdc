// The pictures on a product page. Most products have one; a kit has three
// views: the kit, what is in the box laid out, and its pen close up. All are
// static SVG files in public/images (scripts/make-product-images.ts), and the
// words for each come from the product's own data.
import { kitPartImagePath, penImagePath } from "./images";
import type { CatalogProduct } from "./types";

export type GalleryPicture = { src: string; alt: string };

export type GalleryView =
  | { id: string; name: string; kind: "picture"; picture: GalleryPicture }
  | { id: string; name: string; kind: "contents"; items: (GalleryPicture & { quantity: number; label: string })[]; thumb: string };

const listWords = (items: string[]) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);

/** What the product's main picture shows, in words. */
export function pictureAlt(product: CatalogProduct): string {
  const variant = product.variants[0];
  if (product.kind === "KIT") {
    const shown = product.kitContents.filter((c) => c.penSlug || c.productSlug || /case/i.test(c.label)).map((c) => c.label);
    return shown.length ? `${product.name}: ${listWords(shown)}` : product.name;
  }
  if (product.kind === "CARTRIDGE" && variant) {
    if (variant.needleGeometry === "NANO") return `${product.name}: cartridge face with a fine nano-tip array`;
    if (variant.needleGeometry === "MIXED") return `${product.name}: three cartridge faces, nano, 12-pin and 16-pin`;
    if (variant.pinCount) return `${product.name}: cartridge face with ${variant.pinCount} ${variant.needleGeometry === "SQUARE" ? "square" : "round"} pins`;
  }
  return variant && product.variants.length === 1 ? `${product.name}, ${variant.label}` : product.name;
}

export function productGallery(product: CatalogProduct): GalleryView[] {
  const main: GalleryView = {
    id: "product",
    name: product.kind === "KIT" ? "The kit" : "The product",
    kind: "picture",
    picture: { src: product.imagePath, alt: pictureAlt(product) },
  };
  if (product.kind !== "KIT") return [main];
  const views: GalleryView[] = [main];
  const items = product.kitContents.flatMap((c) => {
    const src = c.imagePath ?? (c.penSlug ? penImagePath(c.penSlug) : kitPartImagePath(c.label));
    return src ? [{ src, alt: c.label, label: c.label, quantity: c.quantity }] : [];
  });
  if (items.length > 1)
    views.push({ id: "in-the-box", name: "In the box", kind: "contents", items, thumb: items.find((i) => !i.src.startsWith("/images/pens/"))!.src });
  if (product.penModel) {
    const pen = product.penModel;
    views.push({
      id: "pen",
      name: "The pen",
      kind: "picture",
      picture: { src: penImagePath(pen.slug), alt: `${pen.name}, close up, with its depth dial from 0 to ${pen.maxDepthMm} mm` },
    });
  }
  return views;
}
