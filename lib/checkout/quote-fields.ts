// The fields a price quote is asked with: the shipping method and the promo
// code, nothing else. On its own so the checkout form's script can name them
// without loading the form's validation (zod) into the browser.
export const QUOTE_FIELDS = ["shippingMethod", "promoCode"] as const;
