// Dates as a manager picks them (whole days in a time zone) and the instants the statistics API
// takes. Pure: no I/O, no clock of its own (callers pass `now`).

/** Milliseconds `timeZone` is ahead of UTC at the instant `at`. */
export function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a calendar day ("2026-11-30") starts in `timeZone`. */
export function startOfDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date);
  // The offset at the wall time read as UTC is right except across a change of offset; a second
  // look at the instant found settles it.
  const first = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(first, timeZone));
}

/** The calendar day an instant falls on in `timeZone`, as "YYYY-MM-DD". */
export function dayOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The day `days` after `day` (negative for before), on the calendar. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

export const isDay = (value: string | null | undefined): value is string =>
  !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** From the first day's start to the end of the last day (both inclusive), as the API's ISO instants. */
export function rangeInstants(from: string, to: string, timeZone: string): { from: string; to: string } {
  return { from: startOfDay(from, timeZone).toISOString(), to: startOfDay(addDays(to, 1), timeZone).toISOString() };
}

/** The last `days` days up to and including today in `timeZone`. */
export function lastDays(days: number, now: Date, timeZone: string): { from: string; to: string } {
  const today = dayOf(now, timeZone);
  return { from: addDays(today, -(days - 1)), to: today };
}
