// Latency histograms the rollups keep (docs/architecture.md, "Statistics"). Meta's receipt
// timestamps are whole seconds, so every second below a minute has its own bucket (exact); above,
// buckets grow by 10 %, so a percentile read at a bucket's geometric middle is within 5 % of the
// exact value. Mergeable: a range's histogram is the sum of its slots'. Pure.

import type { Percentiles } from "./contract";

/** Seconds below this are counted exactly. */
export const EXACT_BELOW = 60;
const GROWTH = 1.1;
/** The last bucket holds everything from about 30 days up. */
export const LAST_BUCKET = 200;

/** The bucket of a latency in whole seconds (negative clocks count as 0). */
export function bucketOf(seconds: number): number {
  const s = Math.max(0, Math.floor(seconds));
  if (s < EXACT_BELOW) return s;
  return Math.min(LAST_BUCKET, EXACT_BELOW + Math.floor(Math.log(s / EXACT_BELOW) / Math.log(GROWTH) + 1e-9));
}

/** The same rule in SQL, over an expression giving whole seconds. Kept equal by tests/integration/stats-sql.test.ts. */
export function bucketSql(seconds: string): string {
  return `(CASE WHEN (${seconds}) < ${EXACT_BELOW} THEN greatest(0, (${seconds}))::int
    ELSE least(${LAST_BUCKET}, ${EXACT_BELOW} + floor(ln((${seconds}) / ${EXACT_BELOW}.0) / ln(${GROWTH}) + 1e-9)::int) END)`;
}

/** [from, to) in seconds of a bucket; `to` is null for the last. */
export function bucketBounds(bucket: number): { from: number; to: number | null } {
  if (bucket < EXACT_BELOW) return { from: bucket, to: bucket + 1 };
  const from = Math.ceil(EXACT_BELOW * GROWTH ** (bucket - EXACT_BELOW) - 1e-9);
  const to = bucket >= LAST_BUCKET ? null : Math.ceil(EXACT_BELOW * GROWTH ** (bucket + 1 - EXACT_BELOW) - 1e-9);
  return { from, to };
}

/** The value a bucket stands for: exact below a minute, else its geometric middle. */
export function bucketValue(bucket: number): number {
  if (bucket < EXACT_BELOW) return bucket;
  return Math.round(EXACT_BELOW * GROWTH ** (bucket - EXACT_BELOW + 0.5));
}

export type Histogram = Map<number, number>;

/** Nearest-rank percentile: the smallest value with at least p of the set at or below it. */
export function percentile(histogram: Histogram, p: number): number | null {
  const entries = [...histogram.entries()].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [bucket, count] of entries) {
    seen += count;
    if (seen >= rank) return bucketValue(bucket);
  }
  return bucketValue(entries[entries.length - 1]![0]);
}

export function percentiles(histogram: Histogram): Percentiles {
  return {
    p50: percentile(histogram, 0.5),
    p90: percentile(histogram, 0.9),
    p95: percentile(histogram, 0.95),
    p99: percentile(histogram, 0.99),
  };
}

/**
 * The bins the dashboard draws, each a run of whole buckets, so the counts are exact. Buckets grow
 * by 10 %, so a bin's exact bounds fall near, not on, the round figures it is drawn around (5 min
 * is 277 s to 832 s's bucket edge): `nominal` is that round figure, for its label.
 */
const displayEdges = [0, 10, 30, 60, 300, 900, 3_600, 14_400, 86_400];

export type DisplayBin = { from: number; to: number | null; nominal: { from: number; to: number | null }; count: number };

export function displayHistogram(histogram: Histogram): DisplayBin[] {
  const edges = displayEdges.map((seconds) => bucketOf(seconds));
  const bins = edges.map((bucket, index) => ({
    from: bucketBounds(bucket).from,
    to: index + 1 < edges.length ? bucketBounds(edges[index + 1]!).from : null,
    nominal: { from: displayEdges[index]!, to: displayEdges[index + 1] ?? null },
    count: 0,
  }));
  for (const [bucket, count] of histogram) {
    let index = edges.length - 1;
    while (index > 0 && bucket < edges[index]!) index--;
    bins[index]!.count += count;
  }
  return bins;
}
