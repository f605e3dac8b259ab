// An event's before and after as rows an admin can read: one per field that differs, nested objects
// and lists flattened into paths ("rates.2.price"), values as short text. No imports, so the page
// (a client component) and the export share it.

export type DiffRow = { field: string; before: string | null; after: string | null; change: "added" | "removed" | "changed" | "same" };

const MISSING = Symbol("missing");
type Flat = Map<string, unknown>;

/** Leaves of a JSON value by path; an empty object or list is a leaf of its own. */
export function flatten(value: unknown, prefix = "", into: Flat = new Map()): Flat {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
    if (entries.length === 0) {
      into.set(prefix || "(value)", value);
      return into;
    }
    for (const [key, item] of entries) flatten(item, prefix ? `${prefix}.${key}` : key, into);
    return into;
  }
  into.set(prefix || "(value)", value);
  return into;
}

export function displayValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? String(value);
}

/**
 * The fields of before and after, changed ones first in path order. With `unchanged`, fields equal
 * on both sides are kept (as "same"), so a creation or deletion still shows every value.
 */
export function diffFields(before: unknown, after: unknown, { unchanged = false } = {}): DiffRow[] {
  const left = before === null || before === undefined ? new Map() : flatten(before);
  const right = after === null || after === undefined ? new Map() : flatten(after);
  const fields = [...new Set([...left.keys(), ...right.keys()])].sort(comparePaths);
  const rows: DiffRow[] = [];
  for (const field of fields) {
    const was = left.has(field) ? left.get(field) : MISSING;
    const is = right.has(field) ? right.get(field) : MISSING;
    const change = was === MISSING ? "added" : is === MISSING ? "removed" : displayValue(was) === displayValue(is) ? "same" : "changed";
    if (change === "same" && !unchanged) continue;
    rows.push({ field, before: was === MISSING ? null : displayValue(was), after: is === MISSING ? null : displayValue(is), change });
  }
  return rows;
}

// "rates.10" after "rates.9": numeric segments compare as numbers.
function comparePaths(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** A long value cut to `max` characters, and whether it was cut. */
export function truncate(value: string, max = 120): { text: string; cut: boolean } {
  return value.length > max ? { text: `${value.slice(0, max)}…`, cut: true } : { text: value, cut: false };
}
