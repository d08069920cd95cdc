// The time zone the store shows dates and times in (STORE_TIME_ZONE, an IANA
// name). Pages are the same for every visitor (and catalog pages are cached),
// so times are shown in the store's zone with its abbreviation beside them
// ("Dec 2, 2026, 3:15 PM EST"), never in an unlabelled UTC.
// No "@/" imports: lib/config.ts and lib/catalog/format.ts both use it.

export const DEFAULT_TIME_ZONE = "America/New_York";

/** True for a zone Intl knows (an IANA name such as "Europe/Berlin", or "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone last resolved, by the setting it came from: checking a zone makes an Intl formatter, and dates are formatted many times a page. */
let resolved: { setting: string | undefined; zone: string } | null = null;

/** The configured zone (lib/config.ts refuses to start with one Intl does not know), or the default. */
export function storeTimeZone(env: Record<string, string | undefined> = process.env): string {
  const setting = env.STORE_TIME_ZONE?.trim();
  if (!resolved || resolved.setting !== setting) resolved = { setting, zone: setting && isTimeZone(setting) ? setting : DEFAULT_TIME_ZONE };
  return resolved.zone;
}
