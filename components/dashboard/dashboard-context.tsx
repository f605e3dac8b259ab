"use client";

import { createContext, useContext } from "react";
import type { DrillDown } from "@/components/api/client";
import type { Dimension } from "@/lib/stats/contract";
import type { Formats } from "./format";
import type { DashboardState } from "./use-dashboard-state";

/** What a number opens: the messages behind it, narrowed by a status, an error code or one group. */
export type DrillTarget = {
  title: string;
  /** One group of a breakdown, replacing that dimension's filter. */
  narrow?: Partial<Record<Dimension, string>>;
  /** One bucket of a time series, replacing the range. */
  range?: { from: string; to: string };
  /** Leave the dashboard's filters out (today's tiles count every message). */
  unfiltered?: boolean;
} & Pick<DrillDown, "status" | "errorCode">;

export type DashboardContextValue = {
  state: DashboardState;
  format: Formats;
  drill: (target: DrillTarget) => void;
};

export const DashboardContext = createContext<DashboardContextValue | null>(null);

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error("useDashboard outside the dashboard");
  return value;
}
