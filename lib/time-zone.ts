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

/** How far `zone` is ahead of UTC at the instant `at`, in milliseconds. */
function zoneOffsetMs(at: Date, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a calendar day (YYYY-MM-DD) starts in `zone` (the store's by
 * default), or null for anything that is not a real day. For "from"/"to"
 * filters typed as days.
 */
export function startOfStoreDay(day: string, zone = storeTimeZone()): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const guess = Date.UTC(y, mo - 1, d);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  // The zone's offset at that moment, applied twice so a DST change that day lands right.
  let at = guess;
  for (let i = 0; i < 2; i++) at = guess - zoneOffsetMs(new Date(at), zone);
  return new Date(at);
}

/** The day after a valid YYYY-MM-DD. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
