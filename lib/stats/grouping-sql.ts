// The SQL that turns a temp table of facts into rollup rows: every grouping set at every level,
// added into the rollup tables (docs/architecture.md, "Statistics"). Shared by the message and the
// team rollups, and by the every-second fold and the rebuild, so both count exactly alike.
//
// Facts are one row per thing counted (a message's state, a conversation's event) with a sign
// (+1, or -1 to take an old state back out), `at`, the dimensions (labels as an array, and
// label_only for a row that counts only for its labels), the counts, and the latencies in seconds.
// A change that moves nothing in a grouping set (a receipt leaves the time to deliver where it
// was) writes no row there.

import { bucketSql } from "./histogram";
import type { Level } from "./slots";

export type FoldSpec = {
  /** Prefix of the temp tables: <prefix>_facts (filled by the caller), <prefix>_counts, <prefix>_latency. */
  prefix: string;
  countsTable: string;
  latencyTable: string;
  /** The rollup's dimension columns, "label" among them; the facts have the others under the same names. */
  columns: readonly string[];
  /** The same in the order of the tables' primary key, so rows are written in index order. */
  keyOrder: readonly string[];
  bit: Record<string, number>;
  counts: readonly string[];
  countSets: number[];
  latencySets: number[];
  levelsOf: (set: number, table: "counts" | "latency") => { lowest: Level; highest: Level };
  /** VALUES rows (metric, seconds) over the fact f; null seconds are skipped. */
  latencies: string;
  /** Which facts count at all. */
  where: string;
};

const q = (column: string) => `"${column}"`;
/** A fact's slot at each level a set can start from: 15 minutes, hour, UTC day. */
const slotsOfFact = `CROSS JOIN LATERAL (SELECT date_bin('15 minutes', f.at, TIMESTAMP '2000-01-01') AS s0, date_trunc('hour', f.at) AS s1,
      date_trunc('day', f.at) AS s2) AS t`;
const truncations = ["slot", "date_trunc('hour', slot)", "date_trunc('day', slot)", "date_trunc('week', slot)"] as const;

