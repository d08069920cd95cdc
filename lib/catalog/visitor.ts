// What GET /api/visitor answers: the per-visitor parts of a catalog page.
import type { StockStatus } from "./format";

export type VisitorView = {
  signedIn: boolean;
  /** Items (not lines) in this visitor's cart. */
  cartCount: number;
  pen: { slug: string; name: string } | null;
  /** The account holds a valid professional licence (lib/professional/eligibility.ts). */
  professional: boolean;
  /** For a product page and a professional: which sizes this account may buy (the page itself says what a guest may). */
  buyable?: Record<string, boolean>;
  /** For a product page: availability per SKU, as the page shows it. */
  stock?: Record<string, StockStatus>;
};
