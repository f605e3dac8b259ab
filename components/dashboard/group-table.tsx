"use client";

import { useTranslations } from "next-intl";
import type { Dimension, MessageStats } from "@/lib/stats/contract";
import { useDashboard } from "./dashboard-context";

// One row per group of a breakdown. The name adds the group as a filter; each count opens the
// messages behind it; the bar shows the group's share of what was sent.

type Group = MessageStats["groups"][number];
type Status = "sent" | "delivered" | "read" | "replied" | "failed";
export type Column = Status | "readRate" | "deliveryRate" | "medianRead" | "cost";

const statuses = new Set<Column>(["sent", "delivered", "read", "replied", "failed"]);

export function GroupTable({
  dimension,
  groups,
  columns,
  heading,
}: {
  dimension: Dimension;
  groups: Group[];
  columns: Column[];
  heading: string;
}) {
  const t = useTranslations("dashboard");
  const { format, state, drill } = useDashboard();
  const largest = Math.max(1, ...groups.map((group) => group.sent + group.failed));
  const value = (group: Group, column: Column): string => {
    if (column === "readRate") return format.rate(group.rates.read);
    if (column === "deliveryRate") return format.rate(group.rates.delivery);
    if (column === "medianRead") return format.duration(group.timeToRead.p50);
    if (column === "cost") return format.money(group.estimatedCost);
    return format.count(group[column]);
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="group-table">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="py-1.5 pr-3 font-medium">{heading}</th>
            <th className="w-40 py-1.5 font-medium" aria-label={t("shareOfSent")} />
            {columns.map((column) => (
              <th key={column} className="px-2 py-1.5 text-right font-medium">
                {t("column", { column })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const filtered = state.filters[dimension].includes(group.key);
            // The group of messages without a value ("No template", "No label") has no key to filter by.
            const keyed = group.key !== "";
            return (
              <tr key={group.key} className="border-t border-slate-100 hover:bg-slate-50" data-testid="group-row" data-key={group.key}>
                <th scope="row" className="max-w-64 py-1 pr-3 text-left font-normal">
                  <button
                    type="button"
                    className="truncate text-left text-slate-800 hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 disabled:no-underline"
                    title={filtered ? t("alreadyFilter") : keyed ? t("showOnly", { name: group.label }) : undefined}
                    disabled={filtered || !keyed}
                    onClick={() => state.addFilter(dimension, group.key)}
                    data-testid="group-filter"
                  >
                    {group.label}
                  </button>
                </th>
                <td className="py-1">
                  <span className="block h-3 overflow-hidden rounded bg-slate-100">
                    <span className="flex h-full" style={{ width: `${((group.sent + group.failed) / largest) * 100}%` }}>
                      <span className="bg-blue-600" style={{ flexGrow: group.read }} />
                      <span className="bg-brand-500" style={{ flexGrow: group.delivered - group.read }} />
                      <span className="bg-sky-400" style={{ flexGrow: group.sent - group.delivered }} />
                      <span className="bg-red-500" style={{ flexGrow: group.failed }} />
                    </span>
                  </span>
                </td>
                {columns.map((column) => (
                  <td key={column} className="px-2 py-1 text-right tabular-nums">
                    {statuses.has(column) && keyed ? (
                      <button
                        type="button"
                        className="rounded px-1 hover:bg-brand-50 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-500"
                        onClick={() =>
                          drill({
                            title: `${t("column", { column })} · ${group.label}`,
                            status: column as Status,
                            narrow: { [dimension]: group.key },
                          })
                        }
                        data-testid={`group-${column}`}
                      >
                        {value(group, column)}
                      </button>
                    ) : (
                      value(group, column)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
