"use client";

import { useTranslations } from "next-intl";
import { useMessageStats } from "@/components/api/hooks";
import { dimensions, type Dimension } from "@/lib/stats/choices";
import { useDashboard } from "./dashboard-context";

/** The filters in force, each removable; values within one dimension are alternatives, dimensions combine. */
export function FilterChips() {
  const t = useTranslations("dashboard");
  const { state } = useDashboard();
  const active = dimensions.filter((dimension) => state.filters[dimension].length > 0);
  if (active.length === 0) return <p className="text-xs text-slate-500">{t("noFilters")}</p>;
  return (
    <ul className="flex flex-wrap items-center gap-1.5" aria-label={t("filters")} data-testid="filter-chips">
      {active.map((dimension) => (
        <DimensionChips key={dimension} dimension={dimension} />
      ))}
      {active.flatMap((dimension) => state.filters[dimension]).length > 1 && (
        <li>
          <button type="button" onClick={state.clearFilters} className="text-xs text-slate-500 underline hover:text-slate-800">
            {t("clearAll")}
          </button>
        </li>
      )}
    </ul>
  );
}

/**
 * One dimension's chips. Inboxes, agents, teams and labels are filtered by id; their names come from
 * the breakdown by that dimension under the same filters (the groups are exactly the chosen keys).
 */
function DimensionChips({ dimension }: { dimension: Dimension }) {
  const t = useTranslations("dashboard");
  const { state } = useDashboard();
  const names = useMessageStats({ ...state.params, groupBy: dimension }).data?.groups;
  return state.filters[dimension].map((value) => {
    const name = names?.find((group) => group.key === value)?.label ?? value;
    return (
      <li key={value}>
        <button
          type="button"
          onClick={() => state.removeFilter(dimension, value)}
          className="inline-flex items-center gap-1 rounded-full border border-brand-100 bg-brand-50 px-2 py-0.5 text-xs text-brand-700 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-500"
          aria-label={t("removeFilter", { dimension, name })}
          data-testid="filter-chip"
          data-dimension={dimension}
          data-value={value}
        >
          <span className="text-brand-700">{t("dimension", { dimension })}:</span> {name} <span aria-hidden>×</span>
        </button>
      </li>
    );
  });
}
