import { describe, expect, it } from "vitest";
import { bucketSpans, bucketStarts, cover, QUARTER, type Piece } from "@/lib/stats/slots";

const t = (iso: string) => new Date(iso).getTime();
const iso = (time: number) => new Date(time).toISOString();

/** How many times each quarter of [start, end) is counted by the pieces: 1 inside the range, 0 outside. */
function coverage(pieces: Piece[], start: number, end: number): Map<number, number> {
  const counted = new Map<number, number>();
  for (let quarter = start; quarter < end; quarter += QUARTER) counted.set(quarter, 0);
  for (const piece of pieces)
    for (let quarter = piece.from; quarter < piece.to; quarter += QUARTER) counted.set(quarter, (counted.get(quarter) ?? 0) + piece.sign);
  return counted;
}

function expectExact(pieces: Piece[], from: number, to: number) {
  const margin = 10 * 86_400_000;
  for (const [quarter, count] of coverage(pieces, from - margin, to + margin))
    expect([iso(quarter), count]).toEqual([iso(quarter), quarter >= from && quarter < to ? 1 : 0]);
}

const show = (pieces: Piece[]) => pieces.map((piece) => [piece.sign, piece.level, iso(piece.from), iso(piece.to)]);

describe("rollup slots", () => {
  it("read a local day as one UTC day and the half-days at its ends, added or subtracted", () => {
    const pieces = cover(t("2026-11-01T18:30:00Z"), t("2026-11-02T18:30:00Z"));
    expect(show(pieces)).toEqual([
      [1, 2, "2026-11-02T00:00:00.000Z", "2026-11-03T00:00:00.000Z"],
      [1, 1, "2026-11-01T19:00:00.000Z", "2026-11-02T00:00:00.000Z"],
      [1, 0, "2026-11-01T18:30:00.000Z", "2026-11-01T19:00:00.000Z"],
      [-1, 1, "2026-11-02T19:00:00.000Z", "2026-11-03T00:00:00.000Z"],
      [-1, 0, "2026-11-02T18:30:00.000Z", "2026-11-02T19:00:00.000Z"],
    ]);
    expectExact(pieces, t("2026-11-01T18:30:00Z"), t("2026-11-02T18:30:00Z"));
  });

  it("cover any range exactly, with weeks (from Monday) in the middle", () => {
    const ranges: [string, string][] = [
      ["2026-09-02T02:15:00Z", "2026-12-01T02:15:00Z"],
      ["2026-11-01T18:30:00Z", "2026-11-04T05:45:00Z"],
      ["2026-11-01T10:15:00Z", "2026-11-01T10:45:00Z"],
      ["2026-11-01T11:45:00Z", "2026-11-02T12:15:00Z"],
      ["2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z"],
    ];
    for (const [from, to] of ranges) expectExact(cover(t(from), t(to)), t(from), t(to));
    const ninety = cover(t("2026-09-02T02:15:00Z"), t("2026-12-01T02:15:00Z"));
    expect(ninety.filter((piece) => piece.level === 3)).toEqual([
      { level: 3, from: t("2026-08-31T00:00:00Z"), to: t("2026-11-30T00:00:00Z"), sign: 1 },
    ]);
    expect(ninety.length).toBeLessThan(20);
  });

  it("stay with quarters inside one hour", () => {
    expect(cover(t("2026-11-01T10:15:00Z"), t("2026-11-01T10:45:00Z"))).toEqual([
      { level: 0, from: t("2026-11-01T10:15:00Z"), to: t("2026-11-01T10:45:00Z"), sign: 1 },
    ]);
  });

  it("leave what a set does not keep to the source rows, and nothing coarser than it keeps", () => {
    const from = t("2026-11-01T18:30:00Z");
    const to = t("2026-11-09T18:30:00Z");
    const pieces = cover(from, to, { lowest: 2, highest: 2 });
    expect(pieces.filter((piece) => piece.level === -1).map((piece) => [piece.sign, iso(piece.from), iso(piece.to)])).toEqual([
      [1, "2026-11-01T18:30:00.000Z", "2026-11-02T00:00:00.000Z"],
      [-1, "2026-11-09T18:30:00.000Z", "2026-11-10T00:00:00.000Z"],
    ]);
    expect(pieces.every((piece) => piece.level === -1 || piece.level === 2)).toBe(true);
    expectExact(pieces, from, to);
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

  it("cut the range into each bucket's share, on 15-minute boundaries", () => {
    const from = t("2026-10-31T19:07:00Z");
    const to = t("2026-11-02T18:30:00Z");
    expect(bucketSpans(from, to, bucketStarts(from, to, "day", "Asia/Kolkata")).map((span) => [iso(span.from), iso(span.to)])).toEqual([
      ["2026-10-31T19:00:00.000Z", "2026-11-01T18:30:00.000Z"],
      ["2026-11-01T18:30:00.000Z", "2026-11-02T18:30:00.000Z"],
    ]);
  });
});
