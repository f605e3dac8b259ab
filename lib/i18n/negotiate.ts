import { defaultLocale, isLocale, type Locale } from "./locales";

// Which language a request is answered in: the signed-in user's choice, else the first language
// of the browser's Accept-Language that Switchboard speaks, else English. Pure.

/** Browsers in the Philippines often say Filipino ("fil"); Switchboard's Tagalog serves them. */
const aliases: Record<string, Locale> = { fil: "tl" };

export function negotiateLocale({ preferred, acceptLanguage }: { preferred?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(preferred)) return preferred;
  for (const tag of acceptedLanguages(acceptLanguage ?? "")) {
    const primary = tag.split("-")[0]!;
    if (isLocale(primary)) return primary;
    if (aliases[primary]) return aliases[primary];
  }
  return defaultLocale;
}

/** The tags of an Accept-Language header, most wanted first ("q=0" ones left out). */
export function acceptedLanguages(header: string): string[] {
  return header
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

/** A time zone the runtime knows, or null. */
export function validTimeZone(value: string | null | undefined): string | null {
  if (!value || value.length > 64) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    return null;
  }
}
