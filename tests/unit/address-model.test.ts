// One address model: checkout and saved addresses parse an address with the
// same rules and keep it in the same normal form (lib/addresses).
import { describe, expect, it } from "vitest";
import { ADDRESS_FIELDS, parseAddress, pickAddress } from "@/lib/addresses";
import { parseCheckoutInput } from "@/lib/checkout/input";

const checkoutExtras = { email: "ana@example.com", shippingMethod: "standard", confirmSafety: "on" };

function throughCheckout(address: Record<string, unknown>) {
  const { data, errors } = parseCheckoutInput({ ...checkoutExtras, ...address });
  return { data: data && pickAddress(data), errors };
}

const inputs: Record<string, unknown>[] = [
  { name: "  Ana Ruiz ", line1: " 12 Quay Street", line2: "", city: " Galway ", region: "", postalCode: " h91 x2y3 ", country: "IE" },
  { name: "Sam Lee", line1: "1 Main St", line2: " Apt 4 ", city: "Toronto", region: " ON ", postalCode: "m5v 2t6", country: "CA" },
  { name: "Jo Bloggs", line1: "221B Baker Street", city: "London", postalCode: "nw1 6xe", country: "GB" },
  { name: "Kim", line1: "5 Elm", city: "Austin", region: "TX", postalCode: "78701", country: "US" },
];

describe("one address model", () => {
  it.each(inputs)("normalises %o identically through checkout and saved addresses", (raw) => {
    const saved = parseAddress(raw, "the");
    const checkout = throughCheckout(raw);
    expect(saved.data).not.toBeNull();
    expect(checkout.data).toEqual(saved.data);
  });

  it("keeps the normal form: trimmed, empty optional lines as null, postal code upper-cased", () => {
    expect(parseAddress(inputs[0]!).data).toEqual({
      name: "Ana Ruiz",
      line1: "12 Quay Street",
      line2: null,
      city: "Galway",
      region: null,
      postalCode: "H91 X2Y3",
      country: "IE",
    });
  });

  it("refuses the same things on both paths, on the same fields", () => {
    const bad = [
      { name: "", line1: "x", city: "y", postalCode: "12345", country: "US" },
      { name: "A", line1: "x", city: "y", postalCode: "!!", country: "US" },
      { name: "A", line1: "x", city: "y", postalCode: "12345", country: "FR" },
      { name: "A\u0000", line1: "x".repeat(121), city: "y", postalCode: "1".repeat(13), country: "US" },
    ];
    for (const raw of bad) {
      const saved = parseAddress(raw, "the");
      const checkout = throughCheckout(raw);
      expect(saved.data).toBeNull();
      expect(checkout.data).toBeNull();
      expect(Object.keys(checkout.errors).sort()).toEqual(Object.keys(saved.errors).sort());
    }
  });

  it("speaks to the customer at checkout and about the address where it is kept", () => {
    expect(parseAddress({}, "the").errors.name).toBe("Enter the full name.");
    expect(parseCheckoutInput({}).errors.name).toBe("Enter your full name.");
    expect(parseCheckoutInput({}).errors.line1).toBe("Enter the first line of your address.");
  });

  it("lists the fields in form order", () => {
    expect(ADDRESS_FIELDS).toEqual(["name", "line1", "line2", "city", "region", "postalCode", "country"]);
  });
});
