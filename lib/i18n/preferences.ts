import "server-only";
import { cookies, headers } from "next/headers";
import { currentUser } from "@/lib/auth/guards";
import { negotiateLocale, validTimeZone } from "./negotiate";
import { defaultLocale } from "./locales";
import type { Locale } from "./locales";
import { ZONE_COOKIE } from "./zone-cookie";

// The language and time zone a request is rendered in: the signed-in user's preferences, else the
// browser's (Accept-Language; the zone the browser reported in a cookie), else English and UTC.

export type RequestPreferences = { locale: Locale; timeZone: string; zoneFromBrowser: boolean };

export async function requestPreferences(): Promise<RequestPreferences> {
  const [user, headerList, cookieStore] = await Promise.all([signedInUser(), headers(), cookies()]);
  const locale = negotiateLocale({ preferred: user?.locale, acceptLanguage: headerList.get("accept-language") });
  const chosen = validTimeZone(user?.timeZone);
  if (chosen) return { locale, timeZone: chosen, zoneFromBrowser: false };
  return { locale, timeZone: validTimeZone(cookieStore.get(ZONE_COOKIE)?.value) ?? "UTC", zoneFromBrowser: true };
}

/** The language for an API answer: the same rules, from the request itself. */
export async function requestLocale(request: Request): Promise<Locale> {
  const user = await signedInUser();
  return negotiateLocale({ preferred: user?.locale, acceptLanguage: request.headers.get("accept-language") });
}

/**
 * The language of the request being handled, for server code that words what it returns (the
 * statistics' labels and error guides); English outside a request (scripts, jobs, benchmarks).
 */
export async function ambientLocale(): Promise<Locale> {
  try {
    return (await requestPreferences()).locale;
  } catch {
    return defaultLocale;
  }
}

// A page whose database is down still renders its error in the browser's language.
async function signedInUser() {
  try {
    return await currentUser();
  } catch {
    return null;
  }
}
