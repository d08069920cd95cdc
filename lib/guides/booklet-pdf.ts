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
import type { Block, Instructions } from "./instructions";

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

export async function renderBookletPdf(doc: Instructions, footer: string): Promise<Buffer> {
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

  pdf.font("Helvetica-Bold").fontSize(20).fillColor(INK).text(printable(doc.title));
  pdf.moveDown(0.2).font("Helvetica").fontSize(12).fillColor(MUTED).text("Instructions for use");
  pdf.moveDown(0.2).fontSize(9).text(printable(doc.versionLabel));
  pdf
    .moveDown(0.5)
    .fontSize(9)
    .fillColor(MUTED)
    .text("Contents: " + printable(doc.sections.map((s) => s.title).join(" · ")));

  for (const section of doc.sections) {
    pdf.moveDown(1);
    ensureSpace(pdf, 60);
    pdf.font("Helvetica-Bold").fontSize(15).fillColor(INK).text(printable(section.title), MARGIN, pdf.y, { width });
    pdf.moveDown(0.3);
    for (const block of section.blocks) drawBlock(pdf, block, width);
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

function ensureSpace(pdf: PDFKit.PDFDocument, needed: number) {
  if (pdf.y + needed > pdf.page.height - MARGIN) pdf.addPage();
}

function drawBlock(pdf: PDFKit.PDFDocument, block: Block, width: number) {
  pdf.fillColor(INK);
  switch (block.type) {
    case "h3":
      pdf.moveDown(0.4);
      ensureSpace(pdf, 40);
      pdf.font("Helvetica-Bold").fontSize(11.5).text(printable(block.text), MARGIN, pdf.y, { width });
      pdf.moveDown(0.2);
      break;
    case "p":
      pdf.font("Helvetica").fontSize(10).text(printable(block.text), MARGIN, pdf.y, { width });
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
