// Days and moments in a named time zone, with Intl alone (no date library): the audit log shows
// times and reads its date filter in the viewer's own zone (their account's, or the browser's).
// No imports, so the page (a client component) uses it; unit-tested in tests/unit/audit-log.test.ts.

/** How far the zone's wall clock is ahead of UTC at `at`, in milliseconds. */
export function zoneOffset(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a day (yyyy-mm-dd, plus `plusDays`) starts at in the zone. */
export function startOfDay(day: string, timeZone: string, plusDays = 0): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date + plusDays);
  // The offset at the guess, then again at the answer: they differ only around a clock change.
  const first = wall - zoneOffset(new Date(wall), timeZone);
  return new Date(wall - zoneOffset(new Date(first), timeZone));
}
