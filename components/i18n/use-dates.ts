"use client";

import { useFormatter } from "next-intl";

// Dates and times as everyone reads them, in the user's language and time zone (next-intl's
// provider hands the browser the same zone and clock the server rendered with, so the two agree).

export function useDates() {
  const format = useFormatter();
  return {
    /** "5 Mar 2026, 14:05" in the user's conventions. */
    full: (at: string | Date) => format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" }),
    /** "5 Mar 2026". */
    day: (at: string | Date) => format.dateTime(new Date(at), { dateStyle: "medium" }),
    /** "5 minutes ago", "in 6 days": the largest unit that fits, against `now` (default: the request's clock). */
    relative: (at: string | Date, now?: number) => format.relativeTime(new Date(at), now === undefined ? undefined : new Date(now)),
  };
}
