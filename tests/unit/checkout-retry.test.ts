// A checkout form sent back without JavaScript keeps its values and messages
// in a sealed cookie (lib/checkout/retry.ts): only the store can write one the
// page will show, it lapses after ten minutes, it always fits a cookie, and
// the URL's code shows only the store's own messages.
import { describe, expect, it } from "vitest";
import { RETRY_MAX_AGE_SECONDS, checkoutErrorMessage, openCheckoutRetry, sealCheckoutRetry } from "@/lib/checkout/retry";

const secret = "s".repeat(40);
const state = {
  values: { email: "ada@example.com", name: "Ada Lovelace", postalCode: "!!" },
  errors: { postalCode: "Enter a valid postal code." },
  formError: "Only 2 left of Balance 24 Cartridge.",
};

describe("the checkout retry cookie", () => {
  it("gives back what was sealed, and nothing readable to anyone else", () => {
    const value = sealCheckoutRetry(state, secret);
    expect(value).toMatch(/^[\w-]+$/);
    expect(value).not.toContain("Ada");
    expect(Buffer.from(value, "base64url").toString("latin1")).not.toContain("ada@example.com");
    expect(openCheckoutRetry(value, secret)).toEqual(state);
  });

  it("shows nothing for a value the store did not seal, or sealed under another secret", () => {
    const value = sealCheckoutRetry(state, secret);
    const flipped = value.slice(0, 40) + (value[40] === "A" ? "B" : "A") + value.slice(41);
    for (const forged of [flipped, "", "x", "zq9mark", value.slice(0, 30), "A".repeat(200), '{"values":{},"errors":{}}', "a".repeat(20_000)]) {
      expect(openCheckoutRetry(forged, secret), forged.slice(0, 20)).toBeNull();
    }
    expect(openCheckoutRetry(value, "t".repeat(40))).toBeNull();
    expect(openCheckoutRetry(undefined, secret)).toBeNull();
  });

  it("lapses after ten minutes", () => {
    const sealedAt = Date.UTC(2026, 0, 1, 12);
    const value = sealCheckoutRetry(state, secret, sealedAt);
    expect(openCheckoutRetry(value, secret, sealedAt + RETRY_MAX_AGE_SECONDS * 1000 - 1)).toEqual(state);
    expect(openCheckoutRetry(value, secret, sealedAt + RETRY_MAX_AGE_SECONDS * 1000 + 1)).toBeNull();
  });

  it("always fits in a cookie: long values are cut, and if still too big the ones with a message are dropped, never the messages", () => {
    const huge = {
      values: Object.fromEntries(
        ["email", "name", "line1", "line2", "city", "region", "postalCode", "country", "shippingMethod", "promoCode"].map((k) => [k, "😀".repeat(5000)]),
      ),
      errors: { name: "Keep your full name under 120 characters.", line1: "Keep the first line of your address under 120 characters." },
    };
    const value = sealCheckoutRetry(huge, secret);
    expect(value.length).toBeLessThan(3_700);
    const opened = openCheckoutRetry(value, secret)!;
    expect(opened.errors).toEqual(huge.errors);
    expect(opened.values.name).toBeUndefined();
    for (const v of Object.values(opened.values)) expect(v.length).toBeLessThanOrEqual(256);

    const sealedCut = sealCheckoutRetry({ values: { line2: "x".repeat(900_000) }, errors: { line2: "Keep this line under 120 characters." } }, secret);
    const cut = openCheckoutRetry(sealedCut, secret)!;
    expect(cut.values.line2).toBe("x".repeat(256));
  });

  it("turns only the store's own codes from the URL into a message", () => {
    expect(checkoutErrorMessage("too-large")).toMatch(/too large/);
    expect(checkoutErrorMessage("retry")).toBe("Please check the form and try again.");
    for (const code of ["__proto__", "toString", "constructor", "<script>", "", undefined, ["retry"], "RETRY"])
      expect(checkoutErrorMessage(code)).toBeUndefined();
  });
});
