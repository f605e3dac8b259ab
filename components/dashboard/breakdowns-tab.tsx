"use client";

import { useTranslations } from "next-intl";
import { useMessageStats } from "@/components/api/hooks";
import { dimensions } from "@/lib/stats/choices";
import { CsvLink } from "./csv-link";
import { useDashboard } from "./dashboard-context";
import { GroupTable } from "./group-table";
import { Empty, Loaded, Section } from "./states";

// Everything the funnel counts, split by one dimension. A group's name adds it as a filter.

export function BreakdownsTab() {
  const t = useTranslations("dashboard");
  const { state } = useDashboard();
  const params = { ...state.params, groupBy: state.by };
  const query = useMessageStats(params);
  const picker = (
    <label className="flex items-center gap-2 text-xs text-slate-600">
      {t("by")}
      <select
        className="rounded border border-slate-200 px-2 py-1 text-sm"
        value={state.by}
        onChange={(event) => state.setBy(event.target.value as (typeof dimensions)[number])}
        data-testid="breakdown-dimension"
      >
        {dimensions.map((dimension) => (
          <option key={dimension} value={dimension}>
            {t("dimension", { dimension })}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Section
      title={t("messagesBy", { dimension: state.by })}
      actions={
        <>
          {picker}
          <CsvLink path="messages" params={params} />
        </>
      }
    >
      <Loaded query={query} rows={8}>
        {(stats) =>
          stats.groups.length === 0 ? (
            <Empty>{t("noMessages")}</Empty>
          ) : (
            <GroupTable
              dimension={state.by}
              heading={t("dimension", { dimension: state.by })}
              groups={stats.groups}
              columns={["sent", "delivered", "read", "replied", "failed", "deliveryRate", "readRate", "medianRead", "cost"]}
            />
          )
        }
      </Loaded>
    </Section>
  );
}
