import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

// What the intake has accepted but not processed yet: how many bodies, and how long the oldest has
// waited. Shown in the webhook log and by /api/health, which reports "degraded" past
// WEBHOOK_BACKLOG_DEGRADED bodies.

export type WebhookBacklog = {
  /** Bodies acknowledged and not processed yet. */
  bodies: number;
  /** When the oldest of them arrived; null when there are none. */
  oldestReceivedAt: string | null;
  /** Seconds the oldest has waited (0 when there are none). */
  lagSeconds: number;
  /** Over the configured threshold. */
  degraded: boolean;
};

export async function webhookBacklog(): Promise<WebhookBacklog> {
  const [row] = await db.$queryRaw<{ bodies: number; oldest: Date | null; lag: number | null }[]>`
    SELECT count(*)::int AS bodies, min("receivedAt") AS oldest,
           extract(epoch FROM (now() AT TIME ZONE 'UTC') - min("receivedAt"))::float8 AS lag
    FROM "WebhookEvent" WHERE state = 'RECEIVED'`;
  const bodies = row?.bodies ?? 0;
  return {
    bodies,
    oldestReceivedAt: row?.oldest?.toISOString() ?? null,
    lagSeconds: Math.max(0, Math.round((row?.lag ?? 0) * 10) / 10),
    degraded: bodies > config().webhooks.backlogDegraded,
  };
}
