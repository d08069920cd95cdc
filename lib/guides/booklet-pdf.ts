// The printable booklet as a PDF, drawn with PDFKit from the same instructions
// model as the pages. PDFKit's built-in Helvetica needs no font files, but it
// only knows the Windows-1252 characters, so a few symbols are spelled out.
//
// Each distinct booklet is drawn once and kept (booklet-store.ts) under a hash
// of its inputs: a change here that alters the output for the same
// instructions must bump BOOKLET_LAYOUT_VERSION in booklet-key.ts, or stores
// keep serving the old drawing.
import PDFDocument from "pdfkit";
import { siteName } from "@/lib/site";
import { depthTicks, describeDepthDiagram, SKIN_LAYERS, type DepthDiagram } from "./depth-diagram";
import { productPath, type Block, type Instructions } from "./instructions";

const replacements: [RegExp, string][] = [
  [/≤/g, "<="],
  [/≥/g, ">="],
  [/→/g, "->"],
  [/✓/g, "yes"],
  [/\u00a0/g, " "],
];
const printable = (text: string) => replacements.reduce((t, [re, to]) => t.replace(re, to), text).replace(/[^\x20-\x7e\u00a0-\u00ff‘’“”–—•…×°²€]/g, "");

const MARGIN = 54;
const INK = "#1f2a2e";
const MUTED = "#56656b";
const BRAND = "#2f6b63";
const BRAND_DARK = "#22504a";

/**
 * `origin` is the store's configured address (siteUrl()): a product the
 * instructions name becomes a link to its page there. Without it, names are
 * drawn as plain words.
 */
