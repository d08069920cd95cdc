import { describe, expect, it } from "vitest";
import {
  aftercareCalendar,
  CalendarInputError,
  escapeText,
  foldLine,
  intervalsFromInstructions,
  orderCalendar,
  parseTreatmentDate,
} from "@/lib/orders/aftercare-calendar";
import type { Instructions } from "@/lib/guides/instructions";

const now = new Date("2026-03-01T12:34:56Z");

/** Unfolds continuation lines (RFC 5545 §3.1) and splits the content lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
const events = (ics: string) =>
  ics
    .split("BEGIN:VEVENT")
    .slice(1)
    .map((e) => unfold("BEGIN:VEVENT" + e));
const prop = (lines: string[], name: string) => lines.find((l) => l.startsWith(name))!.slice(name.length);

describe("aftercare calendar", () => {
  it("has the three aftercare checkpoints and the earliest next session at 0.25 mm (+14 days)", () => {
    const ics = aftercareCalendar({ orderNumber: "SP-7K4Q-9XM2", treatmentDate: "2026-03-10", depthMm: 0.25, now });
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const evs = events(ics);
    expect(evs).toHaveLength(4);
    expect(evs.map((e) => prop(e, "DTSTART;VALUE=DATE:"))).toEqual(["20260311", "20260313", "20260317", "20260324"]);
    expect(evs.map((e) => prop(e, "DTEND;VALUE=DATE:"))).toEqual(["20260312", "20260314", "20260318", "20260325"]);
    expect(prop(evs[3]!, "SUMMARY:")).toBe("Earliest next session (0.25 mm)");
    const uids = evs.map((e) => prop(e, "UID:"));
    expect(new Set(uids).size).toBe(4);
    for (const e of evs) expect(prop(e, "DTSTAMP:")).toBe("20260301T123456Z");
    expect(prop(evs[0]!, "DESCRIPTION:")).toMatch(/sun/);
  });

  it("puts the next session 28 days on at 0.5 mm, across a month and year end", () => {
    const evs = events(aftercareCalendar({ orderNumber: "SP-7K4Q-9XM2", treatmentDate: "2026-12-30", depthMm: 0.5, now }));
    expect(evs.map((e) => prop(e, "DTSTART;VALUE=DATE:"))).toEqual(["20261231", "20270102", "20270106", "20270127"]);
  });

  it("takes the interval from the instructions sold with the order", () => {
    const doc: Instructions = {
      title: "Kit",
      guideTitle: "Guide",
      versionLabel: "v1",
      sections: [
        {
          id: "intervals",
          title: "Time between sessions",
          blocks: [
            {
              type: "table",
              caption: "x",
              head: ["Depth", "Wait at least", "Notes"],
              rows: [
                ["0.25 mm", "21 days", "a"],
                ["0.5 mm", "35 days", "b"],
                ["1.0 mm and deeper", "28 days", "c"],
              ],
            },
          ],
        },
      ],
    };
    expect(intervalsFromInstructions([null, doc])).toEqual([
      { depthMm: 0.25, minDays: 21 },
      { depthMm: 0.5, minDays: 35 },
    ]);
    const result = orderCalendar({ number: "SP-2222-3333", items: [{ instructions: doc }] }, new URLSearchParams("date=2026-01-01&depth=0.5"), now);
    expect(result.ok).toBe(true);
    if (result.ok) expect(prop(events(result.ics)[3]!, "DTSTART;VALUE=DATE:")).toBe("20260205");
  });

  it("uses CRLF everywhere and folds every line to at most 75 octets", () => {
    const ics = aftercareCalendar({ orderNumber: "SP-7K4Q-9XM2", treatmentDate: "2026-03-10", depthMm: 0.5, now });
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const physical = ics.split("\r\n").slice(0, -1);
    for (const line of physical) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(" "))).toBe(true);
    // Folding never splits a multi-byte character.
    const folded = foldLine(`DESCRIPTION:${"é".repeat(80)}`);
    for (const l of folded.split("\r\n")) {
      expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(75);
      expect(l).not.toContain("\uFFFD");
    }
    expect(folded.replace(/\r\n /g, "")).toBe(`DESCRIPTION:${"é".repeat(80)}`);
  });

  it("escapes text values", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const ics = aftercareCalendar({ orderNumber: "SP-7K4Q-9XM2", treatmentDate: "2026-03-10", depthMm: 0.25, now });
    const description = prop(events(ics)[0]!, "DESCRIPTION:");
    expect(description).toContain("\\,");
    expect(description).toContain("\\n");
    expect(description).not.toMatch(/[^\\][;]/);
  });

  it("refuses impossible dates and depths", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "26-03-01", "2026-3-1", "", "2026-03-01T00:00"]) expect(parseTreatmentDate(bad)).toBeNull();
    expect(() => aftercareCalendar({ orderNumber: "X", treatmentDate: "2026-02-30", depthMm: 0.25 })).toThrow(CalendarInputError);
    expect(() => aftercareCalendar({ orderNumber: "X", treatmentDate: "2026-02-03", depthMm: 1 as 0.25 })).toThrow(CalendarInputError);
    const order = { number: "SP-2222-3333", items: [] };
    expect(orderCalendar(order, new URLSearchParams("date=2026-02-30&depth=0.25")).ok).toBe(false);
    expect(orderCalendar(order, new URLSearchParams("date=2026-02-03&depth=1.5")).ok).toBe(false);
    expect(orderCalendar(order, new URLSearchParams("date=2026-02-03")).ok).toBe(false);
    expect(orderCalendar(order, new URLSearchParams("date=2026-02-03&depth=0.50")).ok).toBe(true);
  });
});
