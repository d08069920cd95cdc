// Checking an uploaded licence copy by what it is, not by what it claims: the
// type comes from the file's own bytes (file-type), must be a PDF, PNG, JPEG
// or WebP, and must agree with the name's extension and the type the browser
// sent. A renamed program, a web page sent as an image, or a file over the
// size limit is refused with a message that says which.
import { fileTypeFromBuffer } from "file-type";

export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
export const MAX_DOCUMENT_LABEL = "8 MB";

const ALLOWED: Record<string, { label: string; extensions: string[] }> = {
  "application/pdf": { label: "PDF", extensions: ["pdf"] },
  "image/png": { label: "PNG", extensions: ["png"] },
  "image/jpeg": { label: "JPEG", extensions: ["jpg", "jpeg"] },
  "image/webp": { label: "WebP", extensions: ["webp"] },
};

export const ACCEPTED_TYPES = Object.keys(ALLOWED);
export const ACCEPT_ATTRIBUTE = ".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp";

const PROGRAMS = new Set(["exe", "elf", "mach", "msi", "dmg", "apk", "jar", "class", "dex", "wasm", "deb", "rpm", "swf", "lnk", "cab"]);

export type CheckedDocument = { ok: true; contentType: string; extension: string; fileName: string } | { ok: false; error: string };

const TYPES_SENTENCE = "Upload a PDF, PNG, JPEG or WebP copy of your licence or certificate.";

/** A file name safe to show and to offer for download: no path, no control characters, at most 100 characters. */
export function cleanFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .trim()
    .slice(0, 100);
  return base || `licence.${extension}`;
}

export async function checkDocument(bytes: Buffer, claimed: { name: string; type: string }): Promise<CheckedDocument> {
  if (bytes.byteLength === 0) return { ok: false, error: `The file is empty. ${TYPES_SENTENCE}` };
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return { ok: false, error: `The file is larger than ${MAX_DOCUMENT_LABEL}. Upload a smaller scan or photo.` };
  // A file malformed enough to upset the reader is not one we accept either.
  const found = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (found && PROGRAMS.has(found.ext)) return { ok: false, error: `That file is a program, not a document. ${TYPES_SENTENCE}` };
  const allowed = found ? ALLOWED[found.mime] : undefined;
  if (!found || !allowed) return { ok: false, error: `That file is not a PDF or an image we accept. ${TYPES_SENTENCE}` };
  const extension = /\.([A-Za-z0-9]{1,10})$/.exec(claimed.name)?.[1]?.toLowerCase();
  const claimedType = claimed.type.split(";")[0]!.trim().toLowerCase();
  const namesOther = extension !== undefined && !allowed.extensions.includes(extension);
  const typedOther =
    claimedType !== "" &&
    claimedType !== "application/octet-stream" &&
    claimedType !== found.mime &&
    !(claimedType === "image/jpg" && found.mime === "image/jpeg");
  if (namesOther || typedOther) {
    return {
      ok: false,
      error: `That file says it is ${namesOther ? `a .${extension} file` : claimedType}, but its content is a ${allowed.label}. Upload the original file.`,
    };
  }
  return { ok: true, contentType: found.mime, extension: allowed.extensions[0]!, fileName: cleanFileName(claimed.name, allowed.extensions[0]!) };
}