export async function renderBookletPdf(doc: Instructions, footer: string, origin?: string): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: printable(`${doc.title}: instructions`), Subject: printable(doc.versionLabel), Author: siteName },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const width = pdf.page.width - MARGIN * 2;

  drawCover(pdf, doc, width);
  pdf.addPage();

  for (const section of doc.sections) {
    pdf.moveDown(1);
    ensureSpace(pdf, 60);
    pdf.font("Helvetica-Bold").fontSize(15).fillColor(INK).text(printable(section.title), MARGIN, pdf.y, { width });
    pdf.moveDown(0.3);
    if (section.diagram) drawDepthDiagram(pdf, section.diagram, width);
    for (const block of section.blocks) drawBlock(pdf, block, width, origin);
  }

  // Page numbers and the version on every page.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font("Helvetica")
      .fontSize(8)
      .fillColor(MUTED)
      .text(printable(`${footer} · page ${i + 1} of ${range.count}`), MARGIN, pdf.page.height - 36, { width, align: "center", lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}

/** Page 1: whose booklet this is, which guide and which version, and what is inside. */
function drawCover(pdf: PDFKit.PDFDocument, doc: Instructions, width: number) {
  const top = MARGIN + 40;
  pdf.rect(0, 0, pdf.page.width, 14).fill(BRAND);
  pdf.font("Helvetica-Bold").fontSize(13).fillColor(BRAND).text(printable(siteName), MARGIN, top, { width, characterSpacing: 1 });
  pdf.moveDown(3.5);
  pdf.font("Helvetica-Bold").fontSize(30).fillColor(INK).text(printable(doc.title), { width });
  pdf.moveDown(0.4).font("Helvetica").fontSize(16).fillColor(MUTED).text("Instructions for use", { width });
  pdf.moveDown(1.2).font("Helvetica-Bold").fontSize(12).fillColor(INK).text(printable(doc.guideTitle), { width });
  pdf.moveDown(0.2).font("Helvetica").fontSize(10).fillColor(MUTED).text(printable(doc.versionLabel), { width });

  // A quiet drawing: a pen over three skin layers, the needle tips stopping in the top one.
  const y = pdf.y + 50;
  const layers: [string, number][] = [
    ["#e9b9a2", 16],
    ["#f3cfbd", 46],
    ["#fbf1e8", 40],
  ];
  let ly = y + 120;
  for (const [colour, h] of layers) {
    pdf.rect(MARGIN, ly, width, h).fill(colour);
    ly += h;
  }
  const cx = MARGIN + width / 2;
  pdf.save().rotate(-12, { origin: [cx, y + 120] });
  pdf.roundedRect(cx - 16, y - 10, 32, 112, 14).fill(INK);
  pdf.rect(cx - 11, y + 100, 22, 14).fill(BRAND);
  for (let i = -2; i <= 2; i++)
    pdf
      .moveTo(cx + i * 4, y + 114)
      .lineTo(cx + i * 4, y + 126)
      .lineWidth(0.8)
      .strokeColor(MUTED)
      .stroke();
  pdf.restore();

  pdf
    .font("Helvetica-Bold")
    .fontSize(11)
    .fillColor(INK)
    .text("In this booklet", MARGIN, ly + 36, { width });
  pdf.moveDown(0.3).font("Helvetica").fontSize(10).fillColor(INK);
  doc.sections.forEach((s, i) => pdf.text(printable(`${i + 1}.  ${s.title}`), MARGIN, pdf.y, { width }));
  pdf
    .moveDown(1.5)
    .fontSize(9)
    .fillColor(MUTED)
    .text("Keep this booklet with the product. Read “Who must not use it” before the first session, where the booklet has it.", MARGIN, pdf.y, { width });
}

/**
 * The needle-depth diagram (depth-diagram.ts) in vector strokes: skin layers
 * left to right from the surface, a solid bar per area for the home range and a
 * dashed outline for the professional range, for information only.
 */
function drawDepthDiagram(pdf: PDFKit.PDFDocument, d: DepthDiagram, width: number) {
  const rowH = 17;
  const labelW = 118;
  const rightW = 92;
  const height = 34 + d.areas.length * rowH + 48;
  ensureSpace(pdf, height + 30);
  const x0 = MARGIN + labelW + 6;
  const x1 = MARGIN + width - rightW;
  const x = (mm: number) => x0 + (mm / d.scaleMaxMm) * (x1 - x0);
  const top = pdf.y + 30;
  const bottom = top + d.areas.length * rowH;

  pdf.font("Helvetica").fontSize(8).fillColor("#8a5a44");
  pdf.text("Epidermis", x0, top - 28, { lineBreak: false });
  pdf.text("Dermis (thickness varies by area)", x(SKIN_LAYERS.epidermisMm) + 30, top - 28, { lineBreak: false });
  pdf.rect(x0, top - 4, x1 - x0, bottom - top + 8).fill("#fbf1e8");
  const dermis = pdf.linearGradient(x(SKIN_LAYERS.dermisFromMm), 0, x(SKIN_LAYERS.dermisToMm), 0);
  dermis.stop(0, "#f3cfbd").stop(1, "#fbf1e8");
  pdf.rect(x0, top - 4, Math.min(x1, x(SKIN_LAYERS.dermisToMm)) - x0, bottom - top + 8).fill(dermis);
  pdf.rect(x0, top - 4, x(SKIN_LAYERS.epidermisMm) - x0, bottom - top + 8).fill("#e9b9a2");

  const mark = (mm: number, text: string, bold: boolean, align: "left" | "right") => {
    pdf
      .moveTo(x(mm), top - 14)
      .lineTo(x(mm), bottom + 6)
      .lineWidth(bold ? 1.2 : 0.7)
      .dash(bold ? 4 : 2, { space: 2 })
      .strokeColor(BRAND_DARK)
      .stroke()
      .undash();
    pdf
      .font(bold ? "Helvetica-Bold" : "Helvetica")
      .fontSize(7.5)
      .fillColor(BRAND_DARK);
    const w = pdf.widthOfString(text);
    pdf.text(text, align === "left" ? x(mm) + 3 : x(mm) - 3 - w, top - 16, { lineBreak: false });
  };
  mark(d.beginnerMaxMm, `${d.beginnerMaxMm} mm start`, false, "right");
  mark(d.homeFaceMaxMm, `${d.homeFaceMaxMm} mm home limit`, true, "left");

  d.areas.forEach((a, i) => {
    const y = top + i * rowH;
    pdf.font("Helvetica").fontSize(8.5).fillColor(INK);
    pdf.text(printable(a.label), MARGIN, y + 4, { width: labelW, align: "right", lineBreak: false });
    if (a.professional) {
      pdf
        .roundedRect(x(a.professional.minMm), y + 2, Math.max(2, x(a.professional.maxMm) - x(a.professional.minMm)), 11, 2)
        .lineWidth(0.7)
        .dash(3, { space: 1.5 })
        .strokeColor(MUTED)
        .stroke()
        .undash();
    }
    if (a.home) pdf.roundedRect(x0, y + 4, x(a.home.maxMm) - x0, 7, 1.5).fill(BRAND);
    const note = a.home ? `home ${a.home.minMm === a.home.maxMm ? a.home.maxMm : `${a.home.minMm}–${a.home.maxMm}`} mm` : "professional only";
    pdf
      .font("Helvetica")
      .fontSize(8)
      .fillColor(a.home ? BRAND_DARK : "#8a4b0f")
      .text(note, x1 + 6, y + 4, { lineBreak: false });
  });

  pdf
    .moveTo(x0, bottom + 6)
    .lineTo(x1, bottom + 6)
    .lineWidth(0.6)
    .strokeColor(MUTED)
    .stroke();
  pdf.font("Helvetica").fontSize(7.5).fillColor(MUTED);
  for (const mm of depthTicks(d)) {
    pdf
      .moveTo(x(mm), bottom + 6)
      .lineTo(x(mm), bottom + 10)
      .stroke();
    const label = String(mm);
    pdf.text(label, x(mm) - pdf.widthOfString(label) / 2, bottom + 13, { lineBreak: false });
  }
  pdf.text("mm deep", x1 + 6, bottom + 13, { lineBreak: false });
  pdf.roundedRect(x0, bottom + 31, 16, 7, 1.5).fill(BRAND);
  pdf.fillColor(INK).text("Home depth", x0 + 21, bottom + 31, { lineBreak: false });
  pdf
    .roundedRect(x0 + 90, bottom + 29, 16, 11, 2)
    .lineWidth(0.7)
    .dash(3, { space: 1.5 })
    .strokeColor(MUTED)
    .stroke()
    .undash();
  pdf.fillColor(INK).text("Professional range, for information only", x0 + 111, bottom + 31, { lineBreak: false });

  pdf.x = MARGIN;
  pdf.y = bottom + 50;
  pdf
    .font("Helvetica-Oblique")
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(printable(describeDepthDiagram(d)), MARGIN, pdf.y, { width });
  pdf.moveDown(0.6).fillColor(INK);
}

function ensureSpace(pdf: PDFKit.PDFDocument, needed: number) {
  if (pdf.y + needed > pdf.page.height - MARGIN) pdf.addPage();
}

function drawBlock(pdf: PDFKit.PDFDocument, block: Block, width: number, origin: string | undefined) {
  pdf.fillColor(INK);
  switch (block.type) {
    case "h3":
      pdf.moveDown(0.4);
      ensureSpace(pdf, 40);
      pdf.font("Helvetica-Bold").fontSize(11.5).text(printable(block.text), MARGIN, pdf.y, { width });
      pdf.moveDown(0.2);
      break;
    case "p":
      pdf.font("Helvetica").fontSize(10);
      if (block.runs && origin) drawRuns(pdf, block.runs, width, origin.replace(/\/+$/, ""));
      else pdf.text(printable(block.text), MARGIN, pdf.y, { width });
      pdf.moveDown(0.3);
      break;
    case "note":
      pdf
        .font("Helvetica-Bold")
        .fontSize(10)
        .fillColor(block.tone === "warn" ? "#8a4b0f" : INK)
        .text(printable(block.text), MARGIN + 8, pdf.y, { width: width - 16 });
      pdf.fillColor(INK).moveDown(0.3);
      break;
    case "list":
      pdf.font("Helvetica").fontSize(10);
      block.items.forEach((item, i) => {
        const marker = block.ordered ? `${i + 1}.` : "•";
        ensureSpace(pdf, 14);
        const y = pdf.y;
        pdf.text(marker, MARGIN + 4, y, { width: 18, lineBreak: false });
        pdf.text(printable(item), MARGIN + 22, y, { width: width - 22 });
        pdf.moveDown(0.15);
      });
      pdf.moveDown(0.2);
      break;
    case "table":
      drawTable(pdf, block, width);
      break;
  }
}

/** One paragraph of runs: a product's name in the brand colour, underlined, with a link annotation to its page. */
function drawRuns(pdf: PDFKit.PDFDocument, runs: NonNullable<Extract<Block, { type: "p" }>["runs"]>, width: number, origin: string) {
  const y = pdf.y;
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    const link = run.slug === undefined ? null : `${origin}${productPath(run.slug)}`;
    pdf.fillColor(link ? BRAND : INK);
    const options = { width, continued: !last, link, underline: link !== null };
    if (i === 0) pdf.text(printable(run.text), MARGIN, y, options);
    else pdf.text(printable(run.text), options);
  });
  pdf.fillColor(INK);
}

function drawTable(pdf: PDFKit.PDFDocument, table: Extract<Block, { type: "table" }>, width: number) {
  const cols = table.head.length;
  const colWidth = width / cols;
  const pad = 3;
  pdf.font("Helvetica-Oblique").fontSize(9).fillColor(MUTED).text(printable(table.caption), MARGIN, pdf.y, { width });
  pdf.moveDown(0.2).fillColor(INK);
  const drawRow = (cells: string[], bold: boolean) => {
    pdf.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
    const texts = cells.map(printable);
    const heights = texts.map((t) => pdf.heightOfString(t, { width: colWidth - pad * 2 }));
    const h = Math.max(...heights) + pad * 2;
    ensureSpace(pdf, h);
    const y = pdf.y;
    texts.forEach((t, i) => pdf.text(t, MARGIN + i * colWidth + pad, y + pad, { width: colWidth - pad * 2 }));
    pdf
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(0.5)
      .strokeColor("#e3dfd6")
      .stroke();
    pdf.x = MARGIN;
    pdf.y = y + h;
  };
  drawRow(table.head, true);
  for (const row of table.rows) drawRow(row, false);
  pdf.moveDown(0.5);
}
