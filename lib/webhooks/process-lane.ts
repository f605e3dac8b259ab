import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/errors";
import { englishErrorText } from "@/lib/i18n/error-text";
import { publish, type Publication } from "@/lib/realtime/publish";
import { withRetryOnConflict } from "@/lib/whatsapp/retry-on-conflict";
import type { LoggedBody } from "./adapter";
import { adapterOfColumn } from "./adapters";
import { LANE_LOCK_BASE } from "./lanes";

// One batch: in one transaction, take the locks of the lanes asked for that no one else holds (so no
// other transaction, in this instance or another, processes them meanwhile), read their oldest
// unprocessed bodies in arrival order, hand them to their adapters, and mark each PROCESSED or
// FAILED. Socket events go out only after the commit. A crash or a failure before the commit leaves every body RECEIVED, to be
// processed again; nothing is stored twice, since messages and receipts are unique in the database.

export const BATCH_SIZE = 200;
/** A batch that cannot commit in this time is undone and tried again in smaller steps. */
const TRANSACTION_TIMEOUT_MS = 60_000;
const transactionOptions = { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 };

export type LanesRun = {
  /** The lanes this batch held: their bodies were processed in arrival order, up to the limit. */
  locked: number[];
  /** Lanes another transaction holds (another instance, or a replay): to be tried again soon. */
  busy: number[];
  processed: number;
  /** The batch took `limit` bodies: its lanes may have more waiting. */
  full: boolean;
};

/** A batch that failed as a whole (the database being unavailable is thrown as it is). */
export class BatchFailure extends Error {
  constructor(
    readonly bodies: number,
    readonly reason: unknown,
  ) {
    super(`A batch of ${bodies} webhook bodies failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = "BatchFailure";
  }
}
export type ProcessedBody = { eventId: string; state: "PROCESSED" | "FAILED"; error?: string };

type Row = LoggedBody & { source: string };

const columns = Prisma.sql`id, seq, source::text AS source, payload, "phoneNumberId" AS account, "channelId"`;

/**
 * Up to `limit` of the oldest bodies of the given lanes that no other transaction holds, in bulk,
 * in arrival order; `isolate` (one body of one lane, after batches failed as a whole) puts each of
 * its items in a savepoint, so what cannot be stored is named on the body and the rest is stored.
 */
export async function processLanes({
  lanes,
  limit = BATCH_SIZE,
  isolate = false,
}: {
  lanes: number[];
  limit?: number;
  isolate?: boolean;
}): Promise<LanesRun> {
  let size = limit;
  const run = await withRetryOnConflict(({ last }) =>
    db.$transaction(async (tx) => {
      const locked = (
        await tx.$queryRaw<{ lane: number }[]>`
          SELECT lane FROM unnest(${lanes}::int[]) AS lane WHERE pg_try_advisory_xact_lock(${LANE_LOCK_BASE}::bigint + lane)`
      ).map((row) => row.lane);
      const busy = lanes.filter((lane) => !locked.includes(lane));
      if (locked.length === 0) return { locked, busy, processed: 0, full: false, publications: [] };
      // Each lane's oldest bodies from its own index range, then the oldest of those: bounded
      // however long the backlog.
      const bodies = await tx.$queryRaw<Row[]>`
        SELECT oldest.* FROM unnest(${locked}::int[]) AS held(lane)
        CROSS JOIN LATERAL (
          SELECT ${columns} FROM "WebhookEvent"
          WHERE state = 'RECEIVED' AND lane = held.lane::smallint ORDER BY seq LIMIT ${limit}) AS oldest
        ORDER BY oldest.seq LIMIT ${limit}`;
      size = bodies.length;
      const { publications } = await processBodies({ tx, bodies, isolate, isolateConflicts: last });
      return { locked, busy, processed: bodies.length, full: bodies.length === limit, publications };
    }, transactionOptions),
  ).catch((error: unknown) => {
    throw isDatabaseDown(error) ? error : new BatchFailure(size, error);
  });
  const { publications, ...result } = run;
  publish(...publications);
  return result;
}

/**
 * Processes one logged body now, whatever its state (a replay), after any batch that has its lane.
 * Throws when the database is unavailable; a transaction that fails as a whole (conflicts that keep
 * coming back, a timeout) stores nothing and is recorded on the body.
 */
export async function processBodyNow({ eventId }: { eventId: string }): Promise<ProcessedBody> {
  try {
    const { outcomes, publications } = await withRetryOnConflict(({ last }) =>
      db.$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<(Row & { lane: number })[]>`
          SELECT ${columns}, lane FROM "WebhookEvent" WHERE id = ${eventId}`;
        if (!row) return { outcomes: [], publications: [] };
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LANE_LOCK_BASE + row.lane}::bigint)`;
        return processBodies({ tx, bodies: [row], isolate: true, isolateConflicts: last });
      }, transactionOptions),
    );
    publish(...publications);
    return outcomes[0] ?? { eventId, state: "FAILED", error: "No such webhook event." };
  } catch (error) {
    if (isDatabaseDown(error)) throw error;
    console.error(`[webhook] event ${eventId} failed to process`, error);
    const message = `Not processed: ${englishErrorText(error)}`.slice(0, 2000);
    await db.webhookEvent.update({ where: { id: eventId }, data: { state: "FAILED", processedAt: new Date(), error: message } });
    return { eventId, state: "FAILED", error: message };
  }
}

