"use client";

// A moment in the reader's own locale and time zone. The server renders it in its own, so the
// browser's differing text is expected, not a hydration bug.
export function AuditTime({ at }: { at: string }) {
  return (
    <time dateTime={at} suppressHydrationWarning className="tabular-nums">
      {new Date(at).toLocaleString([], { dateStyle: "medium", timeStyle: "medium" })}
    </time>
  );
}
