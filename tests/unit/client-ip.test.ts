// The rate limits key on this address: a client that writes its own
// X-Forwarded-For must not be able to pick the address it is counted under.
import { describe, expect, it } from "vitest";
import { clientIpFrom } from "@/lib/client-ip";

const h = (values: Record<string, string>) => new Headers(values);

describe("the client address behind trusted proxies", () => {
  it("takes the address our one proxy saw, not what the client wrote before it", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), 1)).toBe("203.0.113.9");
    expect(clientIpFrom(h({ "x-forwarded-for": "203.0.113.9" }), 1)).toBe("203.0.113.9");
  });

  it("counts back as many proxies as are configured", () => {
    expect(clientIpFrom(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" }), 2)).toBe("203.0.113.9");
    // A shorter chain than the hops: the leftmost entry is the best there is.
    expect(clientIpFrom(h({ "x-forwarded-for": "203.0.113.9" }), 3)).toBe("203.0.113.9");
  });

  it("falls back to X-Real-IP, and ignores both headers when there is no proxy", () => {
    expect(clientIpFrom(h({ "x-real-ip": "198.51.100.7" }), 1)).toBe("198.51.100.7");
    expect(clientIpFrom(h({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6" }), 0)).toBeNull();
    expect(clientIpFrom(h({}), 1)).toBeNull();
  });
});
