// The SQL that turns a temp table of facts into rollup rows: every grouping set at every level,
// added into the rollup tables (docs/architecture.md, "Statistics"). Shared by the message and the
// team rollups, and by the every-second fold and the rebuild, so both count exactly alike.
//
// Facts are one row per thing counted (a message's state, a conversation's event) with a sign
// (+1, or -1 to take an old state back out), `at`, the dimensions (labels as an array, and
// label_only for a row that counts only for its labels), the counts, and the latencies in seconds.

import { bucketSql } from "./histogram";
import type { Level } from "./slots";

export type FoldSpec = {
  /** Prefix of the temp tables: <prefix>_facts (filled by the caller), <prefix>_counts_q, <prefix>_latency_q. */
  prefix: string;
  countsTable: string;
  latencyTable: string;
  /** The rollup's dimension columns, "label" among them; the facts have the others under the same names. */
  columns: readonly string[];
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
const quarter = `date_bin('15 minutes', f.at, TIMESTAMP '2000-01-01')`;
const truncations = ["slot", "date_trunc('hour', slot)", "date_trunc('day', slot)", "date_trunc('week', slot)"] as const;

export function foldStatements(spec: FoldSpec) {
  const dims = spec.columns.filter((column) => column !== "label");
  const allColumns = spec.columns.map(q).join(", ");
  const labelled = (set: number) => (set & spec.bit.label!) !== 0;

  const groupingSets = (sets: number[], extra: string[]) =>
    sets
      .map((set) => {
        const kept = spec.columns.filter((column) => (set & spec.bit[column]!) !== 0);
        return `(${["slot", ...extra, ...kept.map((column) => (column === "label" ? "lab" : `f.${q(column)}`))].join(", ")})`;
      })
      .join(",\n      ");
  const gset = (withLabel: boolean) =>
    [
      ...dims.map((column) => `CASE WHEN GROUPING(f.${q(column)}) = 0 THEN ${spec.bit[column]} ELSE 0 END`),
      ...(withLabel ? [`CASE WHEN GROUPING(lab) = 0 THEN ${spec.bit.label} ELSE 0 END`] : []),
    ].join(" + ");
  const dimOut = (withLabel: boolean) =>
    [
      ...dims.map((column) => `coalesce(f.${q(column)}, '') AS ${q(column)}`),
      withLabel ? `coalesce(lab, '') AS "label"` : `'' AS "label"`,
    ].join(", ");
  const from = (withLabel: boolean, { joins = "", where = "" } = {}) =>
    `FROM ${spec.prefix}_facts f ${withLabel ? "CROSS JOIN LATERAL unnest(f.labels) AS lab" : ""} ${joins}
    WHERE ${spec.where} ${withLabel ? "" : "AND NOT f.label_only"} ${where}`;

  const countsSelect = (withLabel: boolean, sets: number[]) =>
    `SELECT ${gset(withLabel)} AS gset, ${quarter} AS slot, ${dimOut(withLabel)},
      ${spec.counts.map((count) => `sum(f.sign * f.${q(count)}) AS ${q(count)}`).join(", ")}
    ${from(withLabel)}
    GROUP BY GROUPING SETS (
      ${groupingSets(sets, [])})`;
  const latencySelect = (withLabel: boolean, sets: number[]) =>
    `SELECT ${gset(withLabel)} AS gset, ${quarter} AS slot, ${dimOut(withLabel)}, x.metric, x.bucket, sum(f.sign) AS count
    ${from(withLabel, {
      joins: `CROSS JOIN LATERAL (VALUES ${spec.latencies}) AS x0(metric, seconds)
    CROSS JOIN LATERAL (SELECT x0.metric, ${bucketSql("round(x0.seconds)")} AS bucket) AS x`,
      where: "AND x0.seconds IS NOT NULL",
    })}
    GROUP BY GROUPING SETS (
      ${groupingSets(sets, ["x.metric", "x.bucket"])})`;
  const both = (select: (withLabel: boolean, sets: number[]) => string, sets: number[]) =>
    [
      select(
        false,
        sets.filter((set) => !labelled(set)),
      ),
      select(true, sets.filter(labelled)),
    ].join("\n  UNION ALL\n  ");

  /** Rolls the 15-minute rows up to every level each set keeps, so the facts are grouped once. */
  const levels = (table: string, kind: "counts" | "latency", keys: string[], sums: string[]) => {
    const list = [...spec.columns.map(q), ...keys].join(", ");
    const sets = kind === "counts" ? spec.countSets : spec.latencySets;
    return truncations
      .map((slot, level) => {
        const keeping = sets.filter((set) => {
          const { lowest, highest } = spec.levelsOf(set, kind);
          return lowest <= level && level <= highest;
        });
        const where = `WHERE gset IN (${keeping.join(", ") || "-1"})`;
        if (level === 0) return `SELECT gset, 0, slot, ${list}, ${sums.join(", ")} FROM ${table} ${where}`;
        return `SELECT gset, ${level}, ${slot}, ${list}, ${sums.map((sum) => `sum(${sum})`).join(", ")} FROM ${table} ${where}
      GROUP BY gset, ${list}, ${slot}`;
      })
      .join("\n    UNION ALL\n    ");
  };

  const counts = spec.counts.map(q);
  return {
    /** The facts' counts in every grouping set, per 15 minutes. */
    createQuarterCounts: `CREATE TEMP TABLE ${spec.prefix}_counts_q ON COMMIT DROP AS
  ${both(countsSelect, spec.countSets)}`,
    /** Adds them into the counts table at every level. */
    upsertCounts: `INSERT INTO ${q(spec.countsTable)} (gset, level, slot, ${allColumns}, ${counts.join(", ")})
  ${levels(`${spec.prefix}_counts_q`, "counts", [], counts)}
  ORDER BY 1, 2, 3
  ON CONFLICT (gset, level, slot, ${allColumns}) DO UPDATE SET
  ${counts.map((count) => `${count} = ${q(spec.countsTable)}.${count} + EXCLUDED.${count}`).join(", ")}`,
    /** The facts' latencies in every grouping set that keeps histograms, per 15 minutes. */
    createQuarterLatencies: `CREATE TEMP TABLE ${spec.prefix}_latency_q ON COMMIT DROP AS
  ${both(latencySelect, spec.latencySets)}`,
    /** Adds them into the latency table at every level. */
    upsertLatencies: `INSERT INTO ${q(spec.latencyTable)} (gset, level, slot, ${allColumns}, metric, bucket, count)
  ${levels(`${spec.prefix}_latency_q`, "latency", ["metric", "bucket"], ["count"])}
  ORDER BY 1, 2, 3
  ON CONFLICT (gset, level, slot, ${allColumns}, metric, bucket) DO UPDATE SET count = ${q(spec.latencyTable)}.count + EXCLUDED.count`,
  };
}
