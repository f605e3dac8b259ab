import { getRequestConfig } from "next-intl/server";
import { allMessages } from "./messages";
import { requestPreferences } from "./preferences";

// next-intl's configuration for each request (next.config.js points its plugin here). No locale in
// the address: the language follows the user (lib/i18n/preferences.ts). `now` is fixed per request
// so a relative time renders the same on the server and in the browser.

export default getRequestConfig(async () => {
  const { locale, timeZone } = await requestPreferences();
  return { locale, timeZone, now: new Date(), messages: allMessages[locale] };
});
