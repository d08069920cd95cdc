// Rate limits key on the client address; the demo outbox opens to this
// machine only. Neither may be chosen by a header the client writes.
import { describe, expect, it } from "vitest";
import { clientAddress, isLoopback, markTrustedServer, requestClientIp, requestIsFromThisMachine } from "@/lib/request-origin";

describe("the client address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "6.6.6.6", 0)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", ["1.1.1.1", "2.2.2.2"], 0)).toBe("203.0.113.9");
  });

  it("behind n proxies is the entry the outermost one added, never one the client wrote", () => {
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.3", "6.6.6.6, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    // A shorter chain than the hops: the leftmost entry is the best there is.
    expect(clientAddress("10.0.0.2", "203.0.113.9", 3)).toBe("203.0.113.9");
  });

  it("is unknown when the entry is not an address", () => {
    expect(clientAddress("10.0.0.2", "<script>", 1)).toBeNull();
    expect(clientAddress("10.0.0.2", "1".repeat(100), 1)).toBeNull();
  });
});

describe("headers are believed only behind the store's own server", () => {
  const forged = new Headers({ "x-store-client-ip": "198.51.100.1", "x-store-peer": "127.0.0.1" });

  it("under a bare `next start`, the address is unknown and no request is this machine's", () => {
    expect(requestClientIp(forged)).toBeNull();
    expect(requestIsFromThisMachine(forged)).toBe(false);
  });

  it("behind scripts/serve.ts (which overwrites both), they are read", () => {
    markTrustedServer();
    expect(requestClientIp(forged)).toBe("198.51.100.1");
    expect(requestIsFromThisMachine(forged)).toBe(true);
    expect(requestIsFromThisMachine(new Headers({ "x-store-peer": "192.168.1.20" }))).toBe(false);
  });

  it("knows loopback addresses", () => {
    for (const a of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) expect(isLoopback(a), a).toBe(true);
    for (const a of ["10.0.0.1", "::ffff:10.0.0.1", "0.0.0.0", "localhost", ""]) expect(isLoopback(a), a).toBe(false);
  });
});