export function foldStatements(spec: FoldSpec) {
  const dims = spec.columns.filter((column) => column !== "label");
  const allColumns = spec.columns.map(q).join(", ");
  const labelled = (set: number) => (set & spec.bit.label!) !== 0;

  // Each set is grouped straight at the finest level it keeps (a set kept from days up is never
  // grouped per 15 minutes); exactly one of s0, s1, s2 is in each grouping set.
  const groupingSets = (sets: number[], extra: string[], kind: "counts" | "latency") =>
    sets
      .map((set) => {
        const kept = spec.columns.filter((column) => (set & spec.bit[column]!) !== 0);
        const slot = `t.s${Math.min(2, spec.levelsOf(set, kind).lowest)}`;
        return `(${[slot, ...extra, ...kept.map((column) => (column === "label" ? "lab" : `f.${q(column)}`))].join(", ")})`;
      })
      .join(",\n      ");
  const gset = (withLabel: boolean) =>
    [
      ...dims.map((column) => `CASE WHEN GROUPING(f.${q(column)}) = 0 THEN ${spec.bit[column]} ELSE 0 END`),
      ...(withLabel ? [`CASE WHEN GROUPING(lab) = 0 THEN ${spec.bit.label} ELSE 0 END`] : []),
    ].join(" + ");
  const slotOut = (sets: number[], kind: "counts" | "latency") => {
    const used = [0, 1, 2].filter((level) => sets.some((set) => Math.min(2, spec.levelsOf(set, kind).lowest) === level));
    return `coalesce(${used.map((level) => `t.s${level}`).join(", ")}) AS slot`;
  };
  const dimOut = (withLabel: boolean) =>
    [
      ...dims.map((column) => `coalesce(f.${q(column)}, '') AS ${q(column)}`),
      withLabel ? `coalesce(lab, '') AS "label"` : `'' AS "label"`,
    ].join(", ");
  // Where the facts come from. The fold first sums them per 15 minutes and dimensions (per label
  // list too, where labels count): a receipt's old state out and its new state in fall in one row
  // and mostly cancel, and messages alike in all but their id share one, so the grouping sets see
  // a few rows where a fold takes thousands of facts; rows whose sums are all zero go. The rebuild,
  // whose facts are one per message and rarely alike, takes them as they are.
  const facts = (
    compact: boolean,
    withLabel: boolean,
    { keys = [], joins = "", where = "", values }: { keys?: string[]; joins?: string; where?: string; values: Record<string, string> },
  ) => {
    const grouped = [...(withLabel ? ["f.labels"] : []), ...dims.map((column) => `f.${q(column)}`), ...keys];
    const totals = Object.entries(values).map(([name, value]) => [name, compact ? `sum(${value})` : value] as const);
    return `(SELECT ${compact ? "date_bin('15 minutes', f.at, TIMESTAMP '2000-01-01')" : "f.at"} AS at, ${grouped.join(", ")},
        ${totals.map(([name, total]) => `${total} AS ${q(name)}`).join(", ")}
      FROM ${spec.prefix}_facts f ${joins}
      WHERE ${spec.where} ${withLabel ? "" : "AND NOT f.label_only"} ${where}
      ${compact ? `GROUP BY 1, ${grouped.map((_, index) => index + 2).join(", ")} HAVING ${totals.map(([, total]) => `${total} <> 0`).join(" OR ")}` : ""}) AS f
    ${withLabel ? "CROSS JOIN LATERAL unnest(f.labels) AS lab" : ""} ${slotsOfFact}`;
  };

  const countsSelect = (compact: boolean) => (withLabel: boolean, sets: number[]) =>
    `SELECT ${gset(withLabel)} AS gset, ${slotOut(sets, "counts")}, ${dimOut(withLabel)},
      ${spec.counts.map((count) => `sum(f.${q(count)}) AS ${q(count)}`).join(", ")}
    FROM ${facts(compact, withLabel, { values: Object.fromEntries(spec.counts.map((count) => [count, `f.sign * f.${q(count)}`])) })}
    GROUP BY GROUPING SETS (
      ${groupingSets(sets, [], "counts")})
    HAVING ${spec.counts.map((count) => `sum(f.${q(count)}) <> 0`).join(" OR ")}`;
  const latencySelect = (compact: boolean) => (withLabel: boolean, sets: number[]) =>
    `SELECT ${gset(withLabel)} AS gset, ${slotOut(sets, "latency")}, ${dimOut(withLabel)}, f.metric, f.bucket, sum(f.count) AS count
    FROM ${facts(compact, withLabel, {
      keys: ["x.metric", "x.bucket"],
      joins: `CROSS JOIN LATERAL (VALUES ${spec.latencies}) AS x0(metric, seconds)
      CROSS JOIN LATERAL (SELECT x0.metric, ${bucketSql("round(x0.seconds)")} AS bucket) AS x`,
      where: "AND x0.seconds IS NOT NULL",
      values: { count: "f.sign" },
    })}
    GROUP BY GROUPING SETS (
      ${groupingSets(sets, ["f.metric", "f.bucket"], "latency")})
    HAVING sum(f.count) <> 0`;
  const both = (select: (withLabel: boolean, sets: number[]) => string, sets: number[]) =>
    [
      select(
        false,
        sets.filter((set) => !labelled(set)),
      ),
      select(true, sets.filter(labelled)),
    ].join("\n  UNION ALL\n  ");

  /** Rolls each set's rows (at the finest level it keeps) up to the coarser levels it keeps. */
  const levels = (table: string, kind: "counts" | "latency", keys: string[], sums: string[]) => {
    const list = [...spec.columns.map(q), ...keys].join(", ");
    const sets = kind === "counts" ? spec.countSets : spec.latencySets;
    const where = (chosen: number[]) => `WHERE gset IN (${chosen.join(", ") || "-1"})`;
    return truncations
      .flatMap((slot, level) => {
        const asTheyAre = sets.filter((set) => spec.levelsOf(set, kind).lowest === level);
        const rolled = sets.filter((set) => {
          const { lowest, highest } = spec.levelsOf(set, kind);
          return lowest < level && level <= highest;
        });
        return [
          ...(asTheyAre.length ? [`SELECT gset, ${level}, slot, ${list}, ${sums.join(", ")} FROM ${table} ${where(asTheyAre)}`] : []),
          ...(rolled.length
            ? [
                `SELECT gset, ${level}, ${slot}, ${list}, ${sums.map((sum) => `sum(${sum})`).join(", ")} FROM ${table} ${where(rolled)}
      GROUP BY gset, ${list}, ${slot}`,
              ]
            : []),
        ];
      })
      .join("\n    UNION ALL\n    ");
  };

  const counts = spec.counts.map(q);
  // In the primary key's order: each row goes in next to the last, not somewhere in a large index.
  const keyOrder = (extra: string[]) =>
    ["1, 2, 3", ...spec.keyOrder.map((column) => String(4 + spec.columns.indexOf(column))), ...extra].join(", ");
  const insertCounts = `INSERT INTO ${q(spec.countsTable)} (gset, level, slot, ${allColumns}, ${counts.join(", ")})
  ${levels(`${spec.prefix}_counts`, "counts", [], counts)}
  ORDER BY ${keyOrder([])}`;
  const after = 4 + spec.columns.length;
  const insertLatencies = `INSERT INTO ${q(spec.latencyTable)} (gset, level, slot, ${allColumns}, metric, bucket, count)
  ${levels(`${spec.prefix}_latency`, "latency", ["metric", "bucket"], ["count"])}
  ORDER BY ${keyOrder([String(after), String(after + 1)])}`;
  return {
    /** The facts' counts in every grouping set, at the finest level each keeps (the fold: summed first). */
    createGroupedCounts: `CREATE TEMP TABLE ${spec.prefix}_counts ON COMMIT DROP AS
  ${both(countsSelect(true), spec.countSets)}`,
    /** The same for the rebuild, from one fact per message. */
    createGroupedCountsForRebuild: `CREATE TEMP TABLE ${spec.prefix}_counts ON COMMIT DROP AS
  ${both(countsSelect(false), spec.countSets)}`,
    /** Adds them into the counts table at every level. */
    upsertCounts: `${insertCounts}
  ON CONFLICT (gset, level, slot, ${allColumns}) DO UPDATE SET
  ${counts.map((count) => `${count} = ${q(spec.countsTable)}.${count} + EXCLUDED.${count}`).join(", ")}`,
    /** Writes them into an emptied counts table (the rebuild: every row is new). */
    insertCounts,
    /** The facts' latencies in every grouping set that keeps histograms, at the finest level each keeps (the fold). */
    createGroupedLatencies: `CREATE TEMP TABLE ${spec.prefix}_latency ON COMMIT DROP AS
  ${both(latencySelect(true), spec.latencySets)}`,
    /** The same for the rebuild. */
    createGroupedLatenciesForRebuild: `CREATE TEMP TABLE ${spec.prefix}_latency ON COMMIT DROP AS
  ${both(latencySelect(false), spec.latencySets)}`,
    /** Adds them into the latency table at every level. */
    upsertLatencies: `${insertLatencies}
  ON CONFLICT (gset, level, slot, ${allColumns}, metric, bucket) DO UPDATE SET count = ${q(spec.latencyTable)}.count + EXCLUDED.count`,
    /** Writes them into an emptied latency table. */
    insertLatencies,
  };
}
