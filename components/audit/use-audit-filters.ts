"use client";

import { parseAsArrayOf, parseAsString, useQueryStates } from "nuqs";
import { useMemo } from "react";

// The audit log's filters live in the URL (?actor=…&action=a,b&from=2026-11-01&q=…), so a filtered
// view can be linked, reloaded and stepped back through. Days are the viewer's own: the API gets
// the instants their local midnight starts and ends at.

export const auditFilterParsers = {
  actor: parseAsString.withDefault(""),
  action: parseAsArrayOf(parseAsString).withDefault([]),
  targetType: parseAsString.withDefault(""),
  targetId: parseAsString.withDefault(""),
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  q: parseAsString.withDefault(""),
};

export type AuditFilterState = {
  actor: string;
  action: string[];
  targetType: string;
  targetId: string;
  from: string;
  to: string;
  q: string;
};

export function useAuditFilters() {
  const [state, setState] = useQueryStates(auditFilterParsers, { history: "replace" });
  const apiFilter = useMemo(() => toApiFilter(state), [state]);
  const active = Object.values(state).some((value) => (Array.isArray(value) ? value.length > 0 : value !== ""));
  return { state, setState, apiFilter, active };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter as GET /api/audit takes it; a local day becomes the instant it starts (or ends). */
export function toApiFilter(state: AuditFilterState): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string) => value.trim() && params.set(key, value.trim());
  set("actor", state.actor);
  set("action", state.action.join(","));
  set("targetType", state.targetType);
  set("targetId", state.targetId);
  if (DAY.test(state.from)) set("from", localDay(state.from, 0).toISOString());
  // The last millisecond of the day, however long the day is (daylight saving).
  if (DAY.test(state.to)) set("to", new Date(localDay(state.to, 1).getTime() - 1).toISOString());
  set("q", state.q);
  return params;
}

function localDay(day: string, plusDays: number): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date + plusDays);
}
