import { createTranslator } from "next-intl";
import { allMessages } from "./messages";
import type { Locale } from "./locales";

// Translation outside React: the API's error sentences and e-mails, rendered in the reader's
// language. Pages and components use next-intl's getTranslations / useTranslations instead.

export function translator(locale: Locale) {
  return createTranslator({ locale, messages: allMessages[locale] });
}
