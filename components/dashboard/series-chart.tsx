"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MessageStats } from "@/lib/stats/contract";
import { useDashboard } from "./dashboard-context";
import { axisLine, gridProps, legendStyle, tickStyle, tooltipProps } from "./chart-theme";

// Sent, delivered, read and failed per bucket, with the previous period's sent and read dashed
// underneath (matched bucket by bucket). Clicking a point opens that bucket's messages.

export function SeriesChart({ stats }: { stats: MessageStats }) {
  const t = useTranslations("dashboard");
  const { format, state, drill } = useDashboard();
  const rows = stats.series.map((point, index) => ({
    ...point,
    label: format.bucket(point.bucket, state.bucket),
    previousSent: stats.previous.series[index]?.sent ?? null,
    previousRead: stats.previous.series[index]?.read ?? null,
    end: stats.series[index + 1]?.bucket ?? state.params.to,
  }));
  // Lines need two points; a lone bucket shows as a dot.
  const dot = rows.length < 2;
  return (
    <div className="h-64" data-testid="series-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={rows}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          onClick={(event) => {
            const index = event?.activeIndex;
            const row = index === null || index === undefined ? undefined : rows[Number(index)];
            if (row) drill({ title: t("sentIn", { bucket: row.label }), range: { from: row.bucket, to: row.end } });
          }}
        >
          <CartesianGrid {...gridProps} />
          <XAxis dataKey="label" tick={tickStyle} axisLine={axisLine} tickLine={axisLine} minTickGap={16} />
          <YAxis
            tick={tickStyle}
            axisLine={axisLine}
            tickLine={axisLine}
            width={48}
            tickFormatter={(value: number) => format.compact(value)}
            allowDecimals={false}
          />
          <Tooltip {...tooltipProps} formatter={(value) => format.count(Number(value))} />
          <Legend wrapperStyle={legendStyle} />
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="sent"
            name={t("column", { column: "sent" })}
            stroke="#0ea5e9"
            dot={dot}
            strokeWidth={2}
          />
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="delivered"
            name={t("column", { column: "delivered" })}
            stroke="#10b981"
            dot={dot}
            strokeWidth={2}
          />
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="read"
            name={t("column", { column: "read" })}
            stroke="#2563eb"
            dot={dot}
            strokeWidth={2}
          />
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="failed"
            name={t("column", { column: "failed" })}
            stroke="#ef4444"
            dot={dot}
            strokeWidth={2}
          />
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="previousSent"
            name={t("previousSeries", { column: "sent" })}
            stroke="#0ea5e9"
            strokeDasharray="4 4"
            dot={dot}
            strokeOpacity={0.5}
          />
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="previousRead"
            name={t("previousSeries", { column: "read" })}
            stroke="#2563eb"
            strokeDasharray="4 4"
            dot={dot}
            strokeOpacity={0.5}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
