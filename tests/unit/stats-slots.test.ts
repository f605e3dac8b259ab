import { describe, expect, it } from "vitest";
import { bucketStarts, cover, QUARTER, seriesCover } from "@/lib/stats/slots";

const t = (iso: string) => new Date(iso).getTime();
const iso = (time: number) => new Date(time).toISOString();

describe("rollup slots", () => {
  it("cover a range exactly with the fewest slots, coarsest in the middle", () => {
    const ranges = cover(t("2026-11-01T18:30:00Z"), t("2026-11-04T05:45:00Z"));
    expect(ranges.map((range) => [range.level, iso(range.from), iso(range.to)])).toEqual([
      [0, "2026-11-01T18:30:00.000Z", "2026-11-01T19:00:00.000Z"],
      [1, "2026-11-01T19:00:00.000Z", "2026-11-02T00:00:00.000Z"],
      [2, "2026-11-02T00:00:00.000Z", "2026-11-04T00:00:00.000Z"],
      [1, "2026-11-04T00:00:00.000Z", "2026-11-04T05:00:00.000Z"],
      [0, "2026-11-04T05:00:00.000Z", "2026-11-04T05:45:00.000Z"],
    ]);
    // Contiguous, no gaps, no overlaps.
    for (const [index, range] of ranges.entries()) if (index > 0) expect(range.from).toBe(ranges[index - 1]!.to);
  });

  it("stay with quarters inside one hour", () => {
    expect(cover(t("2026-11-01T10:15:00Z"), t("2026-11-01T10:45:00Z"))).toEqual([
      { level: 0, from: t("2026-11-01T10:15:00Z"), to: t("2026-11-01T10:45:00Z"), index: 0 },
    ]);
  });
});

describe("series buckets in a time zone", () => {
  it("start Asia/Kolkata days at 18:30 UTC and Asia/Kathmandu days at 18:15 UTC", () => {
    expect(bucketStarts(t("2026-10-31T18:30:00Z"), t("2026-11-02T18:30:00Z"), "day", "Asia/Kolkata").map(iso)).toEqual([
      "2026-10-31T18:30:00.000Z",
      "2026-11-01T18:30:00.000Z",
    ]);
    expect(bucketStarts(t("2026-11-01T18:15:00Z"), t("2026-11-01T20:15:00Z"), "hour", "Asia/Kathmandu").map(iso)).toEqual([
      "2026-11-01T18:15:00.000Z",
      "2026-11-01T19:15:00.000Z",
    ]);
  });

  it("make the day of a DST change 25 or 23 hours long", () => {
    const fall = bucketStarts(t("2026-11-01T04:00:00Z"), t("2026-11-03T05:00:00Z"), "day", "America/New_York");
    expect(fall.map(iso)).toEqual(["2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"]);
    const spring = bucketStarts(t("2026-03-28T23:00:00Z"), t("2026-03-30T22:00:00Z"), "day", "Europe/Berlin");
    expect(spring.map(iso)).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
  });

  it("start weeks on Monday and months on the 1st, locally", () => {
    expect(bucketStarts(t("2026-11-04T00:00:00Z"), t("2026-11-10T00:00:00Z"), "week", "Asia/Kolkata").map(iso)).toEqual([
      "2026-11-01T18:30:00.000Z",
      "2026-11-08T18:30:00.000Z",
    ]);
    expect(bucketStarts(t("2026-10-15T00:00:00Z"), t("2026-11-15T00:00:00Z"), "month", "Asia/Kolkata").map(iso)).toEqual([
      "2026-09-30T18:30:00.000Z",
      "2026-10-31T18:30:00.000Z",
    ]);
  });

  it("cut each bucket's share of the range into 15-minute-aligned slots", () => {
    const from = t("2026-10-31T18:30:00Z");
    const to = t("2026-11-02T18:30:00Z");
    const ranges = seriesCover(from, to, bucketStarts(from, to, "day", "Asia/Kolkata"));
    expect(new Set(ranges.map((range) => range.index))).toEqual(new Set([0, 1]));
    for (const range of ranges) expect(range.from % QUARTER).toBe(0);
    expect(ranges.reduce((sum, range) => sum + range.to - range.from, 0)).toBe(to - from);
  });
});
