// Time for the statistics (docs/architecture.md, "Statistics"): the buckets of a series in an IANA
// time zone, and the rollup slots that cover a range exactly. Rollups keep 15-minute, hourly,
// UTC-day and UTC-week slots; every time zone's offset is a multiple of 15 minutes, so any local
// day, week or month — Asia/Kolkata's +5:30, Asia/Kathmandu's +5:45, a DST change — is a whole
// number of 15-minute slots, read mostly from the coarser levels. Pure.

import type { Bucket } from "./contract";

export const QUARTER = 900_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** A Monday: weeks run Monday to Monday, UTC, as PostgreSQL's date_trunc('week') has them. */
const WEEK_ORIGIN = Date.UTC(1970, 0, 5);

/** Rollup levels: 0 is 15 minutes, 1 an hour, 2 a UTC day, 3 a UTC week. */
export type Level = 0 | 1 | 2 | 3;
const units: Record<Level, number> = { 0: QUARTER, 1: HOUR, 2: DAY, 3: WEEK };

/**
 * A run of whole slots of one level, [from, to), counted with a sign. Level -1: finer than the
 * rollup keeps, read from the source rows themselves.
 */
export type Piece = { level: Level | -1; from: number; to: number; sign: 1 | -1 };

/** Rounds an instant down to its 15-minute slot: rollups cannot split a slot. */
export function floorQuarter(time: number): number {
  return Math.floor(time / QUARTER) * QUARTER;
}

/** The slot boundary of a level nearest to an instant (the later one at a tie). */
function nearestBoundary(time: number, level: Level): number {
  const unit = units[level];
  const origin = level === 3 ? WEEK_ORIGIN : 0;
  return origin + Math.round((time - origin) / unit) * unit;
}

/**
 * Covers [from, to) (both on 15-minute boundaries) with few slots: whole slots of the coarsest
 * level between the boundaries nearest each end, then each end's remainder one level down — added
 * where the range reaches past the boundary, subtracted where it stops short of it — and so on,
 * unless the range read one level down is fewer slots. Counts and histograms are sums, so a
 * subtracted edge is exact, and an edge is at most half a slot: a local day starting at 18:30 UTC
 * reads one UTC day and 5½ hours at each end, not 23½ hours. Edges finer than `lowest` come back
 * as level -1.
 */
export function cover(from: number, to: number, { lowest = 0, highest = 3 }: { lowest?: Level; highest?: Level } = {}): Piece[] {
  const pieces: Piece[] = [];
  const add = (a: number, b: number, level: Level, sign: 1 | -1) => {
    if (a >= b) return;
    if (level < lowest) {
      pieces.push({ level: -1, from: a, to: b, sign });
      return;
    }
    if (level === 0) {
      pieces.push({ level, from: a, to: b, sign });
      return;
    }
    const down = (level - 1) as Level;
    const start = nearestBoundary(a, level);
    const end = nearestBoundary(b, level);
    // One slot of this level and the edges one level down, or the range itself one level down:
    // whichever reads fewer slots.
    const edges = (Math.abs(start - a) + Math.abs(b - end)) / units[down];
    if (start >= end || 1 + edges >= (b - a) / units[down]) {
      add(a, b, down, sign);
      return;
    }
    pieces.push({ level, from: start, to: end, sign });
    const flip = (sign === 1 ? -1 : 1) as 1 | -1;
    if (a < start) add(a, start, down, sign);
    else add(start, a, down, flip);
    if (end < b) add(end, b, down, sign);
    else add(b, end, down, flip);
  };
  add(from, to, highest, 1);
  return pieces;
}

type Local = { year: number; month: number; day: number; hour: number; weekday: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, found);
  }
  return found;
}

const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function local(time: number, timeZone: string): Local & { minute: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(time))
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdays.indexOf(parts.weekday!),
  };
}

/** The UTC offset of a time zone at an instant, in ms. */
function offsetAt(time: number, timeZone: string): number {
  const at = local(time, timeZone);
  const asUtc = Date.UTC(at.year, at.month - 1, at.day, at.hour, at.minute);
  return asUtc - Math.floor(time / 60_000) * 60_000;
}

/** The instant a local wall-clock time names (the later one when DST skips it, the first when it repeats). */
export function zonedTime(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

/** The start of the bucket holding `time`, in the time zone. */
export function bucketStart(time: number, bucket: Bucket, timeZone: string): number {
  if (bucket === "hour") {
    // Local hours start where the offset puts them (xx:30 UTC in Asia/Kolkata).
    const offset = offsetAt(time, timeZone);
    return Math.floor((time + offset) / HOUR) * HOUR - offset;
  }
  const at = local(time, timeZone);
  if (bucket === "day") return zonedTime(at.year, at.month, at.day, 0, timeZone);
  if (bucket === "month") return zonedTime(at.year, at.month, 1, 0, timeZone);
  const monday = new Date(Date.UTC(at.year, at.month - 1, at.day - at.weekday));
  return zonedTime(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), 0, timeZone);
}

/** The start of the bucket after the one starting at `start`. */
export function nextBucket(start: number, bucket: Bucket, timeZone: string): number {
  if (bucket === "hour") return start + HOUR;
  const at = local(start, timeZone);
  if (bucket === "day") return zonedTime(at.year, at.month, at.day + 1, 0, timeZone);
  if (bucket === "week") return zonedTime(at.year, at.month, at.day + 7, 0, timeZone);
  return zonedTime(at.year, at.month + 1, 1, 0, timeZone);
}

/** Every bucket start from the one holding `from` to the last before `to`, oldest first. */
export function bucketStarts(from: number, to: number, bucket: Bucket, timeZone: string, limit = 10_000): number[] {
  const starts: number[] = [];
  for (let start = bucketStart(from, bucket, timeZone); start < to && starts.length < limit;) {
    starts.push(start);
    const next = nextBucket(start, bucket, timeZone);
    start = next > start ? next : start + HOUR;
  }
  return starts;
}

/** Each bucket's share of [from, to), on 15-minute boundaries, in bucket order. */
export function bucketSpans(from: number, to: number, starts: number[]): { from: number; to: number }[] {
  return starts.map((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1]! : to;
    return { from: floorQuarter(Math.max(from, start)), to: floorQuarter(Math.min(to, end)) };
  });
}
