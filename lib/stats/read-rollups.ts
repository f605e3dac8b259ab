import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { bucketSql, type Histogram } from "./histogram";
import { cover, type Level, type Piece } from "./slots";

// Reads rollups (docs/architecture.md, "Statistics"): sums over time spans, in the smallest
// grouping set that holds the filters and the grouping. Each span is covered with slot runs of the
// levels the set keeps (lib/stats/slots.ts, some subtracted); runs finer than the set keeps are
// counted from the source rows themselves, with the same definitions. A run shared by two spans
// (the edge between two local days) is read once.

export type Span = { from: number; to: number };

type Columns<Column extends string> = (column: Column) => string;

/** One pair of rollup tables (counts and latency histograms) and the rows they are made from. */
export type RollupSource<Column extends string, Count extends string> = {
  countsTable: string;
  latencyTable: string;
  countNames: readonly Count[];
  bit: Record<Column, number>;
  setFor: (mask: number, options: { latency: boolean }) => number;
  levelsOf: (set: number, table: "counts" | "latency") => { lowest: Level; highest: Level };
  raw: {
    /** The source rows within r."from" and r."to", as a subquery (aliased m by the caller). */
    rows: Prisma.Sql;
    column: Columns<Column>;
    counts: Record<Count, string>;
    /** [metric, seconds] for each latency the histograms keep. */
    latencies: [number, string][];
    /** Joins the label rows (cl) when the label is filtered or grouped by. */
    labels: Prisma.Sql;
  };
};

/** The filters of a query for one source: the columns they use and the conditions, given how a column is named. */
export type SourceFilter<Column extends string> = { mask: number; where: (column: Columns<Column>) => Prisma.Sql[] };

export type CountRow<Count extends string> = Record<Count, number> & { index: number; keys: Record<string, string> };
export type LatencyRow = { keys: Record<string, string>; histograms: Map<number, Histogram> };

/**
 * The labels of a source row's conversation (cl), for raw pieces filtered or grouped by label: looked
 * up per row by the key (OFFSET 0 keeps it a lookup), since a join hashes every conversation's labels
 * to match the few hundred rows of an edge.
 */
export const labelsOfRow = Prisma.sql`CROSS JOIN LATERAL (
  SELECT cl."labelId" FROM "ConversationLabel" cl WHERE cl."conversationId" = m."conversationId" OFFSET 0) cl`;

/** The channel column holds a channel of one of the kinds ("whatsapp", "messenger"): the channel type has no rollup column of its own. */
export function channelsOfKinds(column: Prisma.Sql, kinds: string[]): Prisma.Sql {
  return Prisma.sql`${column} IN (SELECT id FROM "Channel" WHERE kind::text = ANY(${kinds.map((kind) => kind.toUpperCase())}::text[]))`;
}

const timestamp = (time: number) => new Date(time).toISOString().slice(0, 23);
type Row = Record<string, string | number | bigint | null>;
/** A piece of a span with its number in the query. */
type Numbered = Piece & { rid: number };

function plan<Column extends string, Count extends string>(
  source: RollupSource<Column, Count>,
  filter: SourceFilter<Column>,
  group: Column[],
  extraMask: number,
  table: "counts" | "latency",
) {
  const mask = group.reduce((acc, column) => acc | source.bit[column], filter.mask | extraMask);
  const set = source.setFor(mask, { latency: table === "latency" });
  const rolled = (column: Column) => `m."${column}"`;
  return {
    set,
    levels: source.levelsOf(set, table),
    conditions: [Prisma.sql`m.gset = ${set}::int`, ...filter.where(rolled)],
    keys: group.map((column) => Prisma.raw(rolled(column))),
    raw: {
      conditions: filter.where(source.raw.column),
      keys: group.map((column) => Prisma.raw(source.raw.column(column))),
      labels: "label" in source.bit && (mask & source.bit["label" as Column]) !== 0 ? source.raw.labels : Prisma.empty,
    },
  };
}

/** Unique pieces of every span, and which spans each adds into, with what sign. */
function piecesOf(spans: Span[], levels: { lowest: Level; highest: Level }) {
  const unique = new Map<string, Numbered & { uses: { index: number; sign: number }[] }>();
  spans.forEach((span, index) => {
    for (const piece of cover(span.from, span.to, levels)) {
      const id = `${piece.level}:${piece.from}:${piece.to}`;
      let entry = unique.get(id);
      if (!entry) unique.set(id, (entry = { ...piece, rid: unique.size, uses: [] }));
      entry.uses.push({ index, sign: piece.sign });
    }
  });
  const all = [...unique.values()];
  return { all, rolled: all.filter((piece) => piece.level >= 0), raw: all.filter((piece) => piece.level < 0) };
}

