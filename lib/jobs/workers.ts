import type PgBoss from "pg-boss";
import { runAuditVerification } from "@/lib/audit/run-verification";
import { refreshMessengerProfile } from "@/lib/contacts/refresh-messenger-profile";
import { recordDeadLetter } from "@/lib/conversations/dead-letters";
import { deliverMessage } from "@/lib/conversations/deliver-message";
import { wakeSnoozed } from "@/lib/conversations/wake-snoozed";
import { deliverReadReceipt } from "@/lib/conversations/deliver-read-receipt";
import { fetchInboundMedia } from "@/lib/media/fetch-inbound-media";
import { purgeExpiredRecords } from "@/lib/retention/purge-expired-records";
import { checkLiveProfiles } from "@/lib/business-profile/check-live-profiles";
import { config } from "@/lib/config";
import { rebuildStats, statsNeedRebuild } from "@/lib/stats/rebuild-stats";
import { refreshMetaPricing } from "@/lib/stats/refresh-meta-pricing";
import pg from "pg";
import { syncChannelTemplates } from "@/lib/whatsapp/sync-templates";
import {
  enqueueStatsRebuild,
  queues,
  type FetchMediaJob,
  type FetchProfileJob,
  type ReadReceiptJob,
  type SendMessageJob,
  type SyncTemplatesJob,
} from "./queue";

export async function startWorkers(boss: PgBoss): Promise<void> {
  await boss.work<SendMessageJob>(
    queues.sendMessage,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 },
    async ([job]) => {
      const attempt = job.retryCount + 1;
      const lastAttempt = job.retryCount >= job.retryLimit;
      await deliverMessage({ messageId: job.data.messageId, attempt, lastAttempt }).catch(async (error: unknown) => {
        // deliverMessage settles every answer itself; what escapes the last attempt is unforeseen.
        if (lastAttempt) await recordDeadLetter({ messageId: job.data.messageId, error, attempts: attempt });
        throw error;
      });
    },
  );
  await boss.work<FetchMediaJob>(queues.fetchMedia, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    await fetchInboundMedia({ mediaId: job.data.mediaId, lastAttempt: job.retryCount >= job.retryLimit });
  });
  await boss.work<ReadReceiptJob>(queues.readReceipt, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    await deliverReadReceipt(job.data);
  });
  await boss.work<FetchProfileJob>(queues.fetchProfile, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    await refreshMessengerProfile({ contactId: job.data.contactId });
  });
  await boss.work<SyncTemplatesJob>(queues.syncTemplates, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    await syncChannelTemplates({ channelId: job.data.channelId });
  });
  // Every minute, snoozed conversations whose time has come reopen.
  await boss.schedule(queues.wakeSnoozed, "* * * * *");
  await boss.work(queues.wakeSnoozed, async () => {
    await wakeSnoozed();
  });
  // Daily, at quiet hours (UTC): retention first, then a check of the whole audit chain. pg-boss
  // runs each tick once across all instances.
  await boss.schedule(queues.purgeExpired, "15 3 * * *", {}, { tz: "UTC", retryLimit: 3, retryDelay: 600, expireInSeconds: 3_600 });
  await boss.work(queues.purgeExpired, async () => {
    const result = await purgeExpiredRecords();
    const kept = result.unprocessedKept
      ? `; kept ${result.unprocessedKept} failed or unfinished webhook bodies from before then for replay`
      : "";
    console.log(
      `[retention] removed ${result.webhookEvents} processed webhook bodies and ${result.statusEvents} status receipts from before ${result.cutoff.toISOString()}${kept}`,
    );
  });
  // Daily: Meta's own cost figures (pricing_analytics) for the last week, beside the estimates.
  await boss.schedule(queues.metaPricing, "30 4 * * *", {}, { tz: "UTC", retryLimit: 3, retryDelay: 600, expireInSeconds: 3_600 });
  await boss.work(queues.metaPricing, async () => {
    const to = new Date();
    const { points, problems } = await refreshMetaPricing({ from: new Date(to.getTime() - 7 * 86_400_000), to });
    for (const problem of problems) console.error(`[stats] pricing_analytics for ${problem.wabaId} failed: ${problem.message}`);
    console.log(`[stats] stored ${points} days × categories × countries of Meta's pricing figures`);
  });
  await boss.work(queues.rebuildStats, { batchSize: 1, pollingIntervalSeconds: 2 }, async () => {
    const client = new pg.Client({ connectionString: config().database.url ?? undefined, application_name: "switchboard-stats-rebuild" });
    await client.connect();
    try {
      const result = await rebuildStats(client);
      console.log(`[stats] rebuilt the rollups from ${result.messages} outbound messages and ${result.events} conversation events`);
    } finally {
      await client.end();
    }
  });
  // After an upgrade that changed the rollups' shape, they wait for a rebuild: queue one.
  if (await statsNeedRebuild()) await enqueueStatsRebuild();
  await boss.schedule(queues.verifyAuditChain, "45 3 * * *", {}, { tz: "UTC", retryLimit: 3, retryDelay: 600, expireInSeconds: 3_600 });
  await boss.work(queues.verifyAuditChain, async () => {
    const result = await runAuditVerification({ trigger: "schedule" });
    if (result.ok) console.log(`[audit] the audit chain is intact (${result.events} events)`);
  });
  // Every three hours: each number's live business profile, to notice changes made outside Switchboard.
  await boss.schedule(queues.checkProfiles, "20 */3 * * *", {}, { tz: "UTC", retryLimit: 2, retryDelay: 300, expireInSeconds: 900 });
  await boss.work(queues.checkProfiles, async () => {
    const result = await checkLiveProfiles();
    if (result.drifted)
      console.log(`[profile] ${result.drifted} of ${result.checked} business profiles differ from their last saved version`);
  });
}
