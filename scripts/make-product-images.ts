// Writes one flat, brand-neutral SVG illustration per catalog product to
// public/images/products/<slug>.svg.
//
//   node --import tsx scripts/make-product-images.ts
//
// Each kind has its own soft palette and shape: a kit drawn as what is in its
// box (its pen, cartridge boxes, bottles, sharps bin, case), a cartridge face
// with one shape per pin (round or square) for cartridges, a bottle, jar or
// tube for aftercare, and a box or container for accessories. The only text
// is the pack size. Besides one file per catalog product it draws one per
// cartridge configuration of the generated catalog (cartridge-<pins>-<shape>),
// a close-up of each pen model (public/images/pens) for kit galleries, the kit
// parts not sold alone (public/images/kit-parts) and the home page's hero.
// Files stay under about 5 KB.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { penModels, products } from "../prisma/seed-data/catalog";
import { CARTRIDGE_CONFIGS, cartridgeImageName } from "../lib/catalog/images";
import type { SeedPenModel, SeedProduct } from "../prisma/seed-data/types";

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

/** A fine nano grid, drawn with a pattern so the file stays small. */
function nanoPatch(id: string, cx: number, cy: number, radius: number, p: Palette): string {
  return (
    `<defs><pattern id="${id}" width="14" height="14" patternUnits="userSpaceOnUse">` +
    `<circle cx="7" cy="7" r="2.6" fill="${p.main}"/></pattern></defs>` +
    `<circle cx="${cx}" cy="${cy}" r="${radius}" fill="url(#${id})"/>`
  );
}

/** Where `count` pins sit on a face: small counts in their usual patterns, larger ones in a centred grid. */
function pinPositions(count: number, cx: number, cy: number, size: number): [number, number][] {
  const ring = (n: number, radius: number): [number, number][] =>
    Array.from({ length: n }, (_, i) => [
      cx + radius * Math.cos(-Math.PI / 2 + (i * 2 * Math.PI) / n),
      cy + radius * Math.sin(-Math.PI / 2 + (i * 2 * Math.PI) / n),
    ]);
  if (count <= 1) return [[cx, cy]];
  if (count <= 6) return ring(count, size * 0.3);
  if (count === 7) return [[cx, cy], ...ring(6, size * 0.32)];
  const cols = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  const step = size / Math.max(cols, rows);
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / cols);
    const inRow = row === rows - 1 ? count - row * cols : cols;
    const col = i - row * cols;
    out.push([cx + (col - (inRow - 1) / 2) * step, cy + (row - (rows - 1) / 2) * step]);
  }
  return out;
}

/** A cartridge's pins, one element a pin (tests count them), round or square. */
function pins(count: number, square: boolean, cx: number, cy: number, size: number, fill: string): string {
  const d = Math.min(size * 0.16, (size / Math.max(2, Math.ceil(Math.sqrt(count)))) * 0.55);
  const shapes = pinPositions(count, cx, cy, size).map(([x, y]) =>
    square ? `<rect x="${r(x - d / 2)}" y="${r(y - d / 2)}" width="${r(d)}" height="${r(d)}" rx="2"/>` : `<circle cx="${r(x)}" cy="${r(y)}" r="${r(d / 2)}"/>`,
  );
  return `<g class="pins" fill="${fill}">${shapes.join("")}</g>`;
}

/** A cartridge seen tip first: its housing below, the face with what is on it. */
function cartridgeFace(p: Palette, inner: string): string {
  return (
    `<path d="M300 560 L330 690 Q400 712 470 690 L500 560 Z" fill="${p.accent}"/>` +
    `<rect x="282" y="520" width="236" height="54" rx="14" fill="${p.main}"/>` +
    `<circle cx="400" cy="330" r="205" fill="${p.main}"/>` +
    `<circle cx="400" cy="330" r="178" fill="${p.light}"/>` +
    inner
  );
}

function cartridgeArt(pinCount: number | null | undefined, geometry: string | null | undefined, p: Palette): string {
  if (geometry === "NANO") return cartridgeFace(p, nanoPatch("nano", 400, 330, 130, p));
  if (geometry === "MIXED") {
    // Three small faces, as in the pack: nano, 12-pin and 16-pin.
    return cartridgeFace(
      p,
      `<circle cx="400" cy="245" r="58" fill="${p.bg}"/><circle cx="318" cy="390" r="58" fill="${p.bg}"/>` +
        `<circle cx="482" cy="390" r="58" fill="${p.bg}"/>` +
        nanoPatch("mix", 400, 245, 42, p) +
        pins(12, false, 318, 390, 84, p.main) +
        pins(16, false, 482, 390, 84, p.main),
    );
  }
  return cartridgeFace(p, pins(pinCount ?? 12, geometry === "SQUARE", 400, 330, 250, p.main));
}

