import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

// Data retention, run daily from the job queue. After RETENTION_DAYS go:
// - processed webhook bodies: the raw JSON Meta sent, whose content now lives in the inbox;
// - status receipts (MessageStatusEvent): each was applied to its message when it arrived, or
//   waited for a wamid that is still unknown after all this time (sends give up within minutes).
//   The age is when Switchboard stored the receipt, not Meta's timestamp, so a late delivery of an
//   old receipt still gets its full time to find its message.
// Kept: messages, conversations and the audit trail; and webhook bodies that FAILED (or never
// finished) processing, however old. Those are the only copy of something the inbox never
// recorded, and the webhook log offers them for replay; once replayed they are PROCESSED and go on
// the next run. The count of such old bodies is reported so they are not forgotten.
// Deletes run in batches, each its own short transaction, so no lock is held for long.

export const PURGE_BATCH = 5_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type PurgeResult = { webhookEvents: number; statusEvents: number; unprocessedKept: number; cutoff: Date };

export async function purgeExpiredRecords({
  now = new Date(),
  retentionDays = config().retentionDays,
  batchSize = PURGE_BATCH,
}: { now?: Date; retentionDays?: number; batchSize?: number } = {}): Promise<PurgeResult> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  // Uses the (state, receivedAt) index.
  const webhookEvents = await inBatches(
    batchSize,
    () =>
      db.$executeRaw`
      DELETE FROM "WebhookEvent" WHERE id IN (
        SELECT id FROM "WebhookEvent" WHERE state = 'PROCESSED' AND "receivedAt" < ${cutoff} LIMIT ${batchSize})`,
  );
  // No index on createdAt: each batch scans until it has found its rows, and old rows sit at the
  // start of the table, so that stays short.
  const statusEvents = await inBatches(
    batchSize,
    () =>
      db.$executeRaw`
      DELETE FROM "MessageStatusEvent" WHERE id IN (
        SELECT id FROM "MessageStatusEvent" WHERE "createdAt" < ${cutoff} LIMIT ${batchSize})`,
  );
  const unprocessedKept = await db.webhookEvent.count({ where: { state: { not: "PROCESSED" }, receivedAt: { lt: cutoff } } });
  return { webhookEvents, statusEvents, unprocessedKept, cutoff };
}

async function inBatches(batchSize: number, deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
