// Extracts the text of a PDF with pdf.js, the way a reader would see it.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfText(data: Uint8Array): Promise<{ pages: number; text: string; pageTexts: string[] }> {
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    parts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  return { pages, text: parts.join("\n").replace(/\s+/g, " "), pageTexts: parts.map((t) => t.replace(/\s+/g, " ")) };
}

/** The addresses of a PDF's link annotations, page by page in order. */
export async function pdfLinks(data: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const urls: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    for (const a of await (await pdf.getPage(i)).getAnnotations()) if (a.subtype === "Link" && typeof a.url === "string") urls.push(a.url);
  }
  await pdf.destroy();
  return urls;
}
