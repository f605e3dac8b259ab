import { describe, expect, it } from "vitest";
import { bucketBounds, bucketOf, bucketValue, displayHistogram, percentile, percentiles, type Histogram } from "@/lib/stats/histogram";

const histogramOf = (values: number[]): Histogram => {
  const histogram: Histogram = new Map();
  for (const value of values) histogram.set(bucketOf(value), (histogram.get(bucketOf(value)) ?? 0) + 1);
  return histogram;
};

describe("latency histograms", () => {
  it("count every second below a minute exactly", () => {
    for (const seconds of [0, 1, 19, 59]) expect(bucketValue(bucketOf(seconds))).toBe(seconds);
    expect(bucketOf(-3)).toBe(0);
  });

  it("place every latency inside its bucket's bounds", () => {
    for (const seconds of [60, 61, 65, 66, 119, 120, 3_599, 3_600, 86_399, 86_400, 2_000_000]) {
      const { from, to } = bucketBounds(bucketOf(seconds));
      expect(seconds).toBeGreaterThanOrEqual(from);
      if (to !== null) expect(seconds).toBeLessThan(to);
    }
  });

  it("give percentiles within 5 % of the exact nearest-rank value", () => {
    const values = Array.from({ length: 2_000 }, (_, index) => Math.round(Math.exp((index / 2_000) * Math.log(200_000))));
    const sorted = [...values].sort((a, b) => a - b);
    const histogram = histogramOf(values);
    for (const p of [0.5, 0.9, 0.95, 0.99]) {
      const exact = sorted[Math.ceil(p * sorted.length) - 1]!;
      expect(Math.abs(percentile(histogram, p)! - exact) / exact).toBeLessThanOrEqual(0.05);
    }
  });

  it("take the nearest rank, and know an empty set", () => {
    expect(percentiles(histogramOf([3, 1, 4, 2]))).toEqual({ p50: 2, p90: 4, p95: 4, p99: 4 });
    expect(percentiles(new Map())).toEqual({ p50: null, p90: null, p95: null, p99: null });
  });

  it("draw whole buckets into the display bins, losing nothing", () => {
    const bins = displayHistogram(histogramOf([1, 12, 45, 200, 1_000, 5_000, 20_000, 100_000]));
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(8);
    expect(bins[0]).toEqual({ from: 0, to: 10, nominal: { from: 0, to: 10 }, count: 1 });
    expect(bins.at(-1)!.to).toBeNull();
    for (const [index, bin] of bins.entries()) if (index > 0) expect(bin.from).toBe(bins[index - 1]!.to);
    // Each bin's exact bounds lie within a bucket's growth (10 %) of the round figures it is labelled with.
    for (const bin of bins) {
      expect(Math.abs(bin.from - bin.nominal.from)).toBeLessThanOrEqual(bin.nominal.from * 0.1);
      if (bin.to !== null) expect(Math.abs(bin.to - bin.nominal.to!)).toBeLessThanOrEqual(bin.nominal.to! * 0.1);
    }
    expect(bins.map((bin) => bin.nominal.to)).toEqual([10, 30, 60, 300, 900, 3_600, 14_400, 86_400, null]);
  });
});
