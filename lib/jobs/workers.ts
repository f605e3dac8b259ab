import type PgBoss from "pg-boss";
import { deliverMessage } from "@/lib/inbox/deliver-message";
import { wakeSnoozed } from "@/lib/inbox/wake-snoozed";
import { deliverReadReceipt } from "@/lib/inbox/deliver-read-receipt";
import { fetchInboundMedia } from "@/lib/media/fetch-inbound-media";
import { syncChannelTemplates } from "@/lib/whatsapp/sync-templates";
import { queues, type FetchMediaJob, type ReadReceiptJob, type SendMessageJob, type SyncTemplatesJob } from "./queue";

export async function startWorkers(boss: PgBoss): Promise<void> {
  await boss.work<SendMessageJob>(
    queues.sendMessage,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 },
    async ([job]) => {
      await deliverMessage({ messageId: job.data.messageId, lastAttempt: job.retryCount >= job.retryLimit });
    },
  );
  await boss.work<FetchMediaJob>(
    queues.fetchMedia,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 },
    async ([job]) => {
      await fetchInboundMedia({ mediaId: job.data.mediaId, lastAttempt: job.retryCount >= job.retryLimit });
    },
  );
  await boss.work<ReadReceiptJob>(queues.readReceipt, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    await deliverReadReceipt(job.data);
  });
  await boss.work<SyncTemplatesJob>(queues.syncTemplates, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    await syncChannelTemplates({ channelId: job.data.channelId });
  });
  // Every minute, snoozed conversations whose time has come reopen.
  await boss.schedule(queues.wakeSnoozed, "* * * * *");
  await boss.work(queues.wakeSnoozed, async () => {
    await wakeSnoozed();
  });
}
