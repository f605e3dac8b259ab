"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MessageStats, Percentiles } from "@/lib/stats/contract";
import { useDashboard } from "./dashboard-context";
import { axisLine, gridProps, tickStyle, tooltipProps } from "./chart-theme";

// How long delivery and reading took (from Meta's sent receipt), as percentiles and as a histogram.

const marks = ["p50", "p90", "p95", "p99"] as const;

export function PercentileTable({ rows }: { rows: { label: string; values: Percentiles }[] }) {
  const { format } = useDashboard();
  return (
    <table className="w-full text-sm" data-testid="percentiles">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="py-1 font-medium" />
          {marks.map((mark) => (
            <th key={mark} className="py-1 text-right font-medium">
              {mark}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, values }) => (
          <tr key={label} className="border-t border-slate-100">
            <th scope="row" className="py-1.5 text-left font-normal text-slate-600">
              {label}
            </th>
            {marks.map((mark) => (
              <td key={mark} className="py-1.5 text-right font-semibold tabular-nums">
                {format.duration(values[mark])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReadHistogram({ buckets }: { buckets: MessageStats["timeToReadHistogram"] }) {
  const t = useTranslations("dashboard");
  const { format } = useDashboard();
  // Labelled with the round figure each bin stands for; the tooltip gives its exact bounds.
  const span = (from: number, to: number | null) => (to === null ? `≥ ${format.duration(from)}` : `< ${format.duration(to)}`);
  const rows = buckets.map((bucket) => ({
    label: span(bucket.nominal.from, bucket.nominal.to),
    exact: bucket.to === null ? span(bucket.from, null) : `${format.duration(bucket.from)} – ${format.duration(bucket.to)}`,
    count: bucket.count,
  }));
  if (rows.every((row) => row.count === 0)) return <p className="py-6 text-center text-sm text-slate-500">{t("noneRead")}</p>;
  return (
    <div className="h-48" data-testid="read-histogram">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="label" tick={tickStyle} axisLine={axisLine} tickLine={axisLine} interval={0} />
          <YAxis
            tick={tickStyle}
            axisLine={axisLine}
            tickLine={axisLine}
            width={40}
            allowDecimals={false}
            tickFormatter={(value: number) => format.compact(value)}
          />
          <Tooltip
            {...tooltipProps}
            labelFormatter={(label, payload) => payload?.[0]?.payload?.exact ?? label}
            formatter={(value) => [format.count(Number(value)), t("column", { column: "read" })]}
          />
          <Bar isAnimationActive={false} dataKey="count" fill="#2563eb" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
