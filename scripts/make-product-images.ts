// Writes one flat, brand-neutral SVG illustration per catalog product to
// public/images/products/<slug>.svg.
//
//   node --import tsx scripts/make-product-images.ts
//
// Each kind has its own soft palette and shape: a pen for kits, a cartridge
// face whose dots follow the pin count for cartridges, a bottle, jar or tube
// for aftercare, and a box or container for accessories. The only text is the
// pack size. Files stay well under 4 KB.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { products } from "../prisma/seed-data/catalog";
import type { SeedProduct } from "../prisma/seed-data/types";

type Palette = { bg: string; main: string; light: string; accent: string };

const PALETTES: Record<SeedProduct["kind"], Palette> = {
  KIT: { bg: "#E6EDF6", main: "#3D5A80", light: "#F7F9FC", accent: "#98B4D4" },
  CARTRIDGE: { bg: "#E5F2EC", main: "#2E6B55", light: "#F6FBF8", accent: "#9CCBB6" },
  AFTERCARE: { bg: "#F6ECE4", main: "#9A5B3C", light: "#FDF8F4", accent: "#E3B89C" },
  ACCESSORY: { bg: "#ECEAF3", main: "#57507A", light: "#F8F7FB", accent: "#B7B0D3" },
};

const r = (n: number) => Math.round(n * 10) / 10;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** `count` dots laid out in a centred grid inside a box of size `size` around (cx, cy). */
function dotGrid(count: number, cx: number, cy: number, size: number, dotR: number, fill: string): string {
  const cols = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  const step = size / Math.max(cols, rows);
  let out = "";
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / cols);
    const inRow = row === rows - 1 ? count - row * cols : cols;
    const col = i - row * cols;
    const x = cx + (col - (inRow - 1) / 2) * step;
    const y = cy + (row - (rows - 1) / 2) * step;
    out += `<circle cx="${r(x)}" cy="${r(y)}" r="${dotR}"/>`;
  }
  return `<g fill="${fill}">${out}</g>`;
}

/** A fine nano grid, drawn with a pattern so the file stays small. */
function nanoPatch(id: string, cx: number, cy: number, radius: number, p: Palette): string {
  return (
    `<defs><pattern id="${id}" width="14" height="14" patternUnits="userSpaceOnUse">` +
    `<circle cx="7" cy="7" r="2.6" fill="${p.main}"/></pattern></defs>` +
    `<circle cx="${cx}" cy="${cy}" r="${radius}" fill="url(#${id})"/>`
  );
}

function cartridge(product: SeedProduct, p: Palette): string {
  const v = product.variants[0];
  const face =
    `<path d="M300 560 L330 690 Q400 712 470 690 L500 560 Z" fill="${p.accent}"/>` +
    `<rect x="282" y="520" width="236" height="54" rx="14" fill="${p.main}"/>` +
    `<circle cx="400" cy="330" r="205" fill="${p.main}"/>` +
    `<circle cx="400" cy="330" r="178" fill="${p.light}"/>`;
  if (v?.needleGeometry === "NANO") return face + nanoPatch("nano", 400, 330, 130, p);
  if (v?.needleGeometry === "MIXED") {
    // Three small groups: nano, 12-pin and 16-pin.
    return (
      face +
      `<circle cx="400" cy="245" r="58" fill="${p.bg}"/><circle cx="318" cy="390" r="58" fill="${p.bg}"/>` +
      `<circle cx="482" cy="390" r="58" fill="${p.bg}"/>` +
      nanoPatch("mix", 400, 245, 42, p) +
      dotGrid(12, 318, 390, 84, 7, p.main) +
      dotGrid(16, 482, 390, 84, 7, p.main)
    );
  }
  const pins = v?.pinCount ?? 12;
  const dotR = pins > 30 ? 10 : pins > 20 ? 12 : 15;
  return face + dotGrid(pins, 400, 330, 250, dotR, p.main);
}

function pen(product: SeedProduct, p: Palette): string {
  const pro = product.penModel === "stillpoint-p2";
  const body = pro ? p.main : p.accent;
  // Kits that come with a case show it behind the pen.
  const hasCase = product.kitItems?.some((item) => "label" in item && /case/i.test(item.label)) ?? false;
  return (
    (hasCase ? `<rect x="120" y="170" width="560" height="460" rx="48" fill="${p.light}" stroke="${p.accent}" stroke-width="10"/>` : "") +
    `<g transform="rotate(-35 400 400)">` +
    `<rect x="150" y="345" width="440" height="110" rx="55" fill="${body}"/>` +
    `<rect x="590" y="360" width="70" height="80" rx="12" fill="${p.main}"/>` +
    `<path d="M660 375 L715 392 L715 408 L660 425 Z" fill="${p.main}"/>` +
    `<circle cx="260" cy="400" r="26" fill="${p.light}"/>` +
    `<circle cx="260" cy="400" r="12" fill="${p.main}"/>` +
    `<rect x="340" y="388" width="150" height="24" rx="12" fill="${p.light}" opacity=".7"/>` +
    `</g>` +
    `<rect x="150" y="${hasCase ? 668 : 620}" width="500" height="26" rx="13" fill="${p.accent}" opacity=".6"/>`
  );
}

