// Reading a posted HTML form without ever holding more of it than a limit: a
// declared length over the limit is refused unread, and a body sent without
// one (chunked) is cut off as soon as it passes the limit. Used by every
// route a store form posts to (checkout, the back office's actions).

/** The form, or why it was not read. */
export async function readFormBody(request: Request, maxBytes: number): Promise<FormData | "too-large" | "unreadable"> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return "too-large";
  const type = request.headers.get("content-type") ?? "";
  if (!/^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type) || !request.body) return "unreadable";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        void reader.cancel().catch(() => {});
        return "too-large";
      }
      chunks.push(value);
    }
    return await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
  } catch {
    return "unreadable";
  }
}
