"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useMemo, useState, useSyncExternalStore } from "react";
import { BreakdownsTab } from "./breakdowns-tab";
import { CostTab } from "./cost-tab";
import { DashboardContext, type DashboardContextValue, type DrillTarget } from "./dashboard-context";
import { DeliveryTab } from "./delivery-tab";
import { DrillPanel, drillParams } from "./drill-panel";
import { ExportButton } from "./export-button";
import { FailuresTab } from "./failures-tab";
import { FilterChips } from "./filter-chips";
import { formats } from "./format";
import { LiveTab } from "./live-tab";
import { RangeControls } from "./range-controls";
import { Skeleton } from "./states";
import { TabList } from "./tab-list";
import { TeamTab } from "./team-tab";
import { TemplatesTab } from "./templates-tab";
import { useDashboardState, type Tab } from "./use-dashboard-state";
import { useStatsEvents } from "./use-stats-events";

type Props = { timeZones: string[] };

const noop = () => () => {};

/**
 * The managers' dashboard. Its range and "today" depend on the browser's time zone and clock,
 * which the server cannot know, so it renders after hydration (a skeleton before).
 */
export function Dashboard(props: Props) {
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  if (!hydrated) return <Skeleton rows={8} className="p-6" />;
  return <DashboardBody {...props} />;
}

function DashboardBody({ timeZones }: Props) {
  const t = useTranslations("dashboard");
  // The user's language and time zone (their preferences, else the browser's), as next-intl has them.
  const locale = useLocale();
  const defaultTimeZone = useTimeZone() ?? "UTC";
  const [now] = useState(() => new Date());
  const state = useDashboardState({ defaultTimeZone, now });
  const format = useMemo(() => formats(locale, state.tz), [locale, state.tz]);
  const [target, setTarget] = useState<DrillTarget | null>(null);
  const connected = useStatsEvents();
  const context = useMemo<DashboardContextValue>(() => ({ state, format, drill: setTarget }), [state, format]);
  const drill = useMemo(() => (target ? drillParams(state.params, target) : null), [state.params, target]);

  return (
    <DashboardContext.Provider value={context}>
      <main className="mx-auto h-full max-w-7xl space-y-3 overflow-y-auto p-3 md:p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-lg font-semibold">{t("title")}</h1>
            <p className="text-xs text-slate-500">{t("intro")}</p>
          </div>
          <ExportButton params={state.params} format={format} />
        </div>
        <RangeControls timeZones={timeZones} />
        <FilterChips />
        <TabList current={state.tab} onChange={state.setTab} />
        <div role="tabpanel" id="dashboard-panel" aria-labelledby={`tab-${state.tab}`} className="pb-6">
          <Panel tab={state.tab} connected={connected} />
        </div>
      </main>
      <DrillPanel target={target} params={drill} format={format} onClose={() => setTarget(null)} />
    </DashboardContext.Provider>
  );
}

function Panel({ tab, connected }: { tab: Tab; connected: boolean }) {
  switch (tab) {
    case "delivery":
      return <DeliveryTab />;
    case "breakdowns":
      return <BreakdownsTab />;
    case "failures":
      return <FailuresTab />;
    case "templates":
      return <TemplatesTab />;
    case "team":
      return <TeamTab />;
    case "live":
      return <LiveTab connected={connected} />;
    case "cost":
      return <CostTab />;
  }
}
