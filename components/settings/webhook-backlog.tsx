"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useWebhookBacklog } from "@/components/api/hooks";
import type { WebhookBacklog as Backlog } from "@/components/api/types";

// How far processing is behind what Meta delivered: bodies acknowledged and not processed yet, and
// how long the oldest has waited. Asked for again every few seconds while the page is open.

export function WebhookBacklog({ initial }: { initial: Backlog }) {
  const t = useTranslations("settings.backlog");
  const format = useFormatter();
  const { data, isError, isFetching } = useWebhookBacklog(initial);
  const backlog = data ?? initial;
  const tone = backlog.degraded
    ? "border-amber-300 bg-amber-50 text-amber-900"
    : backlog.bodies > 0
      ? "border-slate-200 bg-white text-slate-700"
      : "border-emerald-200 bg-emerald-50 text-emerald-800";
  return (
    <section aria-label={t("label")} data-testid="webhook-backlog" className={`mb-4 rounded-lg border px-4 py-3 text-sm ${tone}`}>
      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
        <p>
          {t.rich("waiting", {
            count: backlog.bodies,
            strong: (chunks) => (
              <span className="text-lg font-semibold tabular-nums" data-testid="webhook-backlog-count">
                {chunks}
              </span>
            ),
          })}
        </p>
        <p>
          {t("lag")}{" "}
          <span className="font-medium tabular-nums" data-testid="webhook-backlog-lag">
            {backlog.bodies === 0
              ? t("none")
              : format.number(backlog.lagSeconds, { style: "unit", unit: "second", unitDisplay: "long", maximumFractionDigits: 1 })}
          </span>
          {backlog.oldestReceivedAt && (
            <span className="text-slate-500">
              {" "}
              {t("oldest", { time: format.dateTime(new Date(backlog.oldestReceivedAt), { timeStyle: "medium" }) })}
            </span>
          )}
        </p>
        <p className="ml-auto text-xs text-slate-500" aria-live="polite">
          {isError ? t("refreshFailed") : isFetching ? t("refreshing") : t("every")}
        </p>
      </div>
      {backlog.degraded && <p className="mt-1 text-xs">{t("degraded")}</p>}
    </section>
  );
}
