import { storeTimeZone } from "../time-zone";
import type { CatalogVariant } from "./types";

// Making an Intl formatter costs far more than using one (a cart page formats
// a dozen amounts): one per currency, made on first use and kept.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency = "USD"): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    // Throws for a code that is not a currency, as before, and keeps nothing then.
    format = new Intl.NumberFormat("en-US", { style: "currency", currency });
    moneyFormats.set(currency, format);
  }
  return format.format(cents / 100);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A day in the store's time zone (lib/time-zone.ts), e.g. "Dec 2, 2026". */
export function formatDate(iso: string, zone = storeTimeZone()): string {
  let format = dateFormats.get(zone);
  if (!format) dateFormats.set(zone, (format = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: zone })));
  return format.format(new Date(iso));
}

/** Date and time of day in the store's time zone, labelled with it, e.g. "Dec 2, 2026, 3:15 PM EST". */
export function formatDateTime(iso: string, zone = storeTimeZone()): string {
  let format = dateTimeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZone: zone,
      timeZoneName: "short",
    });
    dateTimeFormats.set(zone, format);
  }
  return format.format(new Date(iso));
}

/** The needle configuration shoppers filter on: "nano", "mixed" or "12-pin". */
export function needleConfig(v: Pick<CatalogVariant, "needleGeometry" | "pinCount">): string | null {
  if (v.needleGeometry === "NANO") return "nano";
  if (v.needleGeometry === "MIXED") return "mixed";
  if (v.pinCount) return `${v.pinCount}-pin`;
  return null;
}

export function needleConfigLabel(config: string): string {
  if (config === "nano") return "Nano tips";
  if (config === "mixed") return "Mixed pack";
  return config.replace("-pin", " pins");
}

export function sterilizationLabel(s: CatalogVariant["sterilization"]): string | null {
  if (s === "ETHYLENE_OXIDE") return "Ethylene oxide (EO), sterile-sealed";
  if (s === "GAMMA") return "Gamma irradiation, sterile-sealed";
  if (s === "NONE") return "Not sterile";
  return null;
}

export type StockStatus = { inStock: boolean; label: string; tone: "ok" | "low" | "out" };

export const LOW_STOCK = 5;

export function stockStatus(stock: number): StockStatus {
  if (stock <= 0) return { inStock: false, label: "Out of stock", tone: "out" };
  if (stock <= LOW_STOCK) return { inStock: true, label: `Only ${stock} left`, tone: "low" };
  return { inStock: true, label: "In stock", tone: "ok" };
}

/**
 * Availability as static HTML may show it: the band only ("Only 3 left"
 * would be out of date after the next sale). The page's script replaces it
 * with stockStatus() read live; a band change invalidates the cached page
 * (lib/inventory), so the no-JavaScript page is never wrong about in or out.
 */
export function stockBand(stock: number): StockStatus {
  if (stock <= 0) return { inStock: false, label: "Out of stock", tone: "out" };
  if (stock <= LOW_STOCK) return { inStock: true, label: "Low stock", tone: "low" };
  return { inStock: true, label: "In stock", tone: "ok" };
}
