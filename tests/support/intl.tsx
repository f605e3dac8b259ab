import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Locale } from "../../lib/i18n/locales";
import { allMessages } from "../../lib/i18n/messages";
import { translator } from "../../lib/i18n/translator";

// Components rendered as the app renders them: inside next-intl's provider, in a language and a
// time zone (English and UTC unless a test asks otherwise).

export function renderIntl(node: ReactNode, { locale = "en", timeZone = "UTC" }: { locale?: Locale; timeZone?: string } = {}): string {
  return renderToStaticMarkup(
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={allMessages[locale]}>
      {node}
    </NextIntlClientProvider>,
  );
}

/** Every message key, worded in English: for the pure functions that take a translator. */
export const english = translator("en");
