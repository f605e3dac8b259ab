"use client";

import { useEffect, useState } from "react";

// The customer service window, counting down: green over 4 h, amber under 4 h, red under 1 h,
// grey once closed.

const HOUR = 60 * 60 * 1000;

export function WindowBadge({ expiresAt, compact = false }: { expiresAt: string | null; compact?: boolean }) {
  const now = useNow(30_000);
  const left = expiresAt ? new Date(expiresAt).getTime() - now : 0;
  if (left <= 0) {
    return (
      <span data-testid="window-badge" data-window="closed" className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-500">
        {compact ? "closed" : "24 h window closed"}
      </span>
    );
  }
  const tone = left > 4 * HOUR ? "bg-emerald-50 text-emerald-700" : left > HOUR ? "bg-amber-50 text-amber-700" : "bg-red-50 text-red-700";
  return (
    <span data-testid="window-badge" data-window="open" className={`rounded px-1.5 py-0.5 text-[11px] font-medium tabular-nums ${tone}`}>
      {formatLeft(left)}
      {compact ? "" : " left to reply"}
    </span>
  );
}

export function formatLeft(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}

export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
