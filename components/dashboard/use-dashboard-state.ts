"use client";

import { parseAsArrayOf, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useMemo } from "react";
import type { StatsParams } from "@/components/api/client";
import { buckets, dimensions, type Dimension } from "@/lib/stats/choices";
import { isDay, lastDays, rangeInstants } from "./zoned-range";

// Everything the manager is looking at lives in the URL (?tab=…&from=…&to=…&tz=…&bucket=…&by=…
// and one comma list per filter), so a link, a reload or Back shows the same dashboard. Defaults are
// left out: the plain /dashboard is the last 7 days, by day, in the manager's own time zone.

export const tabs = ["delivery", "breakdowns", "failures", "templates", "team", "live", "cost"] as const;
export type Tab = (typeof tabs)[number];

const filterParsers = Object.fromEntries(dimensions.map((dimension) => [dimension, parseAsArrayOf(parseAsString).withDefault([])])) as {
  [D in Dimension]: ReturnType<typeof parseAsArrayOf<string>> & { readonly defaultValue: string[] };
};

const parsers = {
  tab: parseAsStringLiteral(tabs).withDefault("delivery"),
  from: parseAsString,
  to: parseAsString,
  tz: parseAsString,
  bucket: parseAsStringLiteral(buckets).withDefault("day"),
  by: parseAsStringLiteral(dimensions).withDefault("template"),
  ...filterParsers,
};

export type Filters = Record<Dimension, string[]>;
export const DEFAULT_DAYS = 7;

export function useDashboardState({ defaultTimeZone, now }: { defaultTimeZone: string; now: Date }) {
  const [state, setState] = useQueryStates(parsers, { history: "push" });
  const tz = state.tz ?? defaultTimeZone;
  const fallback = lastDays(DEFAULT_DAYS, now, tz);
  const from = isDay(state.from) ? state.from : fallback.from;
  const to = isDay(state.to) && state.to >= from ? state.to : from > fallback.to ? from : fallback.to;

  // Kept stable while the lists are equal, so the queries keyed by them are not asked again.
  const filterKey = JSON.stringify(dimensions.map((dimension) => state[dimension]));
  const filters = useMemo(() => {
    const lists = JSON.parse(filterKey) as string[][];
    return Object.fromEntries(dimensions.map((dimension, index) => [dimension, lists[index] ?? []])) as Filters;
  }, [filterKey]);

  const params = useMemo<StatsParams>(() => {
    const query: StatsParams = { ...rangeInstants(from, to, tz), tz, bucket: state.bucket };
    for (const dimension of dimensions) if (filters[dimension].length > 0) query[dimension] = filters[dimension].join(",");
    return query;
  }, [from, to, tz, state.bucket, filters]);

  return {
    tab: state.tab,
    from,
    to,
    tz,
    bucket: state.bucket,
    by: state.by,
    filters,
    params,
    setTab: (tab: Tab) => setState({ tab: tab === "delivery" ? null : tab }),
    setRange: (range: { from: string; to: string }) => setState(range),
    setTimeZone: (zone: string) => setState({ tz: zone === defaultTimeZone ? null : zone }),
    setBucket: (bucket: (typeof buckets)[number]) => setState({ bucket }),
    setBy: (by: Dimension) => setState({ by }),
    addFilter: (dimension: Dimension, key: string) =>
      setState({ [dimension]: filters[dimension].includes(key) ? filters[dimension] : [...filters[dimension], key] }),
    removeFilter: (dimension: Dimension, key: string) => {
      const rest = filters[dimension].filter((value) => value !== key);
      setState({ [dimension]: rest.length > 0 ? rest : null });
    },
    clearFilters: () => setState(Object.fromEntries(dimensions.map((dimension) => [dimension, null]))),
  };
}

export type DashboardState = ReturnType<typeof useDashboardState>;