function aftercare(product: SeedProduct, p: Palette): string {
  const sku = product.variants[0]?.sku ?? "";
  // Centre a shape on x, scaled by s about its base line (y = 700).
  const place = (x: number, s: number) => (s === 1 ? `translate(${x} 0)` : `translate(${x} 700) scale(${s}) translate(0 -700)`);
  const dropper = (x: number, s: number) =>
    `<g transform="${place(x, s)}">` +
    `<rect x="-70" y="380" width="140" height="320" rx="36" fill="${p.main}"/>` +
    `<rect x="-40" y="440" width="80" height="160" rx="10" fill="${p.light}" opacity=".85"/>` +
    `<rect x="-28" y="320" width="56" height="64" rx="8" fill="${p.accent}"/>` +
    `<rect x="-18" y="210" width="36" height="114" rx="18" fill="${p.main}"/></g>`;
  const jar = (x: number, s: number) =>
    `<g transform="${place(x, s)}">` +
    `<rect x="-130" y="520" width="260" height="180" rx="40" fill="${p.main}"/>` +
    `<rect x="-142" y="460" width="284" height="76" rx="20" fill="${p.accent}"/>` +
    `<rect x="-80" y="575" width="160" height="70" rx="12" fill="${p.light}" opacity=".85"/></g>`;
  const tube = (x: number, s: number) =>
    `<g transform="${place(x, s)}">` +
    `<path d="M-95 210 L95 210 L70 620 L-70 620 Z" fill="${p.main}"/>` +
    `<rect x="-95" y="196" width="190" height="26" rx="6" fill="${p.accent}"/>` +
    `<rect x="-50" y="620" width="100" height="80" rx="14" fill="${p.accent}"/>` +
    `<rect x="-50" y="330" width="100" height="150" rx="10" fill="${p.light}" opacity=".85"/></g>`;
  const pump = (x: number, s: number) =>
    `<g transform="${place(x, s)}">` +
    `<rect x="-95" y="330" width="190" height="370" rx="44" fill="${p.main}"/>` +
    `<rect x="-55" y="400" width="110" height="190" rx="12" fill="${p.light}" opacity=".85"/>` +
    `<rect x="-22" y="240" width="44" height="94" rx="8" fill="${p.accent}"/>` +
    `<path d="M-22 240 L-22 215 L80 215 L80 240 Z" fill="${p.accent}"/></g>`;
  if (sku.startsWith("SRM")) return dropper(400, 1);
  if (sku.startsWith("MST")) return jar(400, 1);
  if (sku.startsWith("SPF")) return tube(400, 1);
  if (sku.startsWith("CLN")) return pump(400, 1);
  // Trio: three smaller pieces side by side.
  return dropper(215, 0.7) + jar(400, 0.7) + tube(585, 0.7);
}

function accessory(product: SeedProduct, p: Palette): string {
  const sku = product.variants[0]?.sku ?? "";
  if (sku.startsWith("SHP")) {
    // Sharps container: tapered body, locking lid with a slot.
    return (
      `<path d="M250 330 L550 330 L520 690 L280 690 Z" fill="${p.main}"/>` +
      `<rect x="232" y="262" width="336" height="84" rx="20" fill="${p.accent}"/>` +
      `<rect x="330" y="290" width="140" height="22" rx="11" fill="${p.main}"/>` +
      `<rect x="320" y="430" width="160" height="120" rx="14" fill="${p.light}" opacity=".85"/>`
    );
  }
  if (sku.startsWith("WIPE")) {
    // Flat box with a sachet and pad on top.
    return (
      `<rect x="170" y="470" width="460" height="210" rx="22" fill="${p.main}"/>` +
      `<rect x="170" y="470" width="460" height="50" rx="22" fill="${p.accent}"/>` +
      `<rect x="270" y="250" width="260" height="200" rx="16" fill="${p.light}" transform="rotate(-8 400 350)"/>` +
      `<rect x="320" y="295" width="160" height="110" rx="10" fill="${p.accent}" transform="rotate(-8 400 350)"/>`
    );
  }
  // Sleeves: dispenser box with a sleeve pulled out.
  return (
    `<path d="M340 200 L460 200 L480 470 L320 470 Z" fill="${p.light}" opacity=".9"/>` +
    `<rect x="180" y="420" width="440" height="260" rx="22" fill="${p.main}"/>` +
    `<rect x="300" y="445" width="200" height="34" rx="17" fill="${p.accent}"/>`
  );
}

function packText(product: SeedProduct, p: Palette): string {
  if (product.kind === "KIT" || product.variants[0]?.packUnit === "container") return "";
  const label = (v: SeedProduct["variants"][number]) => (v.packUnit === "ml" ? `${v.packSize} ml` : v.packUnit === "set" ? "×3" : `×${v.packSize}`);
  const sizes = [...new Set(product.variants.map(label))];
  return (
    `<text x="740" y="750" text-anchor="end" font-family="Helvetica, Arial, sans-serif" ` +
    `font-size="40" font-weight="600" fill="${p.main}" opacity=".8">${escapeXml(sizes.join(" / "))}</text>`
  );
}

function svgFor(product: SeedProduct): string {
  const p = PALETTES[product.kind];
  const shape =
    product.kind === "KIT"
      ? pen(product, p)
      : product.kind === "CARTRIDGE"
        ? cartridge(product, p)
        : product.kind === "AFTERCARE"
          ? aftercare(product, p)
          : accessory(product, p);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800" role="img">` +
    `<title>${escapeXml(product.name)}</title>` +
    `<rect width="800" height="800" fill="${p.bg}"/>` +
    `<circle cx="640" cy="150" r="210" fill="${p.light}" opacity=".55"/>` +
    shape +
    packText(product, p) +
    `</svg>\n`
  );
}

const outDir = path.resolve(import.meta.dirname, "..", "public", "images", "products");
mkdirSync(outDir, { recursive: true });
for (const product of products) {
  const svg = svgFor(product);
  const file = path.join(outDir, `${product.slug}.svg`);
  writeFileSync(file, svg);
  console.log(`${path.relative(process.cwd(), file)}  ${svg.length} bytes`);
}
