import "server-only";
import type { Funnel, MessageStats, Rates, StatsQuery } from "./contract";
import { columnOf } from "./dimensions";
import { displayHistogram, percentiles } from "./histogram";
import { labelKeys } from "./labels";
import { db } from "@/lib/db/client";
import { countNames, DELIVER, messageFilter, messageSource, READ, type Counts } from "./message-source";
import { sumCounts, sumLatencies, type CountRow, type LatencyRow, type Span } from "./read-rollups";
import { bucketSpans, bucketStarts, floorQuarter } from "./slots";

// GET /api/stats/messages (docs/architecture.md, "Statistics"): the delivery funnel, rates,
// latency percentiles, series, the previous period and groups, all from the rollups.

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function ratesOf(counts: Funnel): Rates {
  return {
    delivery: ratio(counts.delivered, counts.sent),
    read: ratio(counts.read, counts.delivered),
    failure: ratio(counts.failed, counts.sent + counts.failed),
  };
}

const zero = (): Counts => ({ queued: 0, sent: 0, delivered: 0, read: 0, failed: 0, replied: 0, billable: 0, free: 0, cost: 0 });
const money = (amount: number) => Math.round(amount * 10_000) / 10_000;
const funnel = (counts: Counts): Funnel => ({ sent: counts.sent, delivered: counts.delivered, read: counts.read, failed: counts.failed });

function add(into: Counts, row: Counts) {
  for (const key of Object.keys(into) as (keyof Counts)[]) into[key] += row[key];
}

/** The counts a series shows: a long one (2,160 local hours) sums only these per bucket. */
const funnelCounts = ["sent", "delivered", "read", "failed"] as const;

/** Totals and series of one period, with its estimated cost. */
async function period(query: StatsQuery, from: number, to: number) {
  const starts = bucketStarts(from, to, query.bucket, query.tz);
  const filter = messageFilter(query);
  // The buckets' spans join up into the whole period, read on its own for the totals.
  const [seriesRows, totalRows] = await Promise.all([
    sumCounts(messageSource, { filter, spans: bucketSpans(from, to, starts), counts: funnelCounts }),
    sumCounts(messageSource, { filter, spans: [{ from: floorQuarter(from), to: floorQuarter(to) }] }),
  ]);
  const perBucket = starts.map(() => zero());
  for (const row of seriesRows) add(perBucket[row.index]!, row);
  const totals = zero();
  for (const row of totalRows) add(totals, row);
  const series = starts.map((start, index) => ({ bucket: new Date(start).toISOString(), ...funnel(perBucket[index]!) }));
  return {
    totals: {
      ...funnel(totals),
      queued: totals.queued,
      replied: totals.replied,
      billable: totals.billable,
      estimatedCost: { amount: money(totals.cost), currency: "USD" as const },
    },
    rates: ratesOf(totals),
    series,
  };
}

export async function messageStats(query: StatsQuery): Promise<MessageStats> {
  const from = query.from.getTime();
  const to = query.to.getTime();
  const length = to - from;
  const whole = { from: floorQuarter(from), to: floorQuarter(to) };
  const [current, previous, [latency], groupList] = await Promise.all([
    period(query, from, to),
    period(query, from - length, from),
    sumLatencies(messageSource, { filter: messageFilter(query), span: whole }),
    query.groupBy ? groups(query, whole) : [],
  ]);
  const deliver = latency?.histograms.get(DELIVER) ?? new Map();
  const read = latency?.histograms.get(READ) ?? new Map();
  return {
    ...current,
    timeToDeliver: percentiles(deliver),
    timeToRead: percentiles(read),
    timeToReadHistogram: displayHistogram(read),
    previous,
    groups: groupList,
  };
}

/** A group whose added and subtracted slots cancel out had no message in the range: left out. */
const hasMessages = (row: Counts) => countNames.some((name) => name !== "cost" && row[name] !== 0);

async function groups(query: StatsQuery, span: Span): Promise<MessageStats["groups"]> {
  const dimension = query.groupBy!;
  const column = columnOf[dimension];
  const filter = messageFilter(query);
  const [channelRows, channelLatencies] = await Promise.all([
    sumCounts(messageSource, { filter, spans: [span], group: [column] }),
    sumLatencies(messageSource, { filter, span, group: [column], metrics: [READ] }),
  ]);
  // The channel type is the inbox's channel's kind: the inbox groups, folded by kind.
  const kinds = dimension === "channelType" ? await channelKinds(channelRows.map((row) => row.keys[column]!)) : null;
  const countRows = kinds ? foldCounts(channelRows, column, kinds) : channelRows;
  const latencyRows = kinds ? foldLatencies(channelLatencies, column, kinds) : channelLatencies;
  const names = await labelKeys(
    dimension,
    countRows.map((row) => row.keys[column]!),
  );
  const latencyOf = new Map(latencyRows.map((row) => [row.keys[column], row.histograms.get(READ)]));
  return countRows
    .filter(hasMessages)
    .map((row) => {
      const key = row.keys[column]!;
      return {
        key,
        label: names.get(key) ?? key,
        ...funnel(row),
        replied: row.replied,
        rates: ratesOf(row),
        timeToRead: percentiles(latencyOf.get(key) ?? new Map()),
        estimatedCost: money(row.cost),
      };
    })
    .sort((a, b) => b.sent - a.sent || a.label.localeCompare(b.label));
}

async function channelKinds(channelIds: string[]): Promise<Map<string, string>> {
  const rows = await db.channel.findMany({ where: { id: { in: channelIds } }, select: { id: true, kind: true } });
  return new Map(rows.map((row) => [row.id, row.kind === "MESSENGER" ? "messenger" : "whatsapp"]));
}

type MessageCountRow = CountRow<(typeof countNames)[number]>;

function foldCounts(rows: MessageCountRow[], column: string, kinds: Map<string, string>): MessageCountRow[] {
  const folded = new Map<string, MessageCountRow>();
  for (const row of rows) {
    const kind = kinds.get(row.keys[column]!) ?? "";
    const into = folded.get(kind) ?? { ...zero(), index: row.index, keys: { [column]: kind } };
    for (const name of countNames) into[name] += row[name];
    folded.set(kind, into);
  }
  return [...folded.values()];
}

function foldLatencies(rows: LatencyRow[], column: string, kinds: Map<string, string>): LatencyRow[] {
  const folded = new Map<string, LatencyRow>();
  for (const row of rows) {
    const kind = kinds.get(row.keys[column]!) ?? "";
    const into = folded.get(kind) ?? { keys: { [column]: kind }, histograms: new Map() };
    for (const [metric, histogram] of row.histograms) {
      const sum = into.histograms.get(metric) ?? new Map<number, number>();
      for (const [bucket, count] of histogram) sum.set(bucket, (sum.get(bucket) ?? 0) + count);
      into.histograms.set(metric, sum);
    }
    folded.set(kind, into);
  }
  return [...folded.values()];
}
