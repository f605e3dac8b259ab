// The message rollups' dimensions, grouping sets and levels (docs/architecture.md, "Statistics").
// Every rollup row belongs to one grouping set, a bit mask of the dimensions it keeps. A query
// reads the smallest stored set that holds every dimension it filters or groups by. Pure.

import type { Dimension } from "./contract";
import type { Level } from "./slots";

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

const maskOf = (...columns: RollupColumn[]) => columns.reduce((mask, column) => mask | bit[column], 0);

const ALL_BUT_LABEL = maskOf(...rollupColumns.filter((column) => column !== "label"));
/**
 * What kind of message (kind, pricing category, billable or free), to which country, from which
 * number and by which agent: few values each, so the set stays far smaller than everything, and
 * combined filters of country and message type (by agent or not) read it.
 */
const BY_TYPE_COUNTRY_AND_AGENT = maskOf("channel", "agent", "kind", "category", "pricing", "code");

/**
 * The grouping sets kept, smallest first: nothing (totals), each dimension alone, the pairs the
 * failures and cost tabs read, message type × country × agent for combined filters, and
 * everything (without and with label, since a message in a conversation with two labels counts
 * once in totals but once per label by label).
 */
export const storedSets: number[] = [
  0,
  ...rollupColumns.map((column) => bit[column]),
  bit.error | bit.template,
  bit.error | bit.code,
  bit.category | bit.code,
  BY_TYPE_COUNTRY_AND_AGENT,
  ALL_BUT_LABEL,
  ALL_BUT_LABEL | bit.label,
];

/**
 * Sets whose rows at 15 minutes would be nearly one per message: they keep hours and coarser, and
 * a query that needs them at 15-minute edges reads those edges from the messages.
 */
const largeSets: number[] = [ALL_BUT_LABEL, ALL_BUT_LABEL | bit.label];

/**
 * The levels a set keeps, finest to coarsest (0: 15 minutes, 1: hour, 2: UTC day, 3: UTC week);
 * a query reads slots finer than `lowest` from the messages. Counts: 15 minutes to days (the
 * large sets from hours). Latency histograms spread over ~100 buckets and compress only over long
 * slots: days and weeks (totals also hours), and the all-dimension sets, whose weeks would be
 * nearly as many rows as their days, days only.
 */
export function levelsOf(set: number, table: "counts" | "latency"): { lowest: Level; highest: Level } {
  if (table === "counts") return { lowest: largeSets.includes(set) ? 1 : 0, highest: 2 };
  return { lowest: set === 0 ? 1 : 2, highest: set === ALL_BUT_LABEL || set === (ALL_BUT_LABEL | bit.label) ? 2 : 3 };
}

/** The sets that keep latency histograms: totals, each dimension but the error code, the combined ones and everything. */
export const latencySets: number[] = storedSets.filter(
  (set) =>
    set === 0 ||
    (columnsOf(set).length === 1 && set !== bit.error) ||
    set === BY_TYPE_COUNTRY_AND_AGENT ||
    set === ALL_BUT_LABEL ||
    set === (ALL_BUT_LABEL | bit.label),
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
