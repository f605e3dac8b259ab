import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { BrowserZone } from "@/components/i18n/browser-zone";
import { clientMessages } from "@/lib/i18n/messages";
import { requestPreferences } from "@/lib/i18n/preferences";
import { requestTheme } from "@/lib/users/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("product"), description: t("description") };
}
// Every page is rendered per request, so its scripts carry that request's CSP nonce (proxy.ts);
// a page rendered at build time (the 404 page, the redirect at /) would have scripts without one.
export const dynamic = "force-dynamic";

// The language and time zone come from the user's preferences, else the browser's (lib/i18n/);
// the provider hands the browser the same language, zone, clock and the messages it renders.
// The theme is in the page's first bytes ("system" is resolved by the stylesheet): no flash.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [{ locale, timeZone, zoneFromBrowser }, theme] = await Promise.all([requestPreferences(), requestTheme()]);
  return (
    <html lang={locale} data-theme={theme}>
      <body className="h-full bg-slate-50 font-sans text-slate-900 antialiased">
        <NextIntlClientProvider messages={clientMessages(locale)}>
          {children}
          {zoneFromBrowser && <BrowserZone serverZone={timeZone} />}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
