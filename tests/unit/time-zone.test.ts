// Times are shown in the store's zone with its name beside them, never as an
// unlabelled UTC; a zone the system does not know stops the store at start.
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "@/lib/catalog/format";
import { checkConfig } from "@/lib/config";
import { DEFAULT_TIME_ZONE, storeTimeZone } from "@/lib/time-zone";

// 03:30 UTC on 2 December is still the evening of 1 December in New York and Los Angeles.
const LATE_EVENING_IN_AMERICA = "2026-12-02T03:30:00.000Z";

describe("dates and times", () => {
  it("are in the store's zone, labelled", () => {
    expect(formatDateTime(LATE_EVENING_IN_AMERICA, "America/New_York")).toBe("Dec 1, 2026, 10:30 PM EST");
    expect(formatDateTime(LATE_EVENING_IN_AMERICA, "America/Los_Angeles")).toBe("Dec 1, 2026, 7:30 PM PST");
    expect(formatDate(LATE_EVENING_IN_AMERICA, "America/New_York")).toBe("Dec 1, 2026");
    expect(formatDate(LATE_EVENING_IN_AMERICA, "UTC")).toBe("Dec 2, 2026");
  });

  it("use STORE_TIME_ZONE, and the default without it", () => {
    expect(storeTimeZone({ STORE_TIME_ZONE: "Europe/Berlin" })).toBe("Europe/Berlin");
    expect(storeTimeZone({})).toBe(DEFAULT_TIME_ZONE);
  });

  it("refuse to start with a zone the system does not know", () => {
    const result = checkConfig({ STORE_MODE: "demo", STORE_TIME_ZONE: "Mars/Olympus_Mons" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join("\n")).toMatch(/STORE_TIME_ZONE/);
    expect(checkConfig({ STORE_MODE: "demo", STORE_TIME_ZONE: "Europe/London" }).ok).toBe(true);
  });
});
