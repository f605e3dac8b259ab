import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Typed keys: useTranslations / getTranslations accept only keys that exist in messages/en.json.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
