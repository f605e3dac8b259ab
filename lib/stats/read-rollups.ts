import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { StatsFilters } from "./contract";
import { codesOfCountry } from "./countries";
import { bit, columnOf, lowestLevel, setFor, type RollupColumn } from "./dimensions";
import { bucketSql, type Histogram } from "./histogram";
import { messageFacts } from "./rollup-sql";
import type { SlotRange } from "./slots";

// Reads the rollups (docs/architecture.md, "Statistics"): sums over slot ranges, in the smallest
// grouping set that holds the filters and the grouping, per range index when asked. Slots finer
// than a set keeps (lowestLevel: the all-dimension sets have no 15-minute rows, histograms no hours
// or none at all) — the edges of a range or of a local day starting at :30 or :45 — are counted
// from the messages themselves, with the same definitions.

export const countNames = ["queued", "sent", "delivered", "read", "failed", "replied", "billable", "free", "cost"] as const;
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

type Columns = (column: RollupColumn) => string;
const rollupColumn: Columns = (column) => `m."${column}"`;
const facts = messageFacts({ template: "stats_template(m.type, m.content)", kind: "stats_kind(m.type, m.content)" });
const rawColumn: Columns = (column) => (column === "label" ? `cl."labelId"` : facts.dims[column]);

function filterSql(filters: StatsFilters, col: Columns = rollupColumn): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  const any = (column: RollupColumn, values: string[]) => Prisma.sql`${Prisma.raw(col(column))} = ANY(${values}::text[])`;
  if (filters.inbox?.length) where.push(any("channel", filters.inbox));
  if (filters.channelType?.length) where.push(channelsOfKinds(Prisma.raw(col("channel")), filters.channelType));
  if (filters.agent?.length) where.push(any("agent", filters.agent));
  if (filters.team?.length) where.push(any("team", filters.team));
  if (filters.template?.length) {
    const full = filters.template.filter((value) => value.includes(":"));
    const bare = filters.template.filter((value) => !value.includes(":"));
    const template = Prisma.raw(col("template"));
    where.push(Prisma.sql`(${template} = ANY(${full}::text[]) OR split_part(${template}, ':', 1) = ANY(${bare}::text[]))`);
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

/** The channel column holds a channel of one of the kinds ("whatsapp", "messenger"). */
export function channelsOfKinds(column: Prisma.Sql, kinds: string[]): Prisma.Sql {
  return Prisma.sql`${column} IN (SELECT id FROM "Channel" WHERE kind::text = ANY(${kinds.map((kind) => kind.toUpperCase())}::text[]))`;
}

function rangesSql(ranges: SlotRange[]): Prisma.Sql {
  return Prisma.sql`unnest(${ranges.map((range) => range.level)}::int[], ${ranges.map((range) => timestamp(range.from))}::timestamp[],
    ${ranges.map((range) => timestamp(range.to))}::timestamp[], ${ranges.map((range) => range.index)}::int[]) AS r(level, "from", "to", idx)`;
}

function plan({
  filters,
  group,
  extraMask = 0,
  latency = false,
}: {
  filters: StatsFilters;
  group: RollupColumn[];
  extraMask?: number;
  latency?: boolean;
}) {
  const mask = group.reduce((acc, column) => acc | bit[column], filterMask(filters) | extraMask);
  const set = setFor(mask, { latency });
  const conditions = [Prisma.sql`m.gset = ${set}::int`, ...filterSql(filters)];
  const keys = group.map((column) => Prisma.raw(rollupColumn(column)));
  const raw = {
    lowest: lowestLevel(set, latency ? "latency" : "counts"),
    conditions: [Prisma.sql`m.direction = 'OUTBOUND'`, Prisma.sql`NOT m.private`, ...filterSql(filters, rawColumn)],
    keys: group.map((column) => Prisma.raw(rawColumn(column))),
    labels: (mask & bit.label) !== 0 ? Prisma.sql`JOIN "ConversationLabel" cl ON cl."conversationId" = m."conversationId"` : Prisma.empty,
  };
  return { conditions, keys, raw };
}

// LATERAL and OFFSET 0 (which keeps the planner from flattening it into a join), so each slot
// range is one index range scan: joined, the planner scans the whole table against every range.
const rawRanges = (ranges: SlotRange[]) =>
  Prisma.sql`${rangesSql(ranges)} CROSS JOIN LATERAL (
    SELECT m.* FROM "Message" m WHERE m."createdAt" >= r."from" AND m."createdAt" < r."to" AND m.direction = 'OUTBOUND' AND NOT m.private OFFSET 0) m`;
const rollupRanges = (table: string, ranges: SlotRange[], conditions: Prisma.Sql[]) =>
  Prisma.sql`${rangesSql(ranges)} CROSS JOIN LATERAL (
    SELECT m.* FROM ${Prisma.raw(`"${table}"`)} m
    WHERE m.level = r.level AND m.slot >= r."from" AND m.slot < r."to" AND ${Prisma.join(conditions, " AND ")} OFFSET 0) m`;
const keyList = (keys: Prisma.Sql[]) =>
  keys.length ? Prisma.join(keys.map((key, i) => Prisma.sql`${key} AS ${Prisma.raw(`"k${i}"`)}`)) : Prisma.raw("NULL AS k");

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
  const { conditions, keys, raw } = plan({ filters, group, extraMask });
  const rolled = ranges.filter((range) => range.level >= raw.lowest);
  const fine = ranges.filter((range) => range.level < raw.lowest);
  const index = byIndex ? Prisma.raw("r.idx") : Prisma.raw("0");
  const groupBy = (keyExpressions: Prisma.Sql[]) => {
    const all = [...(byIndex ? [Prisma.raw("r.idx")] : []), ...keyExpressions];
    return all.length ? Prisma.sql`GROUP BY ${Prisma.join(all)}` : Prisma.empty;
  };
  type Row = Record<string, string | number | bigint | null>;
  const [fromRollups, fromMessages] = await Promise.all([
    rolled.length
      ? db.$queryRaw<Row[]>`
          SELECT ${index} AS "index", ${keyList(keys)}, ${Prisma.raw(countNames.map((name) => `sum(m."${name}") AS "${name}"`).join(", "))}
          FROM ${rollupRanges("MessageRollup", rolled, conditions)}
          ${groupBy(keys)}`
      : [],
    fine.length
      ? db.$queryRaw<Row[]>`
          SELECT ${index} AS "index", ${keyList(raw.keys)},
            ${Prisma.raw(countNames.map((name) => `sum(${facts.counts[name]}) AS "${name}"`).join(", "))}
          FROM ${rawRanges(fine)} ${raw.labels}
          WHERE ${Prisma.join(raw.conditions, " AND ")}
          ${groupBy(raw.keys)}`
      : [],
  ]);
  const merged = new Map<string, CountRow>();
  for (const row of [...fromRollups, ...fromMessages]) {
    if (row.sent === null) continue;
    const keysOf = Object.fromEntries(group.map((column, i) => [column, String(row[`k${i}`])]));
    const id = `${Number(row.index)}\u0000${group.map((column) => keysOf[column]).join("\u0000")}`;
    const entry =
      merged.get(id) ??
      ({ index: Number(row.index), keys: keysOf, ...Object.fromEntries(countNames.map((name) => [name, 0])) } as CountRow);
    for (const name of countNames) entry[name] += Number(row[name] ?? 0);
    merged.set(id, entry);
  }
  return [...merged.values()];
}

