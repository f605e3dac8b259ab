import PgBoss from "pg-boss";
import { config } from "@/lib/config";
import { Prisma } from "@/lib/db/client";

// pg-boss keeps jobs in PostgreSQL (schema "pgboss"): no extra server, and jobs spread across
// every Switchboard process. server.ts starts it; producers find it on globalThis.

export const queues = {
  sendMessage: "whatsapp.send-message",
  fetchMedia: "whatsapp.fetch-media",
  readReceipt: "whatsapp.read-receipt",
  syncTemplates: "whatsapp.sync-templates",
  wakeSnoozed: "inbox.wake-snoozed",
  verifyAuditChain: "audit.verify-chain",
  purgeExpired: "retention.purge-expired",
  checkProfiles: "whatsapp.check-profiles",
  metaPricing: "stats.meta-pricing",
  rebuildStats: "stats.rebuild",
  fetchProfile: "messenger.fetch-profile",
} as const;

export type SendMessageJob = { messageId: string };
export type FetchMediaJob = { mediaId: string };
export type ReadReceiptJob = { channelId: string; wamid: string; typing: boolean };
// Without a channel id: every channel.
export type SyncTemplatesJob = { channelId?: string };
export type FetchProfileJob = { contactId: string };

const holder = globalThis as unknown as { switchboardBoss?: PgBoss };

export async function startQueue({ connectionString }: { connectionString: string }): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString, max: 4, application_name: "switchboard-jobs" });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  for (const name of Object.values(queues)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name);
  }
  holder.switchboardBoss = boss;
  return boss;
}

export async function stopQueue(): Promise<void> {
  await holder.switchboardBoss?.stop({ graceful: true, timeout: 5_000 });
  holder.switchboardBoss = undefined;
}

function boss(): PgBoss {
  if (!holder.switchboardBoss) throw new Error("The job queue is not running: start Switchboard through server.ts");
  return holder.switchboardBoss;
}

/**
 * Queues an outbound message, in the transaction `tx` that writes it QUEUED: the job exists exactly
 * when the message does. Meta's definite, retryable refusals are retried with backoff
 * (SEND_RETRY_LIMIT); the job is keyed by the message id, which the send sweeper looks for.
 */
export async function enqueueSend({ messageId, tx }: SendMessageJob & { tx: Prisma.TransactionClient }): Promise<void> {
  await boss().send(queues.sendMessage, { messageId } satisfies SendMessageJob, {
    retryLimit: config().sending.retryLimit,
    retryDelay: 2,
    retryBackoff: true,
    // Longer than a Graph call may take, so a job is never expired while its send is in flight.
    expireInSeconds: Math.ceil(config().whatsapp.graphTimeoutMs / 1_000) + 60,
    singletonKey: messageId,
    db: transactionDb(tx),
  });
}

/** SQL: whether a send job for the message whose id is `messageId` is waiting, retrying or running. */
export function liveSendJob(messageId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM pgboss.job j WHERE j.name = ${queues.sendMessage} AND j.singleton_key = ${messageId} AND j.state < 'completed')`;
}

/**
 * Queues the download of a customer's file. Given `tx`, the job is written in that transaction, so
 * it exists exactly when the media row does: a crash after the commit cannot leave a file unfetched.
 */
export async function enqueueFetchMedia({ mediaId, tx }: FetchMediaJob & { tx?: Prisma.TransactionClient }): Promise<void> {
  await boss().send(queues.fetchMedia, { mediaId } satisfies FetchMediaJob, {
    retryLimit: 4,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 300,
    singletonKey: mediaId,
    ...(tx ? { db: transactionDb(tx) } : {}),
  });
}

/**
 * Queues the read of a new Messenger customer's name and picture (User Profile API), in the
 * transaction that created the contact, so the webhook's own transaction makes no Graph call.
 */
export async function enqueueFetchProfile({ contactId, tx }: FetchProfileJob & { tx: Prisma.TransactionClient }): Promise<void> {
  await boss().send(queues.fetchProfile, { contactId } satisfies FetchProfileJob, {
    retryLimit: 3,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 120,
    singletonKey: contactId,
    db: transactionDb(tx),
  });
}

// pg-boss runs its SQL through this adapter, inside the caller's Prisma transaction.
function transactionDb(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const params = (values ?? []).map((value: unknown) =>
        value === undefined
          ? null
          : value !== null && typeof value === "object" && !(value instanceof Date)
            ? JSON.stringify(value)
            : value,
      );
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...params) };
    },
  };
}

/** Read receipts and typing indicators: worth a few quick tries, pointless once stale. */
export async function enqueueReadReceipt(job: ReadReceiptJob): Promise<void> {
  await boss().send(queues.readReceipt, job, { retryLimit: 3, retryDelay: 2, retryBackoff: true, expireInSeconds: 30 });
}

// A failed sync tries again after 5 minutes (Meta unreachable, token being renewed…).
const templateSyncOptions = { retryLimit: 5, retryDelay: 300, expireInSeconds: 600 } as const;

export async function enqueueTemplateSync(
  job: SyncTemplatesJob = {},
  { startAfterSeconds }: { startAfterSeconds?: number } = {},
): Promise<void> {
  await boss().send(queues.syncTemplates, job, { ...templateSyncOptions, ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}) });
}

/** Templates change at Meta without a webhook for every edit: sync daily at 04:00 UTC as well. */
export async function scheduleTemplateSync(): Promise<void> {
  await boss().schedule(queues.syncTemplates, "0 4 * * *", {} satisfies SyncTemplatesJob, { ...templateSyncOptions, tz: "UTC" });
}

/** The rollups price billable messages with the rate card: a new card recounts them (one at a time). */
export async function enqueueStatsRebuild(): Promise<void> {
  await boss().send(queues.rebuildStats, {}, { singletonKey: "stats.rebuild", retryLimit: 2, retryDelay: 60, expireInSeconds: 3_600 });
}
