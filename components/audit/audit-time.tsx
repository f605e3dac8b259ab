"use client";

import { useViewerZone } from "./viewer-zone";

// A moment in the viewer's language and time zone (the zone named on hover). Without a zone on the
// account the server renders its own, so the browser's differing text is expected, not a bug.
export function AuditTime({ at }: { at: string }) {
  const { timeZone, locale } = useViewerZone();
  const date = new Date(at);
  return (
    <time
      dateTime={at}
      suppressHydrationWarning
      title={date.toLocaleString(locale, { dateStyle: "full", timeStyle: "long", timeZone })}
      className="tabular-nums"
    >
      {date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "medium", timeZone })}
    </time>
  );
}
