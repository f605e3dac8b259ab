// The languages Switchboard speaks. Plain data: the browser imports it too.

export const locales = ["en", "hi", "bn", "te", "tl"] as const;
export type Locale = (typeof locales)[number];

/** English is the source language: every key exists there first, and it is the last fallback. */
export const defaultLocale: Locale = "en";

/** Each language named in itself, for the picker on /account. */
export const localeNames: Record<Locale, string> = {
  en: "English",
  hi: "हिन्दी",
  bn: "বাংলা",
  te: "తెలుగు",
  tl: "Tagalog",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
