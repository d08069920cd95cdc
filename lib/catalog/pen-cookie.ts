// The name of the cookie that remembers the visitor's pen model. Its own
// module, free of server-only imports, because proxy.ts reads it too.
export const PEN_COOKIE = "pen";
