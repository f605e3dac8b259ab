// Bodies are processed in arrival order per customer, and in parallel across customers: each body
// is put in one of LANES lanes by its order key (the customer it is about), and a lane is processed
// in arrival order by one transaction at a time across every instance (an advisory lock per lane).
// Pure: no I/O.

export const LANES = 16;

/** The advisory lock key of a lane (one 64-bit key each; the two-key form used elsewhere is a separate space). */
export const LANE_LOCK_BASE = 727_200;

/** The lane of an order key: a stable hash (FNV-1a), so one customer's bodies always share a lane. */
export function laneOf(orderKey: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < orderKey.length; index++) {
    hash ^= orderKey.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % LANES;
}
