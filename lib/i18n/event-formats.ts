import { createFormatter } from "next-intl";
import type { Locale } from "./locales";

// How the words of a stored event (an activity line, a notification, a channel alert, an audit
// event) format the dates and lists among their values: in the reader's language and time zone.
// The browser gets these from next-intl's formatter (components/i18n/use-event-formats.ts); server
// code that words events for a reader, or the English record, from eventFormats().

export type EventFormats = {
  /** "5 Mar 2026". */
  day: (at: Date) => string;
  /** "5 Mar 2026, 14:05". */
  full: (at: Date) => string;
  /** "a, b, c": a list of names as the language writes it. */
  list: (items: string[]) => string;
};

type Formatter = Pick<ReturnType<typeof createFormatter>, "dateTime" | "list">;

export function formatsFrom(format: Formatter): EventFormats {
  return {
    day: (at) => format.dateTime(at, { dateStyle: "medium" }),
    full: (at) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }),
    list: (items) => format.list(items, { type: "unit" }),
  };
}

export function eventFormats(locale: Locale, timeZone = "UTC"): EventFormats {
  return formatsFrom(createFormatter({ locale, timeZone }));
}