function cartridge(product: SeedProduct, p: Palette): string {
  const v = product.variants[0];
  return cartridgeArt(v?.pinCount, v?.needleGeometry, p);
}

type PenLook = { body: string; tip: string; band: string; long: boolean };

/** Each pen model its own colours: the H1 light blue, the first-edition H0 lilac, the P2 dark with a brass band. */
function penLook(penSlug: string | undefined): PenLook {
  if (penSlug === "stillpoint-p2") return { body: "#2B3A4A", tip: "#5E7A96", band: "#C9A86A", long: true };
  if (penSlug === "stillpoint-h0") return { body: "#B7B0D3", tip: "#57507A", band: "#F8F7FB", long: false };
  return { body: "#98B4D4", tip: "#3D5A80", band: "#F7F9FC", long: false };
}

/** A pen lying along the x axis from x=0, 110 units thick. */
function penShape(look: PenLook): string {
  const len = look.long ? 500 : 440;
  return (
    `<rect x="0" y="-55" width="${len}" height="110" rx="55" fill="${look.body}"/>` +
    `<rect x="${len}" y="-40" width="70" height="80" rx="12" fill="${look.tip}"/>` +
    `<path d="M${len + 70} -25 L${len + 125} -8 L${len + 125} 8 L${len + 70} 25 Z" fill="${look.tip}"/>` +
    `<circle cx="110" cy="0" r="26" fill="${look.band}"/><circle cx="110" cy="0" r="12" fill="${look.tip}"/>` +
    `<rect x="190" y="-12" width="150" height="24" rx="12" fill="${look.band}" opacity=".7"/>`
  );
}

/** Small pieces for the kit drawings, each centred on x=0 and standing on y=0. */
const piece = {
  cartridgeBox: (pinCount: number | null | undefined, geometry: string | null | undefined) =>
    `<rect x="-70" y="-130" width="140" height="130" rx="10" fill="#2E6B55"/><circle cx="0" cy="-65" r="44" fill="#F6FBF8"/>` +
    (geometry === "NANO" || geometry === "MIXED"
      ? `<circle cx="0" cy="-65" r="26" fill="#9CCBB6"/>`
      : pins(pinCount ?? 12, geometry === "SQUARE", 0, -65, 60, "#2E6B55")),
  dropper: () =>
    `<rect x="-32" y="-150" width="64" height="150" rx="18" fill="#9A5B3C"/><rect x="-13" y="-176" width="26" height="30" rx="5" fill="#E3B89C"/>` +
    `<rect x="-8" y="-214" width="16" height="40" rx="8" fill="#9A5B3C"/><rect x="-18" y="-120" width="36" height="70" rx="5" fill="#FDF8F4" opacity=".85"/>`,
  jar: () =>
    `<rect x="-62" y="-84" width="124" height="84" rx="18" fill="#9A5B3C"/><rect x="-68" y="-110" width="136" height="34" rx="10" fill="#E3B89C"/>` +
    `<rect x="-38" y="-60" width="76" height="32" rx="6" fill="#FDF8F4" opacity=".85"/>`,
  tube: () =>
    `<path d="M-44 -200 L44 -200 L32 -34 L-32 -34 Z" fill="#9A5B3C"/><rect x="-24" y="-36" width="48" height="36" rx="7" fill="#E3B89C"/>` +
    `<rect x="-22" y="-160" width="44" height="66" rx="5" fill="#FDF8F4" opacity=".85"/>`,
  pump: () =>
    `<rect x="-44" y="-170" width="88" height="170" rx="20" fill="#9A5B3C"/><rect x="-10" y="-210" width="20" height="42" rx="4" fill="#E3B89C"/>` +
    `<path d="M-10 -210 L-10 -222 L40 -222 L40 -210 Z" fill="#E3B89C"/><rect x="-26" y="-136" width="52" height="86" rx="6" fill="#FDF8F4" opacity=".85"/>`,
  sharps: () =>
    `<path d="M-66 -150 L66 -150 L54 0 L-54 0 Z" fill="#57507A"/><rect x="-74" y="-180" width="148" height="38" rx="10" fill="#B7B0D3"/>` +
    `<rect x="-30" y="-168" width="60" height="10" rx="5" fill="#57507A"/><path d="M-22 -96 L22 -96 L0 -60 Z" fill="#F8F7FB"/>`,
  sleeves: () =>
    `<path d="M-26 -200 L26 -200 L36 -90 L-36 -90 Z" fill="#F8F7FB" stroke="#B7B0D3" stroke-width="4"/>` +
    `<rect x="-80" y="-110" width="160" height="110" rx="12" fill="#57507A"/><rect x="-40" y="-98" width="80" height="16" rx="8" fill="#B7B0D3"/>`,
};

