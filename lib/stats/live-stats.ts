import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { LiveStats } from "./contract";
import { messageFilter, messageSource } from "./message-source";
import { sumCounts } from "./read-rollups";
import { bucketStart, floorQuarter, QUARTER } from "./slots";

// GET /api/stats/live: the conversations that need someone now, and today's tiles in the time
// zone. Conversations are read directly (their indexes serve these counts); today's messages come
// from the rollups.
export async function liveStats({ tz, now = new Date() }: { tz: string; now?: Date }): Promise<LiveStats> {
  const dayStart = bucketStart(now.getTime(), "day", tz);
  const through = floorQuarter(now.getTime()) + QUARTER;
  const utcNow = Prisma.sql`${now}::timestamptz AT TIME ZONE 'UTC'`;
  // Each count reads one index: open ones from (status, waitingSince, assigneeId) alone, closing
  // windows from the narrow range of lastInboundAt.
  const [[conversations], [windows], [longest], [received], rows] = await Promise.all([
    db.$queryRaw<{ open: bigint; unassigned: bigint; waiting: bigint }[]>`
      SELECT count(*) AS open, count(*) FILTER (WHERE "assigneeId" IS NULL) AS unassigned, count("waitingSince") AS waiting
      FROM "Conversation" WHERE status = 'OPEN'`,
    db.$queryRaw<{ closing1: bigint; closing4: bigint }[]>`
      SELECT count(*) FILTER (WHERE "lastInboundAt" <= ${utcNow} - interval '23 hours') AS closing1, count(*) AS closing4
      FROM "Conversation"
      WHERE "lastInboundAt" > ${utcNow} - interval '24 hours' AND "lastInboundAt" <= ${utcNow} - interval '20 hours' AND status <> 'RESOLVED'`,
    db.$queryRaw<{ id: string; waitingSince: Date }[]>`
      SELECT id, "waitingSince" FROM "Conversation" WHERE status = 'OPEN' AND "waitingSince" IS NOT NULL
      ORDER BY "waitingSince" LIMIT 1`,
    db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM "Message" WHERE "createdAt" >= ${new Date(dayStart)}::timestamptz AT TIME ZONE 'UTC'
        AND direction = 'INBOUND'`,
    sumCounts(messageSource, { filter: messageFilter({}), spans: [{ from: floorQuarter(dayStart), to: through }] }),
  ]);
  const today = rows[0];
  return {
    open: Number(conversations?.open ?? 0),
    unassigned: Number(conversations?.unassigned ?? 0),
    waiting: Number(conversations?.waiting ?? 0),
    longestWaitSeconds: longest ? Math.max(0, Math.round((now.getTime() - longest.waitingSince.getTime()) / 1000)) : null,
    longestWaitConversationId: longest?.id ?? null,
    windowClosingWithin1h: Number(windows?.closing1 ?? 0),
    windowClosingWithin4h: Number(windows?.closing4 ?? 0),
    today: {
      queued: today?.queued ?? 0,
      sent: today?.sent ?? 0,
      delivered: today?.delivered ?? 0,
      read: today?.read ?? 0,
      failed: today?.failed ?? 0,
      received: Number(received?.count ?? 0),
    },
  };
}
