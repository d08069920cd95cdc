// The one address model: the fields of a shipping address, the rule each
// field follows, and the one normal form an address is kept in (trimmed, an
// empty optional line as null, the postal code upper-cased). Checkout
// (lib/checkout/input.ts) and saved addresses (lib/accounts) both parse with
// it, so the same input becomes the same address on either path.
import { z } from "zod";
import { fieldErrors, optional, required } from "@/lib/forms";

/** The countries the store ships to, by ISO code. */
export const countries: Record<string, string> = {
  US: "United States",
  CA: "Canada",
  GB: "United Kingdom",
  IE: "Ireland",
  AU: "Australia",
  NZ: "New Zealand",
};

const POSTAL_CODE = /^[A-Za-z0-9 -]{2,12}$/;

/** The normal form of a postal code (already trimmed and checked): upper case. */
export function normalisePostalCode(value: string): string {
  return value.toUpperCase();
}

/**
 * Whose address the messages speak of: checkout speaks to the customer
 * ("Enter your postal code."), the account page about an address being kept
 * ("Enter the postal code."). Only the wording differs; the rules are one.
 */
export type AddressVoice = "your" | "the";

/** The address fields, for a form schema that has more (checkout adds email, shipping, promo code). */
export function addressFields(voice: AddressVoice) {
  return {
    name: required(`${voice} full name`),
    line1: required(`the first line of ${voice} address`),
    line2: optional(120, "Keep this line under 120 characters."),
    city: required(`${voice} town or city`, 80),
    region: optional(80),
    postalCode: required(`${voice} postal code`, 20).pipe(z.string().regex(POSTAL_CODE, "Enter a valid postal code.")).transform(normalisePostalCode),
    country: z.string({ error: "Choose a country we ship to." }).refine((c) => Object.hasOwn(countries, c), "Choose a country we ship to."),
  };
}

/** The address schema on its own (saved addresses). */
export const addressSchema = (voice: AddressVoice = "the") => z.object(addressFields(voice));

export type Address = z.infer<ReturnType<typeof addressSchema>>;
export type AddressField = keyof Address;
export type AddressErrors = Partial<Record<AddressField, string>>;
/** The names of an address's fields, in form order. */
export const ADDRESS_FIELDS = Object.keys(addressFields("the")) as AddressField[];

/** Parses and normalises an address from outside: the address, or one message per field. */
export function parseAddress(
  raw: Record<string, unknown>,
  voice: AddressVoice = "the",
): { data: Address; errors: AddressErrors } | { data: null; errors: AddressErrors } {
  const result = addressSchema(voice).safeParse(raw);
  if (result.success) return { data: result.data, errors: {} };
  return { data: null, errors: fieldErrors<AddressField>(result.error.issues) };
}

/** The address part of a parsed form (checkout's input has more fields), in its normal form. */
export function pickAddress(value: Address): Address {
  const { name, line1, line2, city, region, postalCode, country } = value;
  return { name, line1, line2, city, region, postalCode, country };
}