const SKU_PIECES: [string, () => string][] = [
  ["SRM", piece.dropper],
  ["MST", piece.jar],
  ["SPF", piece.tube],
  ["CLN", piece.pump],
  ["SHP", piece.sharps],
  ["SLV", piece.sleeves],
];

const variantsBySku = new Map(products.flatMap((prod) => prod.variants.map((v) => [v.sku, v] as const)));

/**
 * A kit drawn as what is in it: its own pen across the top, one piece per
 * boxed item in a row below (cartridge boxes showing their pins, bottles, the
 * sharps bin, sleeves), on its case when it comes with one.
 */
function kitArt(product: SeedProduct, p: Palette): string {
  const items = product.kitItems ?? [];
  const labels = items.map((i) => ("label" in i ? i.label : ""));
  const row: string[] = [];
  for (const item of items) {
    if (!("sku" in item)) continue;
    const v = variantsBySku.get(item.sku);
    if (item.sku.startsWith("CRT")) row.push(piece.cartridgeBox(v?.pinCount, v?.needleGeometry));
    else row.push(SKU_PIECES.find(([prefix]) => item.sku.startsWith(prefix))?.[1]() ?? "");
  }
  // One row up to four pieces, two rows beyond: pieces stay large enough to tell apart.
  const perRow = row.length > 4 ? Math.ceil(row.length / 2) : row.length;
  const step = 600 / Math.max(1, perRow);
  const scale = Math.round(Math.min(row.length > 4 ? 0.95 : 1.15, step / 165) * 100) / 100;
  const baseY = (i: number) => (row.length > 4 ? (i < perRow ? 445 : 705) : 640);
  const xOf = (i: number) => {
    const inRow = i < perRow ? Math.min(perRow, row.length) : row.length - perRow;
    return 400 + ((i < perRow ? i : i - perRow) - (inRow - 1) / 2) * step;
  };
  const caseArt = labels.some((l) => /hard .*case/i.test(l))
    ? `<rect x="60" y="110" width="680" height="600" rx="28" fill="#3A4654"/><rect x="84" y="134" width="632" height="552" rx="18" fill="#C9D3DE"/>` +
      `<rect x="340" y="96" width="120" height="26" rx="8" fill="#1F2A36"/>`
    : labels.some((l) => /travel case/i.test(l))
      ? `<rect x="70" y="110" width="660" height="620" rx="70" fill="${p.light}" stroke="${p.accent}" stroke-width="12"/>` +
        `<path d="M120 150 Q400 110 680 150" fill="none" stroke="${p.main}" stroke-width="6" stroke-dasharray="14 10"/>`
      : "";
  return (
    caseArt +
    `<g transform="translate(150 ${row.length > 4 ? 205 : 330}) rotate(-10) scale(.8)">${penShape(penLook(product.penModel))}</g>` +
    row.map((art, i) => `<g transform="translate(${r(xOf(i))} ${baseY(i)}) scale(${scale})">${art}</g>`).join("")
  );
}

