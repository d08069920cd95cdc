// The shared rules for text and ids from outside (lib/validation.ts), and the
// messages chosen by a code in the URL: only the store's own text is shown.
import { describe, expect, it } from "vitest";
import { penErrorMessage } from "@/lib/accounts";
import { safeReturnPath } from "@/lib/accounts/redirect";
import { cartErrorMessage } from "@/lib/cart";
import { parseCheckoutInput } from "@/lib/checkout/input";
import { required } from "@/lib/forms";
import { formFields, isCleanText, isId, text } from "@/lib/validation";

describe("text and ids from outside", () => {
  it("refuses NUL and the other control characters, allowing tab and newlines only in multi-line text", () => {
    for (const bad of ["a\u0000b", "\u0001", "a\u001bb", "\u007f", "a\tb", "a\nb"]) expect(isCleanText(bad), JSON.stringify(bad)).toBe(false);
    expect(isCleanText("a\tb\nc\r\n", { multiline: true })).toBe(true);
    expect(isCleanText("a\u0000b", { multiline: true })).toBe(false);
    expect(isCleanText("Zoë O’Brien, 12 Rue de l’Église ‮")).toBe(true);
    expect(isCleanText("x".repeat(1001))).toBe(false);
    expect(isCleanText(42)).toBe(false);
  });

  it("an id is a short run of URL-safe characters", () => {
    expect(isId("cm8z1k2l30000abcd1234efgh")).toBe(true);
    expect(isId("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).toBe(true);
    for (const bad of ["", "a\u0000", "a b", "../x", "x".repeat(65), "<script>", null, ["a"]]) expect(isId(bad), JSON.stringify(bad)).toBe(false);
  });

  it("a text field says what is wrong, next to the field", () => {
    expect(text({ max: 5 }).safeParse("abcdef").error?.issues[0]?.message).toBe("Keep this under 5 characters.");
    expect(text({ max: 5 }).safeParse("a\u0000").error?.issues[0]?.message).toMatch(/special characters/);
    expect(required("your name").safeParse("  ").error?.issues[0]?.message).toBe("Enter your name.");
    expect(required("your name").safeParse(" Ada ").data).toBe("Ada");
  });

  it("checkout refuses a country or code that only an object's prototype has", () => {
    const { errors } = parseCheckoutInput({ country: "constructor", shippingMethod: "standard\u0000", promoCode: "SAVE5\u0000" });
    expect(errors.country).toBe("Choose a country we ship to.");
    expect(errors.shippingMethod).toBeTruthy();
    expect(errors.promoCode).toBeTruthy();
  });

  it("a form's fields are read as cut strings; files and missing fields are left out", () => {
    const data = new FormData();
    data.append("a", "x".repeat(5000));
    data.append("b", new Blob(["file"]), "f.txt");
    expect(formFields(data, ["a", "b", "c"])).toEqual({ a: "x".repeat(2000) });
  });
});

describe("messages chosen by a code in the URL", () => {
  it("the cart shows its own message for a known code and nothing for anything else", () => {
    expect(cartErrorMessage("out-of-stock")).toBe("Sorry, this is out of stock.");
    expect(cartErrorMessage("not-enough-stock", { stock: 3 })).toBe("Only 3 left in stock.");
    expect(cartErrorMessage("professional-only")).toMatch(/verified professionals/);
    for (const code of ["<script>alert(1)</script>", "Your card was charged twice", "__proto__", "toString", "", undefined, ["out-of-stock"]]) {
      expect(cartErrorMessage(code), JSON.stringify(code)).toBeNull();
    }
  });

  it("the account's pen error is the store's message or nothing", () => {
    expect(penErrorMessage("unknown-pen")).toBe("Choose one of the pen models listed.");
    expect(penErrorMessage("Call us on 0800 SCAM")).toBeNull();
    expect(penErrorMessage("constructor")).toBeNull();
  });

  it("a return path holds no control characters", () => {
    expect(safeReturnPath("/shop/cartridges?pen=h1")).toBe("/shop/cartridges?pen=h1");
    expect(safeReturnPath("/\u0000evil")).toBe("/account");
    expect(safeReturnPath("/a\u007f")).toBe("/account");
  });
});
