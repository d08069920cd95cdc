// A product's pictures. A kit has several views side by side in a row that
// snaps to one view at a time; the thumbnails below are links to each view by
// name. Plain HTML and CSS (scroll-snap, anchors), no script: it works before
// and without JavaScript, and adds nothing to the static page but <img> tags
// for files in public/images. The row is `relative` so the visually hidden
// captions (absolutely placed) stay inside it instead of widening the page.
//
// Only the first view's picture is fetched first (fetchPriority high: it is
// the page's largest paint); every other picture is lazy. Without that, React
// preloads the first ten <img> of the page in <head>, ahead of the stylesheet,
// and a phone on a slow network waits for ten drawings before the first paint.
import { productGallery } from "@/lib/catalog/gallery";
import type { CatalogProduct } from "@/lib/catalog";

/* eslint-disable @next/next/no-img-element -- local SVG files with their own width and height */

export function ProductGallery({ product }: { product: CatalogProduct }) {
  const views = productGallery(product);
  if (views.length === 1 && views[0]!.kind === "picture") {
    const { picture } = views[0]!;
    return (
      <img
        src={picture.src}
        alt={picture.alt}
        width={800}
        height={800}
        fetchPriority="high"
        className="aspect-square w-full rounded-lg border border-line bg-white"
      />
    );
  }
  return (
    <div className="min-w-0" data-testid="product-gallery">
      <div
        role="region"
        aria-label={`Pictures of ${product.name}`}
        tabIndex={0}
        className="relative flex snap-x snap-mandatory items-start gap-3 overflow-x-auto overscroll-x-contain rounded-lg"
      >
        {views.map((view, n) => (
          <figure key={view.id} id={`view-${view.id}`} className="w-full shrink-0 snap-start scroll-mt-4" data-testid="gallery-view">
            {view.kind === "picture" ? (
              <img
                src={view.picture.src}
                alt={view.picture.alt}
                width={800}
                height={800}
                {...(n === 0 ? { fetchPriority: "high" as const } : { loading: "lazy" as const })}
                className="aspect-square w-full rounded-lg border border-line bg-white"
              />
            ) : (
              // Four to a row, so the ten items of the largest kit still fit the square on a phone.
              <ul className="grid aspect-square w-full grid-cols-4 content-center gap-2 rounded-lg border border-line bg-white p-3">
                {view.items.map((item, i) => (
                  <li key={i} className="min-w-0 text-center">
                    <img src={item.src} alt="" width={800} height={800} loading="lazy" className="aspect-square w-full rounded" />
                    <span className="mt-0.5 line-clamp-2 text-[11px] leading-tight">
                      {item.quantity}× {item.label}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <figcaption className="sr-only">{view.name}</figcaption>
          </figure>
        ))}
      </div>
      <nav aria-label="Picture views" className="mt-3">
        <ul className="flex flex-wrap gap-2">
          {views.map((view) => (
            <li key={view.id}>
              <a
                href={`#view-${view.id}`}
                className="flex items-center gap-2 whitespace-nowrap rounded border border-line bg-white p-1 pr-3 text-sm hover:border-brand focus-visible:border-brand"
              >
                <img src={view.kind === "picture" ? view.picture.src : view.thumb} alt="" width={40} height={40} loading="lazy" className="size-10 rounded" />
                {view.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
