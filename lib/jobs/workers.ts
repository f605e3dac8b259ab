import type PgBoss from "pg-boss";
import { deliverMessage } from "@/lib/inbox/deliver-message";
import { queues, type SendMessageJob } from "./queue";

export async function startWorkers(boss: PgBoss): Promise<void> {
  await boss.work<SendMessageJob>(
    queues.sendMessage,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 },
    async ([job]) => {
      await deliverMessage({ messageId: job.data.messageId, lastAttempt: job.retryCount >= job.retryLimit });
    },
  );
}
