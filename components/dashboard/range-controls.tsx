"use client";

import { useTranslations } from "next-intl";
import { buckets, type Bucket } from "@/lib/stats/choices";
import { useDashboard } from "./dashboard-context";
import { lastDays } from "./zoned-range";

// The range (whole days in the chosen time zone), quick picks, the time zone and the bucket size.

const presets = [1, 7, 30, 90];

export function RangeControls({ timeZones }: { timeZones: string[] }) {
  const t = useTranslations("dashboard");
  const { state } = useDashboard();
  const input = "rounded border border-slate-200 bg-white px-2 py-1 text-sm";
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <div className="flex overflow-hidden rounded border border-slate-200" role="group" aria-label={t("quickRanges")}>
        {presets.map((days) => {
          const range = lastDays(days, new Date(), state.tz);
          const active = range.from === state.from && range.to === state.to;
          return (
            <button
              key={days}
              type="button"
              onClick={() => state.setRange(range)}
              aria-pressed={active}
              className={`border-l border-slate-200 px-2 py-1 text-xs first:border-l-0 ${active ? "bg-slate-800 text-white" : "bg-white hover:bg-slate-50"}`}
            >
              {t("preset", { days })}
            </button>
          );
        })}
      </div>
      <label className="flex items-center gap-1 text-xs text-slate-600">
        {t("from")}
        <input
          type="date"
          className={input}
          value={state.from}
          max={state.to}
          onChange={(e) => e.target.value && state.setRange({ from: e.target.value, to: state.to })}
          data-testid="range-from"
        />
      </label>
      <label className="flex items-center gap-1 text-xs text-slate-600">
        {t("to")}
        <input
          type="date"
          className={input}
          value={state.to}
          min={state.from}
          onChange={(e) => e.target.value && state.setRange({ from: state.from, to: e.target.value })}
          data-testid="range-to"
        />
      </label>
      <select
        className={input}
        value={state.bucket}
        onChange={(e) => state.setBucket(e.target.value as Bucket)}
        aria-label={t("bucketLabel")}
        data-testid="range-bucket"
      >
        {buckets.map((bucket) => (
          <option key={bucket} value={bucket}>
            {t("bucket", { bucket })}
          </option>
        ))}
      </select>
      <select
        className={`${input} max-w-48`}
        value={state.tz}
        onChange={(e) => state.setTimeZone(e.target.value)}
        aria-label={t("timeZone")}
        data-testid="range-tz"
      >
        {(timeZones.includes(state.tz) ? timeZones : [state.tz, ...timeZones]).map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
    </div>
  );
}
