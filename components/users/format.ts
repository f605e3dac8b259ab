// Dates on the Users page, through Intl in the browser's own language and time zone.

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "5 minutes ago", "in 6 days": the largest unit that fits. */
export function relativeTime(iso: string, now = Date.now()): string {
  const difference = new Date(iso).getTime() - now;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, ms] of units) {
    if (Math.abs(difference) >= ms) return format.format(Math.round(difference / ms), unit);
  }
  return format.format(0, "minute");
}

export function fullDate(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** The server clears lastSeenAt when someone's last socket closes and refreshes it every 30 s while one is open. */
export const ONLINE_WITHIN_MS = 90_000;
