import "server-only";
import type { Translate } from "./phrase";
import { defaultLocale, type Locale } from "./locales";
import { requestPreferences } from "./preferences";
import { eventFormats, type EventFormats } from "./event-formats";
import { translator } from "./translator";

/**
 * What server code needs to word stored events (channel alerts, audit events) for the reader of the
 * request being handled: their language and time zone, else English and UTC (scripts, jobs).
 */
export async function readerWords(): Promise<{ locale: Locale; t: Translate; formats: EventFormats }> {
  const { locale, timeZone } = await requestPreferences().catch(() => ({ locale: defaultLocale, timeZone: "UTC" }));
  return { locale, t: translator(locale) as Translate, formats: eventFormats(locale, timeZone) };
}