/** Hands bodies to their adapters, a source at a time in arrival order, and marks each with its outcome. */
async function processBodies({
  tx,
  bodies,
  isolate,
  isolateConflicts,
}: {
  tx: Prisma.TransactionClient;
  bodies: Row[];
  isolate: boolean;
  isolateConflicts: boolean;
}): Promise<{ publications: Publication[]; outcomes: ProcessedBody[] }> {
  if (bodies.length === 0) return { publications: [], outcomes: [] };
  const publications: Publication[] = [];
  const problems = new Map<string, string>();
  const bySource = new Map<string, Row[]>();
  for (const body of bodies) bySource.set(body.source, [...(bySource.get(body.source) ?? []), body]);
  for (const [source, group] of bySource) {
    const adapter = adapterOfColumn(source);
    if (!adapter) {
      for (const body of group) problems.set(body.id, `No adapter reads ${source} bodies.`);
      continue;
    }
    const outcome = await adapter.process({ tx, bodies: group, isolate, isolateConflicts });
    publications.push(...outcome.publications);
    for (const [id, problem] of outcome.problems) problems.set(id, problem);
  }
  const outcomes: ProcessedBody[] = bodies.map((body) => {
    const error = problems.get(body.id);
    return error ? { eventId: body.id, state: "FAILED", error } : { eventId: body.id, state: "PROCESSED" };
  });
  await tx.$executeRaw`
    UPDATE "WebhookEvent" AS w
    SET state = v.state::"WebhookEventState", error = v.error, "processedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(${outcomes.map((outcome) => outcome.eventId)}::text[], ${outcomes.map((outcome) => outcome.state)}::text[],
                ${outcomes.map((outcome) => outcome.error ?? null)}::text[]) AS v(id, state, error)
    WHERE w.id = v.id`;
  return { publications, outcomes };
}

/**
 * After a batch failed as a whole, once more on its own: the oldest body of the lane counts one
 * failed attempt, and past `maxAttempts` it is set FAILED with the error, for an admin to replay,
 * so one body that can never be processed does not hold up its customer's lane forever.
 */
export async function recordFailedAttempt({ lane, error, maxAttempts }: { lane: number; error: unknown; maxAttempts: number }) {
  const message = `Not processed: ${englishErrorText(error)}`.replace(/\s+/g, " ").slice(0, 2000);
  await db.$executeRaw`
    UPDATE "WebhookEvent" SET attempts = attempts + 1, error = ${message},
      state = CASE WHEN attempts + 1 >= ${maxAttempts} THEN 'FAILED'::"WebhookEventState" ELSE state END,
      "processedAt" = CASE WHEN attempts + 1 >= ${maxAttempts} THEN now() AT TIME ZONE 'UTC' ELSE "processedAt" END
    WHERE id = (SELECT id FROM "WebhookEvent" WHERE state = 'RECEIVED' AND lane = ${lane}::smallint ORDER BY seq LIMIT 1)`;
}
