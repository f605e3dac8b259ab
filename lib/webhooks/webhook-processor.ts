import "server-only";
import { db } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/errors";
import { BATCH_SIZE, BatchFailure, processLanes, recordFailedAttempt } from "./process-lane";
import { onWebhookWake } from "./wake";

// Processes logged webhook bodies in the background (docs/architecture.md, "Webhooks in"). The
// intake wakes it as soon as a body is committed, naming the body's lane. While batches keep up, one
// runs at a time over every lane with new bodies, so the bodies that arrive while it runs go
// together in the next one: a lone body is processed at once, and a steady stream in batches that
// grow with the rate, paying a batch's fixed cost once for many bodies. When a batch comes back
// full, a backlog has formed: the waiting lanes are split among a few batches that run in parallel
// until one comes back short. A lane another instance holds is tried again moments later. Once a
// second it also looks for bodies nobody announced: those of an instance that stopped, or written
// before a restart. When the database is unavailable it backs off and tries again. After a batch
// fails as a whole, each of its lanes is processed alone, in halves down to one body processed
// item by item; a body that still fails is counted, then set FAILED.

/** Batches run at once by this process when there is a backlog. */
const PARALLEL_BATCHES = 4;
const POLL_MS = 1_000;
/** When another instance holds a lane: try again this soon, to take over its newer bodies. */
const BUSY_RETRY_MS = 20;
const MAX_ATTEMPTS = 5;
const BACKOFF_MS = [250, 500, 1_000, 2_000, 5_000];

class WebhookProcessor {
  private readonly dirty = new Set<number>();
  /** The lanes of the batches in flight. */
  private readonly inFlight = new Set<number>();
  private readonly batches = new Set<Promise<void>>();
  /** Lanes recovering from a failed batch, each processed alone, with the size it is down to. */
  private readonly narrowed = new Map<number, number>();
  private readonly failures = new Map<number, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** The last batch over many lanes came back full. */
  private backlogged = false;
  private stopped = false;
  private pollTimer: NodeJS.Timeout | null = null;

  start() {
    onWebhookWake((lanes) => this.wake(lanes));
    void this.poll();
  }

  async stop() {
    this.stopped = true;
    onWebhookWake(undefined);
    if (this.pollTimer) clearTimeout(this.pollTimer);
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.allSettled(this.batches);
  }

  wake(lanes: Iterable<number>) {
    for (const lane of lanes) this.dirty.add(lane);
    this.pump();
  }

  private pump() {
    if (this.stopped) return;
    const waiting = [...this.dirty].filter((lane) => !this.inFlight.has(lane));
    for (const lane of waiting.filter((lane) => this.narrowed.has(lane))) {
      if (this.batches.size >= PARALLEL_BATCHES) return;
      this.launch([lane]);
    }
    const lanes = waiting.filter((lane) => !this.narrowed.has(lane));
    if (lanes.length === 0) return;
    if (!this.backlogged) {
      if (this.batches.size === 0) this.launch(lanes);
      return;
    }
    const slots = Math.min(PARALLEL_BATCHES - this.batches.size, lanes.length);
    for (let slot = 0; slot < slots; slot++) this.launch(lanes.filter((_, index) => index % slots === slot));
  }

  private launch(lanes: number[]) {
    for (const lane of lanes) {
      this.dirty.delete(lane);
      this.inFlight.add(lane);
    }
    const batch: Promise<void> = this.run(lanes).finally(() => {
      for (const lane of lanes) this.inFlight.delete(lane);
      this.batches.delete(batch);
      this.pump();
    });
    this.batches.add(batch);
  }

  private async run(lanes: number[]) {
    // A lane on its own after a failed batch narrows, halving its batches down to one body processed
    // item by item, so a body that cannot be stored is found in a few steps; success widens it again.
    const alone = lanes.length === 1 ? this.narrowed.get(lanes[0]!) : undefined;
    const limit = alone ?? BATCH_SIZE;
    const isolate = alone === 1;
    try {
      const result = await processLanes({ lanes, limit, isolate });
      for (const lane of result.locked) this.failures.delete(lane);
      for (const lane of result.busy) this.later(lane, BUSY_RETRY_MS);
      if (alone !== undefined) {
        const lane = lanes[0]!;
        if (result.busy.length) return;
        if (limit * 2 >= BATCH_SIZE) this.narrowed.delete(lane);
        else this.narrowed.set(lane, limit * 2);
        if (result.full || this.narrowed.has(lane)) this.dirty.add(lane);
        return;
      }
      this.backlogged = result.full;
      if (result.full) for (const lane of result.locked) this.dirty.add(lane);
    } catch (error) {
      const failures = Math.max(...lanes.map((lane) => (this.failures.get(lane) ?? 0) + 1));
      for (const lane of lanes) this.failures.set(lane, failures);
      const delay = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length) - 1]!;
      if (isDatabaseDown(error)) {
        // Nothing is lost: the bodies stay RECEIVED and the lanes are tried again.
        if (failures === 1) console.warn(`[webhook] lanes ${lanes.join(", ")}: the database is unavailable; retrying`);
        for (const lane of lanes) this.later(lane, delay);
        return;
      }
      const reason = error instanceof BatchFailure ? error.reason : error;
      const size = error instanceof BatchFailure ? Math.min(error.bodies, limit) : limit;
      console.error(`[webhook] lanes ${lanes.join(", ")}: a batch of ${size} failed${isolate ? ", item by item" : ""}`, reason);
      if (isolate) await recordFailedAttempt({ lane: lanes[0]!, error: reason, maxAttempts: MAX_ATTEMPTS }).catch(() => undefined);
      // Each lane of the batch alone from now on, at half the size that failed, until it succeeds.
      for (const lane of lanes) {
        this.narrowed.set(lane, Math.max(1, Math.floor(size / 2)));
        this.later(lane, isolate ? delay : 0);
      }
    }
  }

  private later(lane: number, ms: number) {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.wake([lane]);
    }, ms);
    this.timers.add(timer);
  }

  private async poll() {
    if (this.stopped) return;
    try {
      // The lanes with waiting bodies, one index probe per lane however long the backlog.
      const rows = await db.$queryRaw<{ lane: number }[]>`
        WITH RECURSIVE waiting AS (
          SELECT min(lane) AS lane FROM "WebhookEvent" WHERE state = 'RECEIVED'
          UNION ALL
          SELECT (SELECT min(lane) FROM "WebhookEvent" WHERE state = 'RECEIVED' AND lane > waiting.lane)
          FROM waiting WHERE waiting.lane IS NOT NULL)
        SELECT lane FROM waiting WHERE lane IS NOT NULL`;
      this.wake(rows.map((row) => row.lane).filter((lane) => !this.inFlight.has(lane)));
    } catch (error) {
      if (!isDatabaseDown(error)) console.error("[webhook] could not look for unprocessed bodies", error);
    }
    if (!this.stopped) this.pollTimer = setTimeout(() => void this.poll(), POLL_MS);
  }
}

/** Starts processing in this process; returns a stop function that lets running batches finish. */
export function startWebhookProcessor(): () => Promise<void> {
  const processor = new WebhookProcessor();
  processor.start();
  return () => processor.stop();
}
