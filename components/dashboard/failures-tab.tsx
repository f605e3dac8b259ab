"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFailureStats } from "@/components/api/hooks";
import type { FailureStats } from "@/lib/stats/contract";
import { CsvLink } from "./csv-link";
import { useDashboard } from "./dashboard-context";
import { Empty, Loaded, Section } from "./states";
import { axisLine, gridProps, legendStyle, tickStyle, tooltipProps } from "./chart-theme";

// Failures by Meta's error code: over time, then each code with what it means and what to do.

const palette = ["#ef4444", "#f97316", "#eab308", "#a855f7", "#0ea5e9", "#64748b"];

/** "Error 131047", or that Meta never answered. */
function useCodeName() {
  const t = useTranslations("dashboard");
  return (code: number | null) => (code === null ? t("noAnswer") : t("errorCode", { code: String(code) }));
}

export function FailuresTab() {
  const t = useTranslations("dashboard");
  const { state } = useDashboard();
  const query = useFailureStats(state.params);
  return (
    <Loaded query={query} rows={6}>
      {(stats) =>
        stats.total === 0 ? (
          <Empty>{t("noFailures")}</Empty>
        ) : (
          <div className="space-y-4">
            <Section title={t("failuresOverTime")} actions={<CsvLink path="failures" params={state.params} />}>
              <FailureChart stats={stats} />
            </Section>
            <ul className="grid gap-3 lg:grid-cols-2" data-testid="failure-codes">
              {stats.byCode.map((entry) => (
                <FailureCode key={String(entry.code)} entry={entry} share={entry.count / stats.total} />
              ))}
            </ul>
          </div>
        )
      }
    </Loaded>
  );
}

function FailureChart({ stats }: { stats: FailureStats }) {
  const codeName = useCodeName();
  const { format, state, drill } = useDashboard();
  const buckets = stats.byCode[0]?.series.map((point) => point.bucket) ?? [];
  // A bar opens that code's failures in that bucket.
  const open = (entry: FailureStats["byCode"][number], index: number) => {
    const from = buckets[index];
    if (!from) return;
    drill({
      title: `${codeName(entry.code)} · ${format.bucket(from, state.bucket)}`,
      status: "failed",
      errorCode: entry.code ?? undefined,
      range: { from, to: buckets[index + 1] ?? state.params.to },
    });
  };
  const rows = buckets.map((bucket, index) => ({
    label: format.bucket(bucket, state.bucket),
    ...Object.fromEntries(stats.byCode.map((entry) => [codeName(entry.code), entry.series[index]?.count ?? 0])),
  }));
  return (
    <div className="h-56" data-testid="failure-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="label" tick={tickStyle} axisLine={axisLine} tickLine={axisLine} minTickGap={16} />
          <YAxis tick={tickStyle} axisLine={axisLine} tickLine={axisLine} width={40} allowDecimals={false} />
          <Tooltip {...tooltipProps} formatter={(value) => format.count(Number(value))} />
          <Legend wrapperStyle={legendStyle} />
          {stats.byCode.map((entry, index) => (
            <Bar
              isAnimationActive={false}
              key={String(entry.code)}
              dataKey={codeName(entry.code)}
              stackId="codes"
              fill={palette[index % palette.length]}
              cursor="pointer"
              onClick={(_data, barIndex) => open(entry, barIndex)}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function FailureCode({ entry, share }: { entry: FailureStats["byCode"][number]; share: number }) {
  const t = useTranslations("dashboard");
  const codeName = useCodeName();
  const { format, drill, state } = useDashboard();
  const open = () => drill({ title: `${codeName(entry.code)} · ${entry.title}`, status: "failed", errorCode: entry.code ?? undefined });
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid="failure-code" data-code={entry.code ?? ""}>
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="text-xs text-slate-500">{codeName(entry.code)}</p>
          <h3 className="text-sm font-semibold">{entry.title}</h3>
        </div>
        <button
          type="button"
          onClick={open}
          className="text-right hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500"
          data-testid="failure-count"
        >
          <span className="block text-lg font-semibold tabular-nums">{format.count(entry.count)}</span>
          <span className="block text-xs text-slate-500">{t("ofFailures", { share: format.rate(share) })}</span>
        </button>
      </div>
      <p className="mt-2 text-sm text-slate-700">{entry.explanation}</p>
      <p className="mt-1 text-sm text-slate-600">
        <span className="font-medium">{t("whatToDo")}</span> {entry.action}
      </p>
      <div className="mt-3 grid grid-cols-2 gap-3 text-xs">
        <TopList title={t("tab", { tab: "templates" })} items={entry.topTemplates} onPick={(key) => state.addFilter("template", key)} />
        <TopList title={t("countries")} items={entry.topCountries} onPick={(key) => state.addFilter("country", key)} />
      </div>
    </li>
  );
}

function TopList({
  title,
  items,
  onPick,
}: {
  title: string;
  items: { key: string; label: string; count: number }[];
  onPick: (key: string) => void;
}) {
  const t = useTranslations("dashboard");
  const { format } = useDashboard();
  return (
    <div>
      <p className="mb-1 font-medium text-slate-500">{title}</p>
      {items.length === 0 ? (
        <p className="text-slate-500">{t("none")}</p>
      ) : (
        <ul className="space-y-0.5">
          {items.map((item) => (
            <li key={item.key} className="flex justify-between gap-2">
              <button
                type="button"
                className="truncate text-left hover:text-brand-700 hover:underline"
                title={t("showOnly", { name: item.label })}
                onClick={() => onPick(item.key)}
              >
                {item.label}
              </button>
              <span className="tabular-nums text-slate-600">{format.count(item.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