function piecesSql(pieces: Numbered[]): Prisma.Sql {
  return Prisma.sql`unnest(${pieces.map((piece) => piece.level)}::int[], ${pieces.map((piece) => timestamp(piece.from))}::timestamp[],
    ${pieces.map((piece) => timestamp(piece.to))}::timestamp[], ${pieces.map((piece) => piece.rid)}::int[],
    ${pieces.map((piece) => piece.sign)}::int[]) AS r(level, "from", "to", rid, sign)`;
}

// LATERAL and OFFSET 0 (which keeps the planner from flattening it into a join), so each piece is
// one index range scan: joined, the planner scans the whole table against every piece.
const rollupRows = (table: string, pieces: Numbered[], conditions: Prisma.Sql[]) =>
  Prisma.sql`${piecesSql(pieces)} CROSS JOIN LATERAL (
    SELECT m.* FROM ${Prisma.raw(`"${table}"`)} m
    WHERE m.level = r.level AND m.slot >= r."from" AND m.slot < r."to" AND ${Prisma.join(conditions, " AND ")} OFFSET 0) m`;
const rawRows = (rows: Prisma.Sql, pieces: Numbered[]) => Prisma.sql`${piecesSql(pieces)} CROSS JOIN LATERAL (${rows}) m`;
const keyList = (keys: Prisma.Sql[]) =>
  keys.length ? Prisma.sql`, ${Prisma.join(keys.map((key, i) => Prisma.sql`${key} AS ${Prisma.raw(`"k${i}"`)}`))}` : Prisma.empty;
const groupList = (keys: Prisma.Sql[]) => (keys.length ? Prisma.sql`, ${Prisma.join(keys)}` : Prisma.empty);
const where = (conditions: Prisma.Sql[]) => (conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty);

/**
 * Many pieces of one level that lie side by side (a series of local hours is 2,160 runs of four
 * quarters) are read as one index range, each row's piece found by width_bucket, instead of an
 * index scan each. The others are read one scan each.
 */
function splitRuns(pieces: Numbered[]): { runs: { level: number; pieces: Numbered[] }[]; single: Numbered[] } {
  const byLevel = new Map<number, Numbered[]>();
  for (const piece of pieces) {
    const list = byLevel.get(piece.level) ?? [];
    list.push(piece);
    byLevel.set(piece.level, list);
  }
  const runs: { level: number; pieces: Numbered[] }[] = [];
  const single: Numbered[] = [];
  for (const [level, list] of byLevel) {
    list.sort((a, b) => a.from - b.from);
    const disjoint = list.every((piece, i) => i === 0 || piece.from >= list[i - 1]!.to);
    const covered = list.reduce((sum, piece) => sum + piece.to - piece.from, 0);
    if (list.length >= 24 && disjoint && covered * 2 >= list.at(-1)!.to - list[0]!.from) runs.push({ level, pieces: list });
    else single.push(...list);
  }
  return { runs, single };
}

/** The run's bounds, and the piece (rid) of each width_bucket interval. */
function runBounds(pieces: Numbered[]) {
  const bounds = [...new Set(pieces.flatMap((piece) => [piece.from, piece.to]))].sort((a, b) => a - b);
  const ridOf = new Map(pieces.map((piece) => [bounds.indexOf(piece.from) + 1, piece.rid]));
  return { bounds, ridOf };
}

/**
 * Sums of the counts over each span (row `index` is the span's), by the group columns: every count,
 * or only those named in `counts` (the others are 0), which a long series reads faster.
 */
