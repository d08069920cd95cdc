// An aftercare calendar for one treatment: an RFC 5545 .ics file with the
// checkpoints of the aftercare timeline (24 hours, 72 hours, 7 days after)
// and the earliest day the next session may follow at that depth, taken from
// the "Time between sessions" table of the instructions sold with the order
// (or the store's defaults when the order has none). All-day events, so they
// land on the right day in every time zone.
import type { Instructions } from "@/lib/guides/instructions";

export type SessionInterval = { depthMm: number; minDays: number };
export const DEPTHS = [0.25, 0.5] as const;
export type HomeDepth = (typeof DEPTHS)[number];
export const DEFAULT_INTERVALS: SessionInterval[] = [
  { depthMm: 0.25, minDays: 14 },
  { depthMm: 0.5, minDays: 28 },
];

/** The INTERVALS rows of the first instructions in an order that have them, else null. */
export function intervalsFromInstructions(docs: (Instructions | null)[]): SessionInterval[] | null {
  for (const doc of docs) {
    const section = doc?.sections.find((s) => s.id === "intervals");
    const table = section?.blocks.find((b) => b.type === "table");
    if (!table || table.type !== "table") continue;
    const rows: SessionInterval[] = [];
    for (const [depth = "", wait = ""] of table.rows) {
      const d = /^\s*(\d+(?:\.\d+)?)\s*mm\s*$/.exec(depth);
      const w = /^\s*(\d+)\s*days?\b/.exec(wait);
      if (d && w) rows.push({ depthMm: Number(d[1]), minDays: Number(w[1]) });
    }
    if (rows.length) return rows;
  }
  return null;
}

export type CalendarInput = {
  orderNumber: string;
  /** YYYY-MM-DD, the day of the session. */
  treatmentDate: string;
  depthMm: HomeDepth;
  intervals?: SessionInterval[] | null;
  now?: Date;
};

export class CalendarInputError extends Error {}

/** A real calendar date written YYYY-MM-DD, as a UTC midnight; null otherwise. */
export function parseTreatmentDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

export function parseDepth(value: string): HomeDepth | null {
  const n = Number(value);
  return value.trim() !== "" && (DEPTHS as readonly number[]).includes(n) ? (n as HomeDepth) : null;
}

type Checkpoint = { key: string; days: number; summary: string; description: string };

function checkpoints(depthMm: HomeDepth, minDays: number): Checkpoint[] {
  return [
    {
      key: "24h",
      days: 1,
      summary: "Aftercare: 24 hours after your session",
      description:
        "The first day is behind you. Redness and warmth usually start to settle now. Keep cleansing gently, keep your skin hydrated, stay out of direct sun and wear SPF 30 or higher each morning. Mineral makeup is fine from day 2 if your skin feels calm.",
    },
    {
      key: "72h",
      days: 3,
      summary: "Aftercare: 72 hours after your session",
      description:
        "Any redness or flaking has usually settled by now. Let flaking skin come away by itself, keep using sunscreen every day, and for the rest of the week leave out retinoids, acids, scrubs and other treatments.",
    },
    {
      key: "7d",
      days: 7,
      summary: "Aftercare: one week after your session",
      description:
        "A week on, keep wearing a broad-spectrum sunscreen every day and keep your skin hydrated. If you use a prescription retinoid, ask your prescriber when to start it again. Redness or pain that comes back or gets worse is a reason to see a clinician.",
    },
    {
      key: "next",
      days: minDays,
      summary: `Earliest next session (${depthMm} mm)`,
      description: `At ${depthMm} mm, wait at least ${minDays} days between sessions on the same area. This is a minimum: only go ahead once your skin has fully settled, and never needle skin that is still red or flaking.`,
    },
  ];
}

export function aftercareCalendar(input: CalendarInput): string {
  const start = parseTreatmentDate(input.treatmentDate);
  if (!start) throw new CalendarInputError("Enter the treatment date as YYYY-MM-DD.");
  if (!(DEPTHS as readonly number[]).includes(input.depthMm)) throw new CalendarInputError("Choose a depth of 0.25 mm or 0.5 mm.");
  const intervals = input.intervals?.length ? input.intervals : DEFAULT_INTERVALS;
  const minDays = intervals.find((i) => i.depthMm === input.depthMm)?.minDays ?? DEFAULT_INTERVALS.find((i) => i.depthMm === input.depthMm)!.minDays;
  const stamp = icsDateTime(input.now ?? new Date());
  const uidBase = `${input.orderNumber}-${input.treatmentDate}-${String(input.depthMm).replace(".", "_")}`.replace(/[^A-Za-z0-9_-]/g, "");

  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Stillpoint//Aftercare calendar//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  lines.push(`X-WR-CALNAME:${escapeText(`Aftercare for order ${input.orderNumber}`)}`);
  for (const c of checkpoints(input.depthMm, minDays)) {
    const day = addDays(start, c.days);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uidBase}-${c.key}@stillpoint.shop`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(day)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(day, 1))}`,
      `SUMMARY:${escapeText(c.summary)}`,
      `DESCRIPTION:${escapeText(`${c.description}\nOrder ${input.orderNumber}. These reminders inform; they are not medical advice.`)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
const pad = (n: number) => String(n).padStart(2, "0");
const icsDate = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
const icsDateTime = (d: Date) => `${icsDate(d)}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** RFC 5545 §3.1: lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** The calendar for an order from a request's ?date=&depth=, or a message saying what to fix. */
export function orderCalendar(
  order: { number: string; items: { instructions: Instructions | null }[] },
  params: URLSearchParams,
  now = new Date(),
): { ok: true; ics: string; filename: string } | { ok: false; message: string } {
  const date = params.get("date") ?? "";
  const depth = parseDepth(params.get("depth") ?? "");
  if (!parseTreatmentDate(date)) return { ok: false, message: "Enter the treatment date as YYYY-MM-DD, for example 2026-03-14." };
  if (depth === null) return { ok: false, message: "Choose a depth of 0.25 mm or 0.5 mm." };
  const ics = aftercareCalendar({
    orderNumber: order.number,
    treatmentDate: date,
    depthMm: depth,
    intervals: intervalsFromInstructions(order.items.map((i) => i.instructions)),
    now,
  });
  return { ok: true, ics, filename: `aftercare-${order.number}-${date}.ics` };
}

export function calendarResponse(result: ReturnType<typeof orderCalendar> | null): Response {
  const common = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" };
  if (!result) return new Response("Not found.", { status: 404, headers: { ...common, "Content-Type": "text/plain; charset=utf-8" } });
  if (!result.ok) return new Response(result.message, { status: 400, headers: { ...common, "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(result.ics, {
    headers: { ...common, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${result.filename}"` },
  });
}
