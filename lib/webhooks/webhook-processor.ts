import "server-only";
import { db } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/errors";
import { BATCH_SIZE, BatchFailure, processLane, recordFailedAttempt } from "./process-lane";
import { onWebhookWake } from "./wake";

// Processes logged webhook bodies in the background (docs/architecture.md, "Webhooks in"). The
// intake wakes it as soon as a body is committed, naming the body's lane; a few lanes are processed
// at once, each a batch at a time (process-lane.ts), so one customer's bodies stay in order while
// others go ahead. A lane another instance holds is tried again moments later. Once a second it
// also looks for bodies nobody announced: those of an instance that stopped, or written before a
// restart. When the database is unavailable it backs off and tries again; a batch that fails as a
// whole is retried in halves down to one body, processed item by item; a body that still fails is
// counted, then set FAILED.

/** Lanes processed at once by this process. */
const PARALLEL_LANES = 4;
const POLL_MS = 1_000;
/** When another instance holds a lane: try again this soon, to take over its newer bodies. */
const BUSY_RETRY_MS = 20;
const MAX_ATTEMPTS = 5;
const BACKOFF_MS = [250, 500, 1_000, 2_000, 5_000];

class WebhookProcessor {
  private readonly dirty = new Set<number>();
  private readonly running = new Map<number, Promise<void>>();
  /** Lanes whose batches failed as a whole, with the size they are down to. */
  private readonly narrowed = new Map<number, number>();
  private readonly failures = new Map<number, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
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
    await Promise.allSettled(this.running.values());
  }

  wake(lanes: Iterable<number>) {
    for (const lane of lanes) this.dirty.add(lane);
    this.pump();
  }

  private pump() {
    if (this.stopped) return;
    for (const lane of this.dirty) {
      if (this.running.size >= PARALLEL_LANES) return;
      if (this.running.has(lane)) continue;
      this.dirty.delete(lane);
      this.running.set(
        lane,
        this.run(lane).finally(() => {
          this.running.delete(lane);
          this.pump();
        }),
      );
    }
  }

  private async run(lane: number) {
    // After a failed batch the lane narrows, halving its batches down to one body processed item by
    // item, so a body that cannot be stored is found in a few steps; success widens it again.
    const limit = this.narrowed.get(lane) ?? BATCH_SIZE;
    const isolate = this.narrowed.get(lane) === 1;
    try {
      const result = await processLane({ lane, limit, isolate });
      this.failures.delete(lane);
      if (result.busy) return this.later(lane, BUSY_RETRY_MS);
      if (limit < BATCH_SIZE) this.narrowed.set(lane, Math.min(BATCH_SIZE, limit * 2));
      if (limit * 2 >= BATCH_SIZE) this.narrowed.delete(lane);
      if (result.full || this.narrowed.has(lane)) this.dirty.add(lane);
    } catch (error) {
      const failures = (this.failures.get(lane) ?? 0) + 1;
      this.failures.set(lane, failures);
      const delay = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length) - 1]!;
      if (isDatabaseDown(error)) {
        // Nothing is lost: the bodies stay RECEIVED and the lane is tried again.
        if (failures === 1) console.warn(`[webhook] lane ${lane}: the database is unavailable; retrying`);
        return this.later(lane, delay);
      }
      const reason = error instanceof BatchFailure ? error.reason : error;
      const size = error instanceof BatchFailure ? Math.min(error.bodies, limit) : limit;
      console.error(`[webhook] lane ${lane}: a batch of ${size} failed${isolate ? ", item by item" : ""}`, reason);
      if (isolate) await recordFailedAttempt({ lane, error: reason, maxAttempts: MAX_ATTEMPTS }).catch(() => undefined);
      this.narrowed.set(lane, Math.max(1, Math.floor(size / 2)));
      this.later(lane, isolate ? delay : 0);
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
      this.wake(rows.map((row) => row.lane).filter((lane) => !this.running.has(lane)));
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
