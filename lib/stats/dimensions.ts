// The rollups' dimensions and grouping sets (docs/architecture.md, "Statistics"). Every rollup row
// belongs to one grouping set, a bit mask of the dimensions it keeps. A query reads the smallest
// stored set that holds every dimension it filters or groups by. Pure.

import type { Dimension } from "./contract";

/** Rollup columns: the contract's dimensions, plus the Meta error code failures are told apart by. */
export const rollupColumns = ["channel", "agent", "team", "template", "kind", "category", "pricing", "code", "error", "label"] as const;
export type RollupColumn = (typeof rollupColumns)[number];

export const bit = Object.fromEntries(rollupColumns.map((column, index) => [column, 1 << index])) as Record<RollupColumn, number>;

/** The contract's dimension → the rollup column holding it (country is held as its calling code). */
export const columnOf: Record<Dimension, RollupColumn> = {
  inbox: "channel",
  // No column of its own: the inbox's channel, folded by its kind when read.
  channelType: "channel",
  agent: "agent",
  team: "team",
  template: "template",
  kind: "kind",
  category: "category",
  pricing: "pricing",
  country: "code",
  label: "label",
};

const ALL_BUT_LABEL = rollupColumns.filter((column) => column !== "label").reduce((mask, column) => mask | bit[column], 0);

/**
 * The grouping sets kept, smallest first: nothing (totals), each dimension alone, the pairs the
 * failures and cost tabs read, and everything (without and with label, since a message in a
 * conversation with two labels counts once in totals but once per label by label).
 */
export const storedSets: number[] = [
  0,
  ...rollupColumns.map((column) => bit[column]),
  bit.error | bit.template,
  bit.error | bit.code,
  bit.category | bit.code,
  ALL_BUT_LABEL,
  ALL_BUT_LABEL | bit.label,
];

/**
 * The sets whose rows are nearly one per message at 15 minutes: they keep hours and days only, and
 * a query that needs them at 15-minute edges (a day starting at :30 or :45) reads those edges from
 * the messages (lib/stats/read-rollups.ts).
 */
export const coarseSets: number[] = [ALL_BUT_LABEL, ALL_BUT_LABEL | bit.label];

/**
 * The finest level a set keeps (0: 15 minutes, 1: hour, 2: UTC day); a query reads finer slots
 * from the messages. Counts: every set at 15 minutes but the all-dimension ones (hours). Latency
 * histograms spread over ~100 buckets and compress only over long slots: totals keep hours, the
 * others days.
 */
export function lowestLevel(set: number, table: "counts" | "latency"): 0 | 1 | 2 {
  if (table === "counts") return coarseSets.includes(set) ? 1 : 0;
  return set === 0 ? 1 : 2;
}

/** The sets that keep latency histograms: totals, each dimension but the error code, and everything. */
export const latencySets: number[] = storedSets.filter(
  (set) => set === 0 || coarseSets.includes(set) || (columnsOf(set).length === 1 && set !== bit.error),
);

/** The smallest stored set holding every column of `mask` (and histograms, when asked). */
export function setFor(mask: number, { latency = false } = {}): number {
  const found = (latency ? latencySets : storedSets).find((set) => (set & mask) === mask);
  if (found === undefined) throw new Error(`no grouping set holds ${mask}`);
  return found;
}

export function columnsOf(set: number): RollupColumn[] {
  return rollupColumns.filter((column) => (set & bit[column]) !== 0);
}
