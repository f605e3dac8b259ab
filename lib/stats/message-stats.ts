import "server-only";
import type { Funnel, MessageStats, Rates, StatsQuery } from "./contract";
import { columnOf } from "./dimensions";
import { displayHistogram, percentiles } from "./histogram";
import { labelKeys } from "./labels";
import { countNames, DELIVER, messageFilter, messageSource, READ, type Counts } from "./message-source";
import { sumCounts, sumLatencies, type Span } from "./read-rollups";
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

/** Totals and series of one period, with its estimated cost. */
async function period(query: StatsQuery, from: number, to: number) {
  const starts = bucketStarts(from, to, query.bucket, query.tz);
  const seriesRows = await sumCounts(messageSource, { filter: messageFilter(query), spans: bucketSpans(from, to, starts) });
  const perBucket = starts.map(() => zero());
  for (const row of seriesRows) add(perBucket[row.index]!, row);
  const totals = zero();
  for (const counts of perBucket) add(totals, counts);
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
  const [countRows, latencyRows] = await Promise.all([
    sumCounts(messageSource, { filter, spans: [span], group: [column] }),
    sumLatencies(messageSource, { filter, span, group: [column], metrics: [READ] }),
  ]);
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
