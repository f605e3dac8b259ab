"use client";

import { useWebhookBacklog } from "@/components/api/hooks";
import type { WebhookBacklog as Backlog } from "@/components/api/types";

// How far processing is behind what Meta delivered: bodies acknowledged and not processed yet, and
// how long the oldest has waited. Asked for again every few seconds while the page is open.

export function WebhookBacklog({ initial }: { initial: Backlog }) {
  const { data, isError, isFetching } = useWebhookBacklog(initial);
  const backlog = data ?? initial;
  const count = new Intl.NumberFormat(undefined).format(backlog.bodies);
  const lag = new Intl.NumberFormat(undefined, { style: "unit", unit: "second", unitDisplay: "long", maximumFractionDigits: 1 });
  const tone = backlog.degraded
    ? "border-amber-300 bg-amber-50 text-amber-900"
    : backlog.bodies > 0
      ? "border-slate-200 bg-white text-slate-700"
      : "border-emerald-200 bg-emerald-50 text-emerald-800";
  return (
    <section aria-label="Processing backlog" data-testid="webhook-backlog" className={`mb-4 rounded-lg border px-4 py-3 text-sm ${tone}`}>
      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
        <p>
          <span className="text-lg font-semibold tabular-nums" data-testid="webhook-backlog-count">
            {count}
          </span>{" "}
          {backlog.bodies === 1 ? "body waits" : "bodies wait"} to be processed
        </p>
        <p>
          Lag:{" "}
          <span className="font-medium tabular-nums" data-testid="webhook-backlog-lag">
            {backlog.bodies === 0 ? "none" : lag.format(backlog.lagSeconds)}
          </span>
          {backlog.oldestReceivedAt && (
            <span className="text-slate-500"> (oldest received {new Date(backlog.oldestReceivedAt).toLocaleTimeString()})</span>
          )}
        </p>
        <p className="ml-auto text-xs text-slate-500" aria-live="polite">
          {isError ? "Could not refresh; showing the last figures." : isFetching ? "Refreshing…" : "Refreshed every 5 seconds"}
        </p>
      </div>
      {backlog.degraded && (
        <p className="mt-1 text-xs">Processing is behind: the health check reports this instance as degraded until the backlog shrinks.</p>
      )}
    </section>
  );
}
