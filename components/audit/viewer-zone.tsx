"use client";

import { useLocale, useTimeZone } from "next-intl";

// The viewer's time zone and language for the audit log's times and date filter: the account's
// preferences, else the browser's, as next-intl's provider hands them to every page.

export function useViewerZone(): { timeZone: string; locale: string } {
  return { timeZone: useTimeZone() ?? "UTC", locale: useLocale() };
}
