/** The browser's time zone, reported by components/i18n/browser-zone.tsx for people who follow it. */
export const ZONE_COOKIE = "switchboard-zone";
