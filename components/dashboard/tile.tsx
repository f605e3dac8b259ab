"use client";

import Link from "next/link";

// A number with its label. Clickable tiles open what is behind them (the messages, or the inbox).

export function Tile({
  label,
  value,
  note,
  onOpen,
  href,
  tone = "plain",
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  onOpen?: () => void;
  href?: string;
  tone?: "plain" | "good" | "bad" | "warn";
  testId?: string;
}) {
  const colour = { plain: "text-slate-900", good: "text-brand-700", bad: "text-red-700", warn: "text-amber-700" }[tone];
  const body = (
    <>
      <span className="block text-xs text-slate-500">{label}</span>
      <span className={`block text-xl font-semibold tabular-nums ${colour}`} data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </span>
      {note && <span className="block truncate text-xs text-slate-500">{note}</span>}
    </>
  );
  const box = "block rounded-lg border border-slate-200 bg-white px-3 py-2 text-left";
  const interactive = "hover:border-brand-500 focus-visible:outline-2 focus-visible:outline-brand-500";
  if (href)
    return (
      <Link href={href} className={`${box} ${interactive}`} data-testid={testId}>
        {body}
      </Link>
    );
  if (onOpen)
    return (
      <button type="button" onClick={onOpen} className={`${box} ${interactive}`} data-testid={testId}>
        {body}
      </button>
    );
  return (
    <div className={box} data-testid={testId}>
      {body}
    </div>
  );
}
