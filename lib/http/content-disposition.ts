// A Content-Disposition header for a file whose name a customer chose: a
// plain-ASCII `filename` for old clients (anything else, quotes, backslashes
// and percent signs replaced), and the real name as `filename*` in RFC 5987
// encoding, so a name in any script survives and none can break the header.

export function contentDisposition(kind: "inline" | "attachment", fileName: string, fallback = "file"): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_") || fallback;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded || fallback}`;
}