export async function sumCounts<Column extends string, Count extends string>(
  source: RollupSource<Column, Count>,
  {
    filter,
    spans,
    group = [],
    extraMask = 0,
    counts = source.countNames,
  }: { filter: SourceFilter<Column>; spans: Span[]; group?: Column[]; extraMask?: number; counts?: readonly Count[] },
): Promise<CountRow<Count>[]> {
  const planned = plan(source, filter, group, extraMask, "counts");
  const pieces = piecesOf(spans, planned.levels);
  if (pieces.all.length === 0) return [];
  const sums = (expression: (name: Count) => string) =>
    Prisma.raw(counts.map((name) => `sum(${expression(name)}) AS "${name}"`).join(", "));
  const { runs, single } = splitRuns(pieces.rolled);
  const [fromRollups, fromRows, ...fromRuns] = await Promise.all([
    single.length
      ? db.$queryRaw<Row[]>`
          SELECT r.rid ${keyList(planned.keys)}, ${sums((name) => `m."${name}"`)}
          FROM ${rollupRows(source.countsTable, single, planned.conditions)}
          GROUP BY r.rid ${groupList(planned.keys)}`
      : [],
    pieces.raw.length
      ? db.$queryRaw<Row[]>`
          SELECT r.rid ${keyList(planned.raw.keys)}, ${sums((name) => source.raw.counts[name])}
          FROM ${rawRows(source.raw.rows, pieces.raw)} ${planned.raw.labels}
          ${where(planned.raw.conditions)}
          GROUP BY r.rid ${groupList(planned.raw.keys)}`
      : [],
    ...runs.map(async (run) => {
      const { bounds, ridOf } = runBounds(run.pieces);
      const rows = await db.$queryRaw<Row[]>`
        SELECT width_bucket(m.slot, ${bounds.map(timestamp)}::timestamp[]) AS interval ${keyList(planned.keys)},
          ${sums((name) => `m."${name}"`)}
        FROM ${Prisma.raw(`"${source.countsTable}"`)} m
        WHERE m.level = ${run.level}::int AND m.slot >= ${timestamp(bounds[0]!)}::timestamp AND m.slot < ${timestamp(bounds.at(-1)!)}::timestamp
          AND ${Prisma.join(planned.conditions, " AND ")}
        GROUP BY 1 ${groupList(planned.keys)}`;
      return rows.flatMap((row) => (ridOf.has(Number(row.interval)) ? [{ ...row, rid: ridOf.get(Number(row.interval))! } as Row] : []));
    }),
  ]);
  const merged = new Map<string, CountRow<Count>>();
  for (const row of [...fromRollups, ...fromRows, ...fromRuns.flat()]) {
    const keys = Object.fromEntries(group.map((column, i) => [column, String(row[`k${i}`])]));
    for (const use of pieces.all[Number(row.rid)]!.uses) {
      const id = `${use.index}\u0000${group.map((column) => keys[column]).join("\u0000")}`;
      let entry = merged.get(id);
      if (!entry) {
        entry = { index: use.index, keys, ...Object.fromEntries(source.countNames.map((name) => [name, 0])) } as CountRow<Count>;
        merged.set(id, entry);
      }
      for (const name of counts) (entry as Record<Count, number>)[name] += use.sign * Number(row[name] ?? 0);
    }
  }
  return [...merged.values()];
}

/** Latency histograms (by metric) over one span, by the group columns. */
export async function sumLatencies<Column extends string, Count extends string>(
  source: RollupSource<Column, Count>,
  { filter, span, group = [], metrics }: { filter: SourceFilter<Column>; span: Span; group?: Column[]; metrics?: number[] },
): Promise<LatencyRow[]> {
  const planned = plan(source, filter, group, 0, "latency");
  const { rolled, raw } = piecesOf([span], planned.levels);
  const latencies = source.raw.latencies.filter(([metric]) => !metrics || metrics.includes(metric));
  const conditions = metrics ? [...planned.conditions, Prisma.sql`m.metric = ANY(${metrics}::int[])`] : planned.conditions;
  const values = Prisma.raw(`(VALUES ${latencies.map(([metric, seconds]) => `(${metric}, ${seconds})`).join(", ")})`);
  const [fromRollups, fromRows] = await Promise.all([
    rolled.length
      ? db.$queryRaw<Row[]>`
          SELECT m.metric, m.bucket, sum(r.sign * m.count) AS count ${keyList(planned.keys)}
          FROM ${rollupRows(source.latencyTable, rolled, conditions)}
          GROUP BY m.metric, m.bucket ${groupList(planned.keys)}`
      : [],
    raw.length
      ? db.$queryRaw<Row[]>`
          SELECT x.metric, ${Prisma.raw(bucketSql("round(x.seconds)"))} AS bucket, sum(r.sign) AS count ${keyList(planned.raw.keys)}
          FROM ${rawRows(source.raw.rows, raw)} ${planned.raw.labels}
          CROSS JOIN LATERAL ${values} AS x(metric, seconds)
          WHERE x.seconds IS NOT NULL ${planned.raw.conditions.length ? Prisma.sql`AND ${Prisma.join(planned.raw.conditions, " AND ")}` : Prisma.empty}
          GROUP BY 1, 2 ${groupList(planned.raw.keys)}`
      : [],
  ]);
  const byKey = new Map<string, LatencyRow>();
  for (const row of [...fromRollups, ...fromRows]) {
    const values = group.map((_, i) => String(row[`k${i}`]));
    const id = values.join("\u0000");
    let entry = byKey.get(id);
    if (!entry) {
      entry = { keys: Object.fromEntries(group.map((column, i) => [column, values[i]!])), histograms: new Map() };
      byKey.set(id, entry);
    }
    const metric = Number(row.metric);
    const histogram = entry.histograms.get(metric) ?? new Map<number, number>();
    entry.histograms.set(metric, histogram);
    const bucket = Number(row.bucket);
    const count = (histogram.get(bucket) ?? 0) + Number(row.count);
    if (count) histogram.set(bucket, count);
    else histogram.delete(bucket);
  }
  return [...byKey.values()];
}
