"use client";

import { useViewerZone } from "./viewer-zone";

// A moment in the viewer's language and time zone (the zone named on hover): the same on the
// server and in the browser, since both take them from next-intl's configuration.
const long = { dateStyle: "full", timeStyle: "long" } as const;
const short = { dateStyle: "medium", timeStyle: "medium" } as const;

export function AuditTime({ at }: { at: string }) {
  const { timeZone, locale } = useViewerZone();
  const date = new Date(at);
  return (
    <time dateTime={at} title={date.toLocaleString(locale, { ...long, timeZone })} className="tabular-nums">
      {date.toLocaleString(locale, { ...short, timeZone })}
    </time>
  );
}
