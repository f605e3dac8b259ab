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
 * failures and cost tabs read, each dimension with category and calling code (for its cost), and everything (without and with label, since a message in a
 * conversation with two labels counts once in totals but once per label by label).
 */
export const storedSets: number[] = [
  0,
  ...rollupColumns.map((column) => bit[column]),
  bit.error | bit.template,
  bit.error | bit.code,
  bit.category | bit.code,
  // A group's estimated cost needs its billable messages by category and calling code.
  ...(["channel", "agent", "team", "template", "kind", "pricing"] as const).map((column) => bit[column] | bit.category | bit.code),
  bit.label | bit.category | bit.code,
  ALL_BUT_LABEL,
  ALL_BUT_LABEL | bit.label,
];

/** The smallest stored set holding every column of `mask`. */
export function setFor(mask: number): number {
  const found = storedSets.find((set) => (set & mask) === mask);
  if (found === undefined) throw new Error(`no grouping set holds ${mask}`);
  return found;
}

export function columnsOf(set: number): RollupColumn[] {
  return rollupColumns.filter((column) => (set & bit[column]) !== 0);
}
