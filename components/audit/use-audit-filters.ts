"use client";

import { parseAsArrayOf, parseAsString, useQueryStates } from "nuqs";
import { useMemo } from "react";
import { startOfDay } from "@/lib/audit/zoned-day";
import { useViewerZone } from "./viewer-zone";

// The audit log's filters live in the URL (?actor=…&action=a,b&from=2026-11-01&q=…), so a filtered
// view can be linked and reloaded (each change replaces the entry, so Back leaves the page rather
// than undoing keystrokes). Days are the viewer's own: the API gets the instants they start and end
// at in the viewer's time zone.

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
  const { timeZone } = useViewerZone();
  const apiFilter = useMemo(() => toApiFilter(state, timeZone), [state, timeZone]);
  const active = Object.values(state).some((value) => (Array.isArray(value) ? value.length > 0 : value !== ""));
  return { state, setState, apiFilter, active };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter as GET /api/audit takes it; a local day becomes the instant it starts (or ends). */
export function toApiFilter(state: AuditFilterState, timeZone: string): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string) => value.trim() && params.set(key, value.trim());
  set("actor", state.actor);
  set("action", state.action.join(","));
  set("targetType", state.targetType);
  set("targetId", state.targetId);
  if (DAY.test(state.from)) set("from", startOfDay(state.from, timeZone).toISOString());
  // The last millisecond of the day, however long the day is (daylight saving).
  if (DAY.test(state.to)) set("to", new Date(startOfDay(state.to, timeZone, 1).getTime() - 1).toISOString());
  set("q", state.q);
  return params;
}