export type LatencyRow = { keys: Record<string, string>; deliver: Histogram; read: Histogram };

/** Latency histograms over the ranges, by the group columns. */
export async function sumLatencies({
  filters,
  ranges,
  group = [],
  readOnly = false,
}: {
  filters: StatsFilters;
  ranges: SlotRange[];
  group?: RollupColumn[];
  /** Only time to read (groups show no time to deliver). */
  readOnly?: boolean;
}): Promise<LatencyRow[]> {
  if (ranges.length === 0) return [];
  const planned = plan({ filters, group, latency: true });
  const { keys, raw } = planned;
  const conditions = readOnly ? [...planned.conditions, Prisma.sql`m.metric = 1`] : planned.conditions;
  const metrics = readOnly
    ? Prisma.sql`(VALUES (1, ${Prisma.raw(facts.rsec)}))`
    : Prisma.sql`(VALUES (0, ${Prisma.raw(facts.dsec)}), (1, ${Prisma.raw(facts.rsec)}))`;
  const rolled = ranges.filter((range) => range.level >= raw.lowest);
  const fine = ranges.filter((range) => range.level < raw.lowest);
  const extraKeys = (list: Prisma.Sql[]) => (list.length ? Prisma.sql`, ${keyList(list)}` : Prisma.empty);
  const extraGroup = (list: Prisma.Sql[]) => (list.length ? Prisma.sql`, ${Prisma.join(list)}` : Prisma.empty);
  type Row = Record<string, string | number | bigint>;
  const [fromRollups, fromMessages] = await Promise.all([
    rolled.length
      ? db.$queryRaw<Row[]>`
          SELECT m.metric, m.bucket, sum(m.count) AS count ${extraKeys(keys)}
          FROM ${rollupRanges("MessageLatencyRollup", rolled, conditions)}
          GROUP BY m.metric, m.bucket ${extraGroup(keys)}`
      : [],
    fine.length
      ? db.$queryRaw<Row[]>`
          SELECT x.metric, ${Prisma.raw(bucketSql("round(x.seconds)"))} AS bucket, count(*) AS count ${extraKeys(raw.keys)}
          FROM ${rawRanges(fine)} ${raw.labels}
          CROSS JOIN LATERAL ${metrics} AS x(metric, seconds)
          WHERE ${Prisma.join(raw.conditions, " AND ")} AND x.seconds IS NOT NULL
          GROUP BY 1, 2 ${extraGroup(raw.keys)}`
      : [],
  ]);
  const rows = [...fromRollups, ...fromMessages];
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
    const histogram = Number(row.metric) === 0 ? entry.deliver : entry.read;
    if (count) histogram.set(Number(row.bucket), (histogram.get(Number(row.bucket)) ?? 0) + count);
  }
  return [...byKey.values()];
}
