// Time for the statistics (docs/architecture.md, "Statistics"): the buckets of a series in an IANA
// time zone, and the rollup slots that cover a range exactly. Rollups keep 15-minute, hourly and
// UTC-day slots; every time zone's offset is a multiple of 15 minutes, so any local day, week or
// month — Asia/Kolkata's +5:30, Asia/Kathmandu's +5:45, a DST change — is a whole number of
// 15-minute slots, read mostly from the coarser levels. Pure.

import type { Bucket } from "./contract";

export const QUARTER = 900_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export type SlotRange = { level: 0 | 1 | 2; from: number; to: number; index: number };

/** Rounds an instant down to its 15-minute slot: rollups cannot split a slot. */
export function floorQuarter(time: number): number {
  return Math.floor(time / QUARTER) * QUARTER;
}

/** The fewest rollup slot ranges that cover [from, to) exactly; both on 15-minute boundaries. */
export function cover(from: number, to: number, index = 0): SlotRange[] {
  const ranges: SlotRange[] = [];
  const push = (level: 0 | 1 | 2, a: number, b: number) => {
    if (a < b) ranges.push({ level, from: a, to: b, index });
  };
  if (from >= to) return ranges;
  const firstHour = Math.ceil(from / HOUR) * HOUR;
  const lastHour = Math.floor(to / HOUR) * HOUR;
  if (firstHour >= lastHour) {
    push(0, from, to);
    return ranges;
  }
  push(0, from, firstHour);
  const firstDay = Math.ceil(firstHour / DAY) * DAY;
  const lastDay = Math.floor(lastHour / DAY) * DAY;
  if (firstDay >= lastDay) {
    push(1, firstHour, lastHour);
  } else {
    push(1, firstHour, firstDay);
    push(2, firstDay, lastDay);
    push(1, lastDay, lastHour);
  }
  push(0, lastHour, to);
  return ranges;
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

/** The slot ranges of each bucket's part of [from, to), tagged with the bucket's index. */
export function seriesCover(from: number, to: number, starts: number[]): SlotRange[] {
  return starts.flatMap((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1]! : to;
    return cover(floorQuarter(Math.max(from, start)), floorQuarter(Math.min(to, end)), index);
  });
}
