"use client";

// A moment in the reader's own locale and time zone (the zone named on hover). The server renders
// it in its own, so the browser's differing text is expected, not a hydration bug.
export function AuditTime({ at }: { at: string }) {
  const date = new Date(at);
  return (
    <time
      dateTime={at}
      suppressHydrationWarning
      title={date.toLocaleString([], { dateStyle: "full", timeStyle: "long" })}
      className="tabular-nums"
    >
      {date.toLocaleString([], { dateStyle: "medium", timeStyle: "medium" })}
    </time>
  );
}