const svgOpen = (title: string, bg: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800" role="img">` +
  `<title>${escapeXml(title)}</title><rect width="800" height="800" fill="${bg}"/>`;

/** A pen close-up for kit galleries: the pen large, and its depth dial with the model's own limit. */
function penCloseUp(pen: SeedPenModel): string {
  const look = penLook(pen.slug);
  const p = PALETTES.KIT;
  return (
    svgOpen(`${pen.name}, close-up`, p.bg) +
    `<circle cx="400" cy="360" r="300" fill="${p.light}" opacity=".6"/>` +
    `<g transform="translate(60 430) rotate(-24) scale(1.1)">${penShape(look)}</g>` +
    `<circle cx="560" cy="610" r="110" fill="#fff" stroke="${look.tip}" stroke-width="10"/>` +
    `<path d="M493 650 A78 78 0 1 1 627 650" fill="none" stroke="${look.body}" stroke-width="14" stroke-linecap="round"/>` +
    `<path d="M560 610 L606 556" stroke="${look.tip}" stroke-width="10" stroke-linecap="round"/><circle cx="560" cy="610" r="12" fill="${look.tip}"/>` +
    `<text x="560" y="700" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="30" font-weight="600" fill="${look.tip}">0–${pen.maxDepthMm} mm</text>` +
    `</svg>\n`
  );
}

/** Kit parts that are not sold on their own, for the "in the box" view. */
const KIT_PART_ART: Record<string, [string, string]> = {
  "travel-case": [
    "Zipped travel case",
    `<rect x="130" y="250" width="540" height="320" rx="90" fill="#F7F9FC" stroke="#98B4D4" stroke-width="16"/>` +
      `<path d="M170 300 Q400 250 630 300" fill="none" stroke="#3D5A80" stroke-width="8" stroke-dasharray="18 12"/><circle cx="640" cy="300" r="16" fill="#3D5A80"/>`,
  ],
  "hard-case": [
    "Hard carry case",
    `<rect x="120" y="260" width="560" height="340" rx="30" fill="#3A4654"/><rect x="320" y="220" width="160" height="50" rx="14" fill="none" stroke="#1F2A36" stroke-width="18"/>` +
      `<rect x="140" y="400" width="520" height="12" fill="#1F2A36"/><rect x="200" y="388" width="40" height="36" rx="6" fill="#C9A86A"/><rect x="560" y="388" width="40" height="36" rx="6" fill="#C9A86A"/>`,
  ],
  "charging-cable": [
    "Charging cable",
    `<path d="M220 250 C520 200 620 360 420 420 C220 480 280 620 580 580" fill="none" stroke="#3D5A80" stroke-width="18" stroke-linecap="round"/>` +
      `<rect x="150" y="225" width="90" height="50" rx="10" fill="#98B4D4"/><rect x="570" y="555" width="90" height="50" rx="10" fill="#98B4D4"/>`,
  ],
  booklet: [
    "Printed instruction booklet",
    `<rect x="230" y="170" width="340" height="460" rx="12" fill="#F7F9FC" stroke="#98B4D4" stroke-width="10"/>` +
      `<rect x="270" y="220" width="260" height="40" rx="6" fill="#3D5A80"/>` +
      [300, 340, 380, 420, 460, 500, 540]
        .map((y) => `<rect x="270" y="${y}" width="${y % 80 === 20 ? 200 : 260}" height="14" rx="7" fill="#98B4D4"/>`)
        .join(""),
  ],
};

/** The home page's hero: a pen, a cartridge face with its pins and the aftercare, on soft shapes. */
function hero(): string {
  const blue = PALETTES.KIT;
  const green = PALETTES.CARTRIDGE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480" role="img">` +
    `<title>A microneedling pen, a cartridge and aftercare bottles</title>` +
    `<circle cx="420" cy="220" r="200" fill="${blue.bg}"/><circle cx="180" cy="330" r="130" fill="${green.bg}"/>` +
    `<g transform="translate(90 270) rotate(-28) scale(.62)">${penShape(penLook("stillpoint-h1"))}</g>` +
    `<g transform="translate(420 110)"><circle r="78" fill="${green.main}"/><circle r="66" fill="${green.light}"/>${pins(16, false, 0, 0, 90, green.main)}</g>` +
    `<g transform="translate(400 430) scale(.8)">${piece.dropper()}</g>` +
    `<g transform="translate(490 430) scale(.8)">${piece.jar()}</g>` +
    `<g transform="translate(575 430) scale(.8)">${piece.tube()}</g>` +
    `<rect x="40" y="440" width="570" height="10" rx="5" fill="${blue.accent}" opacity=".5"/>` +
    `</svg>\n`
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
      ? kitArt(product, p)
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

const imagesDir = path.resolve(import.meta.dirname, "..", "public", "images");
function write(relative: string, svg: string) {
  const file = path.join(imagesDir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, svg);
  console.log(`${path.relative(process.cwd(), file)}  ${svg.length} bytes`);
}

for (const product of products) write(`products/${product.slug}.svg`, svgFor(product));
// Generated cartridges (prisma/seed-data/generated.ts) each show their own pin count and shape.
for (const { pins: count, geometry } of CARTRIDGE_CONFIGS) {
  const p = PALETTES.CARTRIDGE;
  const shape = geometry === "SQUARE" ? "square" : "round";
  write(
    `products/${cartridgeImageName(count, geometry)}.svg`,
    svgOpen(`Cartridge with ${count} ${shape} pins`, p.bg) +
      `<circle cx="640" cy="150" r="210" fill="${p.light}" opacity=".55"/>` +
      cartridgeArt(count, geometry, p) +
      `</svg>\n`,
  );
}
for (const pen of penModels) write(`pens/${pen.slug}.svg`, penCloseUp(pen));
for (const [name, [title, art]] of Object.entries(KIT_PART_ART)) write(`kit-parts/${name}.svg`, svgOpen(title, PALETTES.KIT.bg) + art + `</svg>\n`);
write("hero.svg", hero());
