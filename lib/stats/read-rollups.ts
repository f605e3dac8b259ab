import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { StatsFilters } from "./contract";
import { codesOfCountry } from "./countries";
import { bit, columnOf, setFor, type RollupColumn } from "./dimensions";
import type { Histogram } from "./histogram";
import type { SlotRange } from "./slots";

// Reads the rollups (docs/architecture.md, "Statistics"): sums over slot ranges, in the smallest
// grouping set that holds the filters and the grouping, per range index when asked.

export const countNames = ["queued", "sent", "delivered", "read", "failed", "replied", "billable", "free"] as const;
export type Counts = Record<(typeof countNames)[number], number>;
export type CountRow = Counts & { index: number; keys: Record<string, string> };

const timestamp = (time: number) => new Date(time).toISOString().slice(0, 23);

function filterMask(filters: StatsFilters): number {
  let mask = 0;
  for (const [dimension, column] of Object.entries(columnOf)) {
    const values = filters[dimension as keyof StatsFilters];
    if (values?.length) mask |= bit[column];
  }
  return mask;
}

function filterSql(filters: StatsFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  const any = (column: RollupColumn, values: string[]) => Prisma.sql`m.${Prisma.raw(`"${column}"`)} = ANY(${values}::text[])`;
  if (filters.inbox?.length) where.push(any("channel", filters.inbox));
  if (filters.agent?.length) where.push(any("agent", filters.agent));
  if (filters.team?.length) where.push(any("team", filters.team));
  if (filters.template?.length) {
    const full = filters.template.filter((value) => value.includes(":"));
    const bare = filters.template.filter((value) => !value.includes(":"));
    where.push(Prisma.sql`(m.template = ANY(${full}::text[]) OR split_part(m.template, ':', 1) = ANY(${bare}::text[]))`);
  }
  if (filters.kind?.length) where.push(any("kind", filters.kind));
  if (filters.category?.length)
    where.push(
      any(
        "category",
        filters.category.map((value) => value.toLowerCase()),
      ),
    );
  if (filters.pricing?.length) where.push(any("pricing", filters.pricing));
  if (filters.country?.length) where.push(any("code", filters.country.flatMap(codesOfCountry)));
  if (filters.label?.length) where.push(any("label", filters.label));
  return where;
}

function rangesSql(ranges: SlotRange[]): Prisma.Sql {
  return Prisma.sql`unnest(${ranges.map((range) => range.level)}::int[], ${ranges.map((range) => timestamp(range.from))}::timestamp[],
    ${ranges.map((range) => timestamp(range.to))}::timestamp[], ${ranges.map((range) => range.index)}::int[]) AS r(level, "from", "to", idx)`;
}

function plan({ filters, group, extraMask = 0 }: { filters: StatsFilters; group: RollupColumn[]; extraMask?: number }) {
  const mask = group.reduce((acc, column) => acc | bit[column], filterMask(filters) | extraMask);
  const conditions = [Prisma.sql`m.gset = ${setFor(mask)}`, ...filterSql(filters)];
  const keys = group.map((column) => Prisma.raw(`m."${column}"`));
  return { conditions, keys };
}

/** Sums of every count over the ranges, by range index (when `byIndex`) and by the group columns. */
export async function sumCounts({
  filters,
  ranges,
  group = [],
  byIndex = false,
  extraMask,
}: {
  filters: StatsFilters;
  ranges: SlotRange[];
  group?: RollupColumn[];
  byIndex?: boolean;
  extraMask?: number;
}): Promise<CountRow[]> {
  if (ranges.length === 0) return [];
  const { conditions, keys } = plan({ filters, group, extraMask });
  const groupBy = [...(byIndex ? [Prisma.raw("r.idx")] : []), ...keys];
  const rows = await db.$queryRaw<Record<string, string | number | bigint | null>[]>`
    SELECT ${byIndex ? Prisma.raw("r.idx") : Prisma.raw("0")} AS "index",
      ${keys.length ? Prisma.join(keys.map((key, i) => Prisma.sql`${key} AS ${Prisma.raw(`"k${i}"`)}`)) : Prisma.raw("NULL AS k")},
      ${Prisma.raw(countNames.map((name) => `sum(m."${name}") AS "${name}"`).join(", "))}
    FROM ${rangesSql(ranges)}
    JOIN "MessageRollup" m ON m.level = r.level AND m.slot >= r."from" AND m.slot < r."to"
    WHERE ${Prisma.join(conditions, " AND ")}
    ${groupBy.length ? Prisma.sql`GROUP BY ${Prisma.join(groupBy)}` : Prisma.empty}`;
  return rows
    .filter((row) => row.sent !== null)
    .map((row) => ({
      index: Number(row.index),
      keys: Object.fromEntries(group.map((column, i) => [column, String(row[`k${i}`])])),
      ...(Object.fromEntries(countNames.map((name) => [name, Number(row[name] ?? 0)])) as Counts),
    }));
}

export type LatencyRow = { keys: Record<string, string>; deliver: Histogram; read: Histogram };

/** Latency histograms over the ranges, by the group columns. */
export async function sumLatencies({
  filters,
  ranges,
  group = [],
}: {
  filters: StatsFilters;
  ranges: SlotRange[];
  group?: RollupColumn[];
}): Promise<LatencyRow[]> {
  if (ranges.length === 0) return [];
  const { conditions, keys } = plan({ filters, group });
  const rows = await db.$queryRaw<Record<string, string | number | bigint>[]>`
    SELECT m.metric, m.bucket, sum(m.count) AS count
      ${keys.length ? Prisma.sql`, ${Prisma.join(keys.map((key, i) => Prisma.sql`${key} AS ${Prisma.raw(`"k${i}"`)}`))}` : Prisma.empty}
    FROM ${rangesSql(ranges)}
    JOIN "MessageLatencyRollup" m ON m.level = r.level AND m.slot >= r."from" AND m.slot < r."to"
    WHERE ${Prisma.join(conditions, " AND ")}
    GROUP BY m.metric, m.bucket ${keys.length ? Prisma.sql`, ${Prisma.join(keys)}` : Prisma.empty}`;
  const byKey = new Map<string, LatencyRow>();
  for (const row of rows) {
    const values = group.map((_, i) => String(row[`k${i}`]));
    const id = values.join("\u0000");
    let entry = byKey.get(id);
    if (!entry) {
      entry = { keys: Object.fromEntries(group.map((column, i) => [column, values[i]!])), deliver: new Map(), read: new Map() };
      byKey.set(id, entry);
    }
    const count = Number(row.count);
    if (count) (Number(row.metric) === 0 ? entry.deliver : entry.read).set(Number(row.bucket), count);
  }
  return [...byKey.values()];
}
