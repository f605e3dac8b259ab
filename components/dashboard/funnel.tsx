"use client";

import { useTranslations } from "next-intl";
import type { MessageStats } from "@/lib/stats/contract";
import { useDashboard } from "./dashboard-context";

// The outbound funnel as bars against "sent + failed + queued" (every message sent in the range).
// Each step opens the messages behind it.

const steps = [
  { status: "queued", colour: "bg-slate-400" },
  { status: "sent", colour: "bg-sky-500" },
  { status: "delivered", colour: "bg-brand-500" },
  { status: "read", colour: "bg-blue-600" },
  { status: "replied", colour: "bg-violet-500" },
  { status: "failed", colour: "bg-red-500" },
] as const;

export function Funnel({ totals, previous }: { totals: MessageStats["totals"]; previous: MessageStats["previous"]["totals"] }) {
  const t = useTranslations("dashboard");
  const { format, drill } = useDashboard();
  const all = Math.max(1, totals.sent + totals.failed + totals.queued);
  return (
    <ol className="space-y-1.5" data-testid="funnel">
      {steps.map(({ status, colour }) => {
        const label = t("column", { column: status });
        const value = totals[status];
        const before = previous[status];
        return (
          <li key={status}>
            <button
              type="button"
              onClick={() => drill({ title: t("statusMessages", { status }), status })}
              className="group grid w-full grid-cols-[4.5rem_1fr_2.5rem_4.5rem] items-center gap-2 sm:grid-cols-[6rem_1fr_5rem_6rem] sm:gap-3 rounded px-1 py-0.5 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
              data-testid={`funnel-${status}`}
            >
              <span className="text-slate-600">{label}</span>
              <span className="h-4 overflow-hidden rounded bg-slate-100">
                <span className={`block h-full ${colour}`} style={{ width: `${(value / all) * 100}%` }} />
              </span>
              <span className="text-right font-semibold tabular-nums" data-testid={`funnel-${status}-value`}>
                {format.count(value)}
              </span>
              <span className="text-right text-xs text-slate-500 tabular-nums" title={t("previousPeriod")}>
                {t("before", { count: format.count(before) })}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
